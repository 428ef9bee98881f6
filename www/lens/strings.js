// Interface strings. Every one comes from the one table in src/i18n.rs (`uiStrings(lang)`);
// these few are needed before the wasm has loaded, or if it cannot load at all.

/** @typedef {import('./types.js').Strings} Strings */
/** @typedef {import('./types.js').EngineModule} EngineModule */

const LANGS = ['en', 'es', 'fr'];

/**
 * The strings shown before the engine's table is there, in each language (the same words as
 * src/i18n.rs: tests/e2e/widget-lang.test.mjs compares them).
 * @type {Readonly<Record<string, Readonly<Strings>>>}
 */
export const BEFORE_WASM = Object.freeze({
  en: Object.freeze({
    'ui.loading': 'Loading the evidence…',
    'ui.error_intro': 'The evidence chart could not be shown:',
    'shell.crash': 'The chart stopped working because of an internal error.',
    'shell.retry': 'Try again',
    'shell.chart_loading': 'Evidence chart (loading)',
    'shell.chart_unavailable': 'Evidence chart unavailable',
  }),
  es: Object.freeze({
    'ui.loading': 'Cargando la evidencia…',
    'ui.error_intro': 'No se pudo mostrar el gráfico de la evidencia:',
    'shell.crash': 'El gráfico dejó de funcionar por un error interno.',
    'shell.retry': 'Reintentar',
    'shell.chart_loading': 'Gráfico de la evidencia (cargando)',
    'shell.chart_unavailable': 'Gráfico de la evidencia no disponible',
  }),
  fr: Object.freeze({
    'ui.loading': 'Chargement des preuves…',
    'ui.error_intro': 'Le graphique des preuves n’a pas pu être affiché\u00a0:',
    'shell.crash': "Le graphique a cessé de fonctionner à cause d'une erreur interne.",
    'shell.retry': 'Réessayer',
    'shell.chart_loading': 'Graphique des preuves (chargement)',
    'shell.chart_unavailable': 'Graphique des preuves indisponible',
  }),
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
  const table = { ...BEFORE_WASM.en };
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
