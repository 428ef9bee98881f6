// Interface strings. Every one comes from the one table in src/i18n.rs (`uiStrings(lang)`);
// these few are needed before the wasm has loaded, or if it cannot load at all.

/** @typedef {import('./types.js').Strings} Strings */
/** @typedef {import('./types.js').EngineModule} EngineModule */

const LANGS = ['en', 'es', 'fr'];

/** @type {Readonly<Strings>} */
export const BEFORE_WASM = Object.freeze({
  'ui.loading': 'Loading the evidence…',
  'ui.error_intro': 'The evidence chart could not be shown:',
  'shell.crash': 'The chart stopped working because of an internal error.',
  'shell.retry': 'Try again',
  'shell.chart_loading': 'Evidence chart (loading)',
  'shell.chart_unavailable': 'Evidence chart unavailable',
});

/**
 * The element's language: its own `lang`, the nearest ancestor's, the document's; English
 * for anything the widget does not speak.
 * @param {Element} host
 */
export function langOf(host) {
  const own = host.getAttribute('lang') || host.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
  const base = own.trim().toLowerCase().slice(0, 2);
  return LANGS.includes(base) ? base : 'en';
}

/**
 * The whole table in a language (English where the engine has none).
 * @param {EngineModule} mod
 * @param {string} lang
 * @returns {Strings}
 */
export function stringsFor(mod, lang) {
  /** @type {Strings} */
  const table = { ...BEFORE_WASM };
  try {
    /** @type {[string, unknown][]} */
    const pairs = typeof mod.uiStrings === 'function' ? mod.uiStrings(lang) : [];
    for (const [k, v] of pairs || []) if (typeof v === 'string') table[k] = v;
  } catch {
    // English it is.
  }
  return table;
}

/**
 * A view's name for readers: the table's, or the engine's name with a capital.
 * @param {Strings} s
 * @param {string} view
 */
export function viewName(s, view) {
  const named = s[`view.${view}`];
  return named && named !== `view.${view}` ? named : view.charAt(0).toUpperCase() + view.slice(1);
}
