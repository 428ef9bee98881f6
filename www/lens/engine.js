// The chart engine: the wasm module, loaded once per page from ../pkg/ and shared by
// every widget, and each widget's connection to it. A trap in wasm (a Rust panic) leaves
// the instance unusable: every connection is dropped, and the widgets reload their data
// into a fresh instance.

import { message } from './dom.js';

/** @typedef {import('./types.js').EngineModule} EngineModule */
/** @typedef {import('./types.js').Widget} Widget */

const PKG_JS = new URL('../pkg/evidence_lens.js', import.meta.url);
const PKG_WASM = new URL('../pkg/evidence_lens_bg.wasm', import.meta.url);

/** @type {Promise<EngineModule> | null} */
let engine = null;
let generation = 0;

/** The engine module, loading it on first use (and afresh after a trap). */
export function loadEngine() {
  const loading = (engine ??= (async () => {
    const url = new URL(PKG_JS);
    // A trapped instance cannot be reused: a fresh copy of the glue module gets a new one.
    if (generation > 0) url.searchParams.set('instance', String(generation));
    // The wasm downloads and compiles (as it streams) while the glue module loads. A server
    // that sends it without the application/wasm type gets the slower non-streaming compile.
    const compiled = fetch(PKG_WASM).then((response) => {
      if (!response.ok) throw new Error(`could not load the chart engine: HTTP ${response.status}`);
      return WebAssembly.compileStreaming(response.clone()).catch(() => response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)));
    });
    compiled.catch(() => {}); // awaited below; this only keeps a failure from going unhandled first
    /** @type {EngineModule} */
    const mod = await import(url.href);
    await mod.default({ module_or_path: await compiled });
    return mod;
  })());
  loading.catch(() => {
    if (engine === loading) engine = null;
  });
  return loading;
}

const I18N = new URL('../pkg/i18n/', import.meta.url);
/** Each language's texts on their way, fetched once per page. @type {Map<string, Promise<string>>} */
const languages = new Map();

/**
 * Starts downloading a language's texts (pkg/i18n/LANG.json), once per page, for an engine built
 * without them (the release build carries only English: `slim-catalogue`). English needs none.
 * @param {string} lang `en`, `es` or `fr`
 * @returns {Promise<string> | null}
 */
export function fetchLanguage(lang) {
  if (lang === 'en') return null;
  let texts = languages.get(lang);
  if (!texts) {
    texts = fetch(new URL(`${lang}.json`, I18N)).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))));
    texts.catch(() => languages.delete(lang)); // tried again by the next load
    languages.set(lang, texts);
  }
  return texts;
}

/**
 * Gives the engine (or the table converter) a language's texts unless it has them (a fresh
 * instance after a trap has lost them). Without them the widget speaks English: its chart still
 * works.
 * @param {{hasLanguage?(lang: string): boolean, installLanguage?(lang: string, json: string): void}} mod
 * @param {string} lang
 */
export async function ensureLanguage(mod, lang) {
  if (typeof mod.hasLanguage !== 'function' || typeof mod.installLanguage !== 'function' || mod.hasLanguage(lang)) return;
  try {
    mod.installLanguage(lang, (await fetchLanguage(lang)) ?? '{}');
  } catch (error) {
    console.warn(`evidence-lens: the ${lang} texts could not be loaded; English is used instead.`, error);
  }
}

/** The error a widget shows after its instance trapped. */
export class Crash extends Error {}

/** @type {Set<Connection>} */
const connections = new Set();

/**
 * One widget's handle on the engine: its wasm `Widget`, and calls into it that turn a trap
 * into a `Crash` and a fresh instance for everyone.
 */
export class Connection {
  /**
   * @param {() => string} crashText the message a crash shows, in the widget's language
   * @param {(origin: boolean) => void} onLost told when the instance trapped: `origin` for the widget whose call trapped
   */
  constructor(crashText, onLost) {
    this.crashText = crashText;
    this.onLost = onLost;
    /** @type {Widget | null} */
    this.widget = null;
    /** After this widget's crash every call meets the same crash, until it loads again. */
    this.crashed = false;
    /** How many times this widget's calls trapped. */
    this.crashes = 0;
    /** @type {EngineModule | null} */
    this.module = null;
  }

  /** Joins the page's widgets that are told of a trap. */
  open() {
    connections.add(this);
  }

  /** Leaves them and frees the wasm side. */
  close() {
    connections.delete(this);
    this.free();
  }

  free() {
    try {
      this.widget?.free();
    } catch {
      // A crashed instance cannot free; it is dropped with it.
    }
    this.widget = null;
  }

  /** Loads the engine module (shared by the page); a new load forgets an old crash. */
  async connect() {
    this.crashed = false;
    const mod = await loadEngine();
    this.module = mod;
    return mod;
  }

  /**
   * Makes the wasm widget when there is none (after `connect`).
   * @param {HTMLCanvasElement} canvas
   * @param {HTMLCanvasElement} overlay
   */
  ensureWidget(canvas, overlay) {
    if (!this.widget && this.module) this.widget = new this.module.Widget(canvas, overlay);
  }

  /**
   * Runs `fn(widget)`; a trap in wasm becomes a readable error and a fresh instance.
   * @template T
   * @param {(w: Widget) => T} fn
   * @returns {T}
   */
  call(fn) {
    // After this widget's crash, anything the reader does (keys, focus, the API) meets the
    // same crash, so the message and the "Try again" button stay until a reload.
    if (this.crashed) throw new Crash(this.crashText());
    if (!this.widget) throw new Error('the chart is not loaded');
    try {
      return fn(this.widget);
    } catch (error) {
      // A trap, or a call into a Widget that a trap left borrowed, means the instance is gone.
      if (error instanceof WebAssembly.RuntimeError || /recursive use of an object/.test(message(error))) {
        this.crashed = true;
        this.crashes += 1;
        instanceLost(this);
        throw new Crash(this.crashText());
      }
      throw error;
    }
  }

  /** Whether calls can be made now. */
  get usable() {
    return !!this.widget && !this.crashed;
  }
}

/**
 * After a trap every widget drops its handle; each one reloads its data into a new instance.
 * @param {Connection} origin
 */
function instanceLost(origin) {
  engine = null;
  generation += 1;
  for (const c of connections) {
    c.widget = null;
    c.onLost(c === origin);
  }
}
