// <evidence-lens>: the embeddable evidence widget.
//
// One script tag and one element:
//   <script type="module" src=".../evidence-lens.js"></script>
//   <evidence-lens src="my-trials.json" view="forest"></evidence-lens>
// The wasm is loaded once, from ./pkg/ next to this file, and shared by every widget
// on the page. Nothing here ever throws into the host page: problems are shown inside
// the element and reported with an `error` event.
//
// Safe under `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`
// and `require-trusted-types-for 'script'`: styles come from a constructed stylesheet
// (adoptedStyleSheets), sizes are set through CSSOM (`element.style.x = …`), every data
// string becomes a text node, and links are built with DOM APIs and only for http(s).
// There is no animation, so `prefers-reduced-motion` needs nothing.

const PKG_JS = new URL('./pkg/evidence_lens.js', import.meta.url);
const PKG_WASM = new URL('./pkg/evidence_lens_bg.wasm', import.meta.url);
const MAX_BYTES = 10 * 1024 * 1024;
const FILTER_KEYS = ['condition', 'therapy', 'route', 'design', 'kind'];
const LANGS = ['en', 'es', 'fr'];
/** Crashes of one widget after which it stops offering "Try again". */
const MAX_CRASHES = 3;
/**
 * Charts taller than this (CSS pixels) are drawn a window at a time: what can be seen and a
 * screen above and below it, redrawn as the page scrolls. A canvas as tall as a forest of
 * thousands of studies cost most of its first draw to allocate, paint and composite.
 */
const WINDOW_FROM = 3000;
/** Rows the accessible table shows at first and adds per click: laying out 500 rows took
 * ~60 ms of every large first chart (text shaping), 100 rows a fifth of that. */
const TABLE_PAGE = 100;
/** What is known of the items before a chart is drawn. */
const NO_ITEMS = Object.freeze({ count: 0, certainty: false });

// ---------------------------------------------------------------- the shared engine

/** The wasm module, loaded once per page; replaced by a fresh instance after a trap. */
let engine = null;
let generation = 0;
const live = new Set();

function loadEngine() {
  engine ??= (async () => {
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
    const mod = await import(url.href);
    await mod.default({ module_or_path: await compiled });
    return mod;
  })();
  engine.catch(() => {
    engine = null;
  });
  return engine;
}

class Crash extends Error {}

/** After a trap every widget drops its handle; each one reloads its data into a new instance. */
function engineCrashed(origin) {
  engine = null;
  generation += 1;
  for (const w of live) {
    w._widget = null;
    if (w !== origin) w._scheduleReload();
  }
}

// ---------------------------------------------------------------- strings

// Every interface string comes from the one table in src/i18n.rs (`uiStrings(lang)`).
// These few are needed before the wasm has loaded, or if it cannot load at all.
const BEFORE_WASM = {
  'ui.loading': 'Loading the evidence…',
  'ui.error_intro': 'The evidence chart could not be shown:',
  'shell.crash': 'The chart stopped working because of an internal error.',
  'shell.retry': 'Try again',
  'shell.chart_loading': 'Evidence chart (loading)',
  'shell.chart_unavailable': 'Evidence chart unavailable',
};

/**
 * Resolves in a new task, so that the browser can paint and handle input first. A message,
 * not a timer: background tabs hold timers back for up to a second.
 */
function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (m, k) => (values[k] === undefined ? m : String(values[k])));
}

// ---------------------------------------------------------------- styles

const STYLE = `
:host { display: block; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
:host([hidden]) { display: none; }
.root { color: #1a1a1a; background: #fff; }
.root.dark { color: #ececec; background: #181a1b; }
.controls { display: flex; flex-wrap: wrap; gap: 0.5em 1em; align-items: flex-end; margin: 0 0 0.5em; }
.views { display: flex; flex-wrap: wrap; gap: 0.25em; border: 0; margin: 0; padding: 0; }
.views legend, .field > span { display: block; font-size: 0.85em; color: #4d4d4d; }
.dark .views legend, .dark .field > span { color: #c4c4c4; }
.field { display: flex; flex-direction: column; }
select { max-width: 16em; text-overflow: ellipsis; }
button, select { font: inherit; font-size: 0.95em; color: inherit; background: #fff; border: 1px solid #767676; border-radius: 4px; padding: 0.3em 0.6em; min-height: 2.2em; }
.dark button, .dark select { background: #2a2d2e; border-color: #9a9a9a; }
button[aria-pressed="true"] { background: #005a8c; border-color: #005a8c; color: #fff; }
.dark button[aria-pressed="true"] { background: #8fd0f5; border-color: #8fd0f5; color: #111; }
button:focus-visible, select:focus-visible, a:focus-visible, .stage:focus-visible { outline: 3px solid #005a8c; outline-offset: 2px; }
.dark button:focus-visible, .dark select:focus-visible, .dark a:focus-visible, .dark .stage:focus-visible { outline-color: #8fd0f5; }
.tools { display: flex; flex-wrap: wrap; gap: 0.25em; }
a { color: #005a8c; }
.dark a { color: #8fd0f5; }
.frame { position: relative; overflow-x: hidden; }
.frame.fixed { overflow-y: auto; }
/* The chart canvas is transparent: the stage carries the theme's background (the same colours
   as the chart's theme), kept in forced-colours mode and in print, where the chart's own
   colours need it. */
.stage { position: relative; direction: ltr; background: #fff; forced-color-adjust: none; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.dark .stage { background: #181a1b; }
canvas { display: block; width: 100%; }
canvas.chart { position: absolute; left: 0; top: 0; }
canvas.overlay { position: absolute; inset: 0 auto auto 0; pointer-events: none; }
.tooltip { position: absolute; z-index: 2; max-width: min(26em, 90%); font-size: 0.9em; padding: 0.5em 0.7em; border: 1px solid #767676; border-radius: 4px;
  background: #fff; color: #1a1a1a; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.25); pointer-events: none; overflow-wrap: anywhere; text-align: start; }
.dark .tooltip { background: #2a2d2e; color: #ececec; border-color: #9a9a9a; }
.tooltip p, .details p { margin: 0.15em 0; }
.tooltip ul, .details ul { margin: 0.15em 0; padding-inline-start: 1.2em; }
.label { font-weight: 600; }
.muted { color: #4d4d4d; }
.dark .muted { color: #c4c4c4; }
.status:empty { display: none; }
.status { margin: 0.5em 0; }
.problems { margin: 0.5em 0; padding: 0.5em 0.75em; border-inline-start: 4px solid #b34700; background: rgba(213, 94, 0, 0.08); overflow-wrap: anywhere; }
.problems ul { margin: 0.25em 0 0; padding-inline-start: 1.25em; }
.details { margin: 0.5em 0; padding: 0.5em 0.75em; border: 1px solid #767676; border-radius: 4px; overflow-wrap: anywhere; }
.details h3 { font-size: 1em; margin: 0 0 0.25em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.table-box { overflow-x: auto; margin-top: 0.5em; }
table { border-collapse: collapse; font-size: 0.9em; }
caption { text-align: start; font-weight: 600; padding: 0.25em 0; }
th, td { text-align: start; vertical-align: top; padding: 0.25em 0.6em; border-bottom: 1px solid rgba(128, 128, 128, 0.5); overflow-wrap: anywhere; }
td a { margin-inline-end: 0.5em; }
[hidden] { display: none !important; }
`;

let sheet = null;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
}

// ---------------------------------------------------------------- helpers

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An absolute http(s) URL, or null: the only links the widget ever makes. */
export function safeUrl(value) {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function message(error) {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : String(error);
}

/** `therapy:AHSCT;design:rct,crossover_rct` → {therapy: ['AHSCT'], design: ['rct', 'crossover_rct']}. */
export function parseFilter(text) {
  const filters = {};
  for (const part of String(text || '').split(';')) {
    if (!part.trim()) continue;
    const i = part.indexOf(':');
    if (i < 0) throw new Error(`filter "${part.trim()}" needs the form key:value (keys: ${FILTER_KEYS.join(', ')})`);
    const key = part.slice(0, i).trim().toLowerCase();
    if (!FILTER_KEYS.includes(key)) throw new Error(`unknown filter "${key}"; expected one of ${FILTER_KEYS.join(', ')}`);
    const values = part.slice(i + 1).split(',').map((v) => v.trim()).filter(Boolean);
    if (values.length) filters[key] = values;
  }
  return filters;
}

function normaliseFilters(obj) {
  const out = {};
  if (!obj || typeof obj !== 'object') return out;
  for (const key of Object.keys(obj)) {
    if (!FILTER_KEYS.includes(key)) throw new Error(`unknown filter "${key}"; expected one of ${FILTER_KEYS.join(', ')}`);
    const v = obj[key];
    const list = (Array.isArray(v) ? v : v == null ? [] : String(v).split(',')).map((x) => String(x).trim()).filter(Boolean);
    if (list.length) out[key] = list;
  }
  return out;
}

function filterText(filters) {
  return FILTER_KEYS.filter((k) => filters[k]?.length).map((k) => `${k}:${filters[k].join(',')}`).join(';');
}

/** Reads the `#el-<id>=…` parts of the location hash. */
function hashParts() {
  const parts = new Map();
  for (const part of location.hash.replace(/^#/, '').split('&')) {
    const i = part.indexOf('=');
    if (i > 0 && part.startsWith('el-')) parts.set(part.slice(0, i), part.slice(i + 1));
  }
  return parts;
}

function csvCell(value) {
  let s = value == null ? '' : String(value);
  // Spreadsheets run cells that start like a formula; a leading apostrophe stops that.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---------------------------------------------------------------- the element

export class EvidenceLens extends HTMLElement {
  static observedAttributes = ['src', 'view', 'outcome', 'measure', 'method', 'filter', 'theme', 'lang', 'height'];

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet()];
    this._strings = { ...BEFORE_WASM };
    this._root = el('div', { class: 'root', part: 'root' });
    this._controls = el('div', { class: 'controls', role: 'group' });
    this._problems = el('div', { class: 'problems', hidden: '' });
    this._status = el('p', { class: 'status', role: 'status' });
    // After an internal error this widget's instance is gone; the button loads it afresh.
    this._retry = el('button', { type: 'button', 'data-control': 'retry', hidden: '' });
    this._retry.addEventListener('click', () => this._load({ retry: true }));
    this._frame = el('div', { class: 'frame' });
    this._stage = el('div', { class: 'stage', tabindex: '0', role: 'group' });
    this._canvas = el('canvas', { class: 'chart', role: 'img' });
    this._overlay = el('canvas', { class: 'overlay', 'aria-hidden': 'true' });
    this._tooltip = el('div', { class: 'tooltip', role: 'tooltip', hidden: '' });
    this._live = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });
    this._details = el('section', { class: 'details', hidden: '' });
    this._tableBox = el('div', { class: 'table-box visually-hidden' });
    this._table = el('table');
    this._tableMore = el('div', { class: 'table-more' });
    this._tableBox.append(this._table, this._tableMore);
    // Keyboard focus entering the hidden table (its links, the more-rows button) opens it,
    // so that nothing focused is invisible.
    this._tableBox.addEventListener('focusin', () => this._tableOpen || this._showTable(true));
    this._stage.append(this._canvas, this._overlay, this._tooltip);
    this._frame.append(this._stage);
    this._root.append(this._controls, this._problems, this._status, this._retry, this._frame, this._live, this._details, this._tableBox);
    root.append(this._root);

    this._widget = null;
    this._data = null;
    this._state = null; // {view, outcome, filters, sort, selected}
    this._itemsInfo = NO_ITEMS;
    this._keys = null; // fetched when first needed (see _keyList)
    this._focusKey = null;
    this._hoverKey = null;
    this._tableOpen = false;
    this._loadToken = 0;
    this._drawn = { width: 0, dpr: 0, options: '' };
    this._frameRequest = 0;
    this._newReady();

    this._resizeObserver = new ResizeObserver(() => this._scheduleDraw());
    this._darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
    this._onScheme = () => {
      if (this.getAttribute('theme') === 'auto') this._redraw(false);
    };
    this._onHash = () => this._restoreFromHash(true);
    this._onDpr = () => this._scheduleDraw();
    this._onScroll = () => {
      if (this._windowStale()) this._scheduleDraw();
    };
    // Scrolling that no scroll listener hears (a scroller inside another component's shadow
    // root): the chart canvas moving through the viewport is seen every twentieth of its height.
    this._visibility = new IntersectionObserver(this._onScroll, { threshold: Array.from({ length: 21 }, (_, i) => i / 20) });
    // Print the whole of a long chart, not the window on screen.
    this._onPrint = (e) => {
      // Only a long chart is drawn a window at a time (after printing, its window is all of it).
      if (!this._drawn.window || !this._widget || this._drawn.height <= WINDOW_FROM) return;
      try {
        this._drawWindow(e.type === 'beforeprint' ? [0, this._drawn.height] : this._window());
      } catch (error) {
        this._fail(error);
      }
    };
    this._bindInput();
  }

  connectedCallback() {
    live.add(this);
    this._resizeObserver.observe(this);
    this._darkQuery.addEventListener('change', this._onScheme);
    window.addEventListener('hashchange', this._onHash);
    // Capturing: scrolling of any container the page puts the widget in, too.
    document.addEventListener('scroll', this._onScroll, { capture: true, passive: true });
    this._frame.addEventListener('scroll', this._onScroll, { passive: true });
    window.addEventListener('resize', this._onScroll);
    this._visibility.observe(this._canvas);
    window.addEventListener('beforeprint', this._onPrint);
    window.addEventListener('afterprint', this._onPrint);
    this._watchDpr();
    this._connected = true;
    this._load();
  }

  disconnectedCallback() {
    this._connected = false;
    this._loading = false;
    live.delete(this);
    this._resizeObserver.disconnect();
    this._darkQuery.removeEventListener('change', this._onScheme);
    window.removeEventListener('hashchange', this._onHash);
    document.removeEventListener('scroll', this._onScroll, { capture: true });
    this._frame.removeEventListener('scroll', this._onScroll);
    window.removeEventListener('resize', this._onScroll);
    this._visibility.disconnect();
    window.removeEventListener('beforeprint', this._onPrint);
    window.removeEventListener('afterprint', this._onPrint);
    this._dprQuery?.removeEventListener('change', this._onDpr);
    cancelAnimationFrame(this._frameRequest);
    this._frameRequest = 0;
    this._loadToken++;
    this._abort?.abort();
    this._abort = null;
    this._loaded = null;
    // Free the wasm side now; connecting again (e.g. after a move in the DOM) reloads.
    try {
      this._widget?.free();
    } catch {
      // A crashed instance cannot free; it is dropped with it.
    }
    this._widget = null;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    // An element upgraded from the page's HTML hears its attributes before connectedCallback,
    // which loads anyway: reacting here fetched every src twice.
    if (!this._connected || oldValue === newValue) return;
    if (name === 'src' || name === 'measure') this._load();
    else if (name === 'lang') this._load();
    else if (name === 'view' || name === 'outcome' || name === 'filter') {
      this._state = null;
      // The data is already here: redraw from the attributes instead of loading it again
      // (a reload per change fetched and parsed the source each time, and a burst of
      // changes left as many fetches in flight).
      if (this._loaded && this._widget) this._reshow();
      // A load under way reads the attributes again before it draws.
      else if (!this._loading) this._load();
    } else if (name === 'height') this._applyHeight();
    else this._redraw(true);
  }

  // ------------------------------------------------------------ public API

  /** Data given from code: a dataset object (JSON shape); replaces `src` and inline data. */
  set data(value) {
    this._data = value;
    if (this.isConnected) this._load();
  }
  get data() {
    return this._data;
  }

  /** The current view, outcome, filters, sort and selection. */
  get state() {
    const s = this._currentState();
    return { view: s.view, outcome: s.outcome, filters: structuredClone(s.filters), sort: s.sort, selected: s.selected };
  }

  /** Resolves when a chart is on screen; rejects if loading fails before one is. */
  whenReady() {
    return this._ready;
  }

  _newReady() {
    this._ready = new Promise((resolve, reject) => {
      this._readyResolve = resolve;
      this._readyReject = reject;
    });
    this._ready.catch(() => {}); // a failure is reported by the `error` event too
    this._readySettled = false;
  }

  setView(view) {
    this._update({ view: String(view || '') }, true);
  }

  setFilter(filters) {
    this._update({ filters: normaliseFilters(filters) });
  }

  setOutcome(outcome) {
    this._update({ outcome: String(outcome || '') });
  }

  setSort(sort) {
    this._update({ sort: String(sort || '') });
  }

  /** Selects an item by key (as in `select` events); null clears. Returns whether it exists. */
  select(key) {
    if (key == null) {
      this._setSelected(null);
      return true;
    }
    const item = this._item(key);
    if (!item) return false;
    this._setSelected(item.key, true);
    return true;
  }

  async toPNG() {
    await this._ready;
    // The whole chart with its background: the widget's canvas shows only a window of a long
    // one, over the widget's own background.
    const image = document.createElement('canvas');
    this._call((w) => w.drawImage(image));
    return new Promise((resolve, reject) => image.toBlob((b) => (b ? resolve(b) : reject(new Error('the image could not be made'))), 'image/png'));
  }

  async toSVG() {
    await this._ready;
    return this._call((w) => w.toSvg());
  }

  async toCSV() {
    await this._ready;
    const s = this._strings;
    const header = ['key', s['ui.study'], s['ui.result'], s['ui.estimate_ci'], s['ui.participants'], s['ui.certainty'], s['ui.source']];
    const rows = (this._call((w) => w.items()) || []).map((i) => [i.key, i.label, i.detail, i.value, i.n ?? '', i.certainty ?? '', (i.links || []).map((l) => safeUrl(l.url)).filter(Boolean).join(' ')]);
    return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  async citations() {
    await this._ready;
    const list = this._call((w) => w.citations()) || [];
    return list.map((c) => ({ ...c, links: (c.links || []).filter((l) => safeUrl(l.url)) }));
  }

  // ------------------------------------------------------------ wasm calls

  /** Runs `fn(widget)`; a trap in wasm becomes a readable error and a fresh instance. */
  _call(fn) {
    // After this widget's crash, anything the reader does (keys, focus, the API) meets the
    // same crash, so the message and the "Try again" button stay until a reload.
    if (this._crashed) throw new Crash(this._strings['shell.crash']);
    if (!this._widget) throw new Error('the chart is not loaded');
    try {
      return fn(this._widget);
    } catch (error) {
      // A trap, or a call into a Widget that a trap left borrowed, means the instance is gone.
      if (error instanceof WebAssembly.RuntimeError || /recursive use of an object/.test(message(error))) {
        engineCrashed(this);
        this._crashed = true;
        this._crashes = (this._crashes || 0) + 1;
        throw new Crash(this._strings['shell.crash']);
      }
      throw error;
    }
  }

  _scheduleReload() {
    queueMicrotask(() => this.isConnected && this._load());
  }

  // ------------------------------------------------------------ loading

  /** Loads the engine and the data and draws; `retry` when the reader pressed "Try again". */
  async _load({ retry = false } = {}) {
    const token = ++this._loadToken;
    this._loading = true;
    this._retrying = retry;
    this._crashed = false;
    this._crashShown = false;
    this._retry.hidden = true;
    this._loaded = null;
    // Until the new data is drawn, scrolling has no window to move, and nothing of the old
    // data's keyboard order or table is offered.
    this._drawn.window = null;
    this._keys = null;
    this._itemsInfo = NO_ITEMS;
    this._tableMore.replaceChildren();
    this._abort?.abort();
    this._abort = null;
    this._status.textContent = this._strings['ui.loading'];
    this._canvas.setAttribute('aria-label', this._strings['shell.chart_loading']);
    this._root.setAttribute('aria-busy', 'true');
    try {
      // The data downloads while the wasm compiles.
      const reading = this._readSource();
      reading.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
      const mod = await loadEngine();
      if (token !== this._loadToken) return;
      this._engine = mod;
      await this._loadStrings(mod);
      if (!this._widget) this._widget = new mod.Widget(this._canvas, this._overlay);
      const source = await reading;
      if (token !== this._loadToken) return;
      const report = this._call((w) => (source.kind === 'builtin' ? w.loadBuiltin() : source.kind === 'csv' ? w.loadCsv(source.bytes, source.measure) : w.loadJson(source.bytes)));
      this._showProblems(report);
      if (!report.ok) {
        const first = report.errors[0];
        throw new Error(first ? `${first.path}: ${first.message}` : 'the data could not be read');
      }
      this._facets = this._call((w) => w.facets());
      // A large dataset takes a few hundred milliseconds to read and as long again to
      // appraise: the page gets to paint and answer input between the steps. Attributes
      // changed meanwhile cleared the state, which is read again before each step.
      const resume = async () => {
        await nextTask();
        if (token !== this._loadToken) return false;
        this._state ??= this._initialState();
        return true;
      };
      if (!(await resume())) return;
      this._call((w) => {
        w.setOptions(this._options(), this._theme());
        w.resize(this._stage.clientWidth || this.clientWidth || 600, window.devicePixelRatio || 1);
      });
      if (!(await resume())) return;
      this._loaded = report;
      this._applyHeight();
      this._status.textContent = '';
      this._redraw(true);
      // The "Try again" button that had the focus is gone: the chart takes it.
      if (retry && this._drewOk) this._stage.focus();
      this._retrying = false;
      this._announceReady();
    } catch (error) {
      if (token === this._loadToken) this._fail(error);
    } finally {
      if (token === this._loadToken) this._loading = false;
    }
  }

  /** After a view, outcome or filter attribute changed on loaded data: state from the attributes, one redraw. */
  _reshow() {
    try {
      this._state = this._initialState();
    } catch (error) {
      this._fail(error);
      return;
    }
    this._focusKey = null;
    this._hoverKey = null;
    this._hideTooltip();
    this._live.textContent = '';
    this._status.textContent = '';
    this._redraw(true);
    this._announceReady();
  }

  _announceReady() {
    const report = this._loaded;
    if (!this._drewOk || !report) return;
    this._root.removeAttribute('aria-busy');
    this._readyResolve();
    this._readySettled = true;
    this.dispatchEvent(new CustomEvent('ready', { detail: { studies: report.studies, items: this._itemsInfo.count, warnings: report.warnings.length, errors: report.errors.length, view: this._state.view } }));
  }

  async _loadStrings(mod) {
    const lang = this._lang();
    const table = { ...BEFORE_WASM };
    try {
      const pairs = typeof mod.uiStrings === 'function' ? mod.uiStrings(lang) : [];
      for (const [k, v] of pairs || []) if (typeof v === 'string') table[k] = v;
    } catch {
      // English it is.
    }
    this._strings = table;
    this._root.setAttribute('lang', lang);
  }

  _lang() {
    const own = this.getAttribute('lang') || this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
    const base = own.trim().toLowerCase().slice(0, 2);
    return LANGS.includes(base) ? base : 'en';
  }

  async _readSource() {
    const measure = this.getAttribute('measure') || undefined;
    if (this._data != null) {
      const text = typeof this._data === 'string' ? this._data : JSON.stringify(this._data);
      return { kind: 'json', bytes: new TextEncoder().encode(text) };
    }
    const inline = [...this.children].find((c) => c.localName === 'script' && c.type === 'application/json');
    if (inline) return { kind: 'json', bytes: new TextEncoder().encode(inline.textContent) };
    const src = this.getAttribute('src');
    if (!src) return { kind: 'builtin' };
    const url = new URL(src, document.baseURI);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`src must be an http(s) URL, not ${url.protocol}`);
    this._abort = new AbortController();
    const response = await fetch(url, { credentials: 'same-origin', signal: this._abort.signal });
    if (!response.ok) throw new Error(`could not load ${src}: HTTP ${response.status}`);
    if (Number(response.headers.get('content-length')) > MAX_BYTES) throw new Error(`${src} is larger than ${MAX_BYTES / 1048576} MB`);
    const bytes = await readCapped(response, MAX_BYTES, src);
    const type = response.headers.get('content-type') || '';
    const isCsv = /\.csv$/i.test(url.pathname) || /csv/i.test(type);
    return isCsv ? { kind: 'csv', bytes, measure } : { kind: 'json', bytes };
  }

  _initialState() {
    const state = {
      view: this.getAttribute('view') || 'forest',
      outcome: this.getAttribute('outcome') || '',
      filters: parseFilter(this.getAttribute('filter')),
      sort: '',
      selected: null,
    };
    const fromHash = this._hashState();
    return fromHash ? { ...state, ...fromHash } : state;
  }

  _currentState() {
    return this._state || { view: this.getAttribute('view') || 'forest', outcome: this.getAttribute('outcome') || '', filters: {}, sort: '', selected: null };
  }

  _showProblems(report) {
    this._problems.replaceChildren();
    const s = this._strings;
    const list = [...report.errors.map((p) => [s['shell.problem_error'], p]), ...report.warnings.map((p) => [s['shell.problem_warning'], p])];
    if (!list.length) {
      this._problems.hidden = true;
      return;
    }
    const heading = el('strong', {}, report.ok ? `${s['ui.partial']} (${s['ui.errors']}: ${report.errors.length}, ${s['ui.warnings']}: ${report.warnings.length}):` : s['ui.error_intro']);
    const ul = el('ul');
    for (const [kind, p] of list.slice(0, 50)) ul.append(el('li', {}, `${kind}: ${String(p.path).slice(0, 300)}: ${String(p.message).slice(0, 500)}`));
    this._problems.append(heading, ul);
    this._problems.hidden = false;
  }

  _fail(error) {
    const crash = error instanceof Crash;
    // The crash is already on screen and was announced: once is enough.
    if (crash && this._crashShown) return;
    this._crashShown = crash;
    const text = message(error).slice(0, 1000);
    // Offered after a crash, and again if trying again failed for any reason; not after a
    // third crash, since each one leaves a wasm instance behind and reloads every widget.
    const offer = (crash || this._retrying) && (this._crashes || 0) < MAX_CRASHES;
    this._retry.textContent = this._strings['shell.retry'];
    this._retry.hidden = !offer;
    if (offer && this._retrying) this._retry.focus();
    this._status.textContent = `${this._strings['ui.error_intro']} ${text}`;
    this._canvas.setAttribute('aria-label', this._strings['shell.chart_unavailable']);
    this._root.removeAttribute('aria-busy');
    this._drewOk = false;
    if (!this._readySettled) {
      this._readyReject(new Error(text));
      this._newReady();
    }
    this._retrying = false;
    this.dispatchEvent(new CustomEvent('error', { detail: { message: text } }));
  }

  _applyHeight() {
    const h = (this.getAttribute('height') || '').trim();
    const value = /^\d+(\.\d+)?$/.test(h) ? `${h}px` : h;
    if (value && CSS.supports('height', value)) {
      this._frame.style.height = value;
      this._frame.classList.add('fixed');
    } else {
      this._frame.style.height = '';
      this._frame.classList.remove('fixed');
    }
  }

  // ------------------------------------------------------------ drawing

  _theme() {
    const theme = this.getAttribute('theme') || 'light';
    if (theme === 'auto') return this._darkQuery.matches ? 'dark' : 'light';
    return theme === 'dark' ? 'dark' : 'light';
  }

  /** The options as `chart::build::ViewOptions` reads them: empty values left out. */
  _options() {
    const s = this._currentState();
    const options = { view: s.view || 'forest', lang: this._lang(), filters: {} };
    if (s.outcome) options.outcome = s.outcome;
    if (s.sort) options.sort = s.sort;
    const method = this.getAttribute('method');
    if (method) options.method = method.trim().toUpperCase();
    for (const k of FILTER_KEYS) if (s.filters[k]?.length) options.filters[k] = s.filters[k];
    return options;
  }

  _watchDpr() {
    this._dprQuery?.removeEventListener('change', this._onDpr);
    this._dprQuery = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this._dprQuery.addEventListener('change', this._onDpr, { once: true });
  }

  _scheduleDraw() {
    if (this._frameRequest) return;
    this._frameRequest = requestAnimationFrame(() => {
      this._frameRequest = 0;
      const dpr = window.devicePixelRatio || 1;
      if (dpr !== this._drawn.dpr) this._watchDpr();
      if (!this._widget || !this._state) return;
      if (this._stage.clientWidth !== this._drawn.width || dpr !== this._drawn.dpr) this._redraw(false);
      else if (this._windowStale()) {
        try {
          this._drawWindow();
        } catch (error) {
          this._fail(error);
        }
      }
    });
  }

  /** What can be seen of the chart: `top` and `bottom` in its CSS pixels, and the screen's height. */
  _seen() {
    const view = this._frame.classList.contains('fixed') ? this._frame.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    const stageTop = this._stage.getBoundingClientRect().top;
    return { top: view.top - stageTop, bottom: view.bottom - stageTop, screen: view.bottom - view.top };
  }

  /** The part of the chart to draw, `[top, height]` in CSS pixels (see WINDOW_FROM). */
  _window() {
    const height = this._drawn.height || 0;
    if (height <= WINDOW_FROM) return [0, height];
    const seen = this._seen();
    const screen = Math.max(200, seen.screen);
    const span = Math.min(height, 3 * screen);
    const top = Math.min(Math.max(0, seen.top - screen), height - span);
    return [Math.round(top), Math.ceil(span)];
  }

  /**
   * Whether what can be seen has come within half a screen of an edge of the window drawn
   * (other than the chart's own top and bottom): redrawing then, not once blank chart shows,
   * keeps ordinary scrolling from ever reaching undrawn rows.
   */
  _windowStale() {
    const drawn = this._drawn.window;
    const height = this._drawn.height;
    if (!drawn || !this._widget || drawn[1] >= height) return false;
    const seen = this._seen();
    const top = Math.max(0, seen.top);
    const bottom = Math.min(height, seen.bottom);
    if (top >= bottom) return false;
    const margin = seen.screen / 2;
    return Math.max(0, top - margin) < drawn[0] || Math.min(height, bottom + margin) > drawn[0] + drawn[1];
  }

  /** Draws a window of the chart, `[top, height]` in CSS pixels: by default around what can be seen now. */
  _drawWindow(range = this._window()) {
    this._call((w) => {
      w.setWindow(...range);
      w.draw();
    });
    this._drawn.window = range;
  }

  /** Draws at the current size; `changed` when data or options changed (rebuilds table and menus). */
  _redraw(changed) {
    if (!this._widget || !this._state) return;
    try {
      const options = this._options();
      const theme = this._theme();
      this._root.classList.toggle('dark', theme === 'dark');
      this._call((w) => w.setOptions(options, theme));
      const width = this._stage.clientWidth || this.clientWidth || 600;
      const dpr = window.devicePixelRatio || 1;
      const height = this._call((w) => w.resize(width, dpr));
      this._stage.style.height = `${height}px`;
      this._drawn = { width, dpr, height };
      this._drawWindow();
      if (changed) {
        this._itemsInfo = this._call((w) => ({ count: w.itemCount(), certainty: w.itemsHaveCertainty() }));
        this._canvas.setAttribute('aria-label', this._call((w) => w.summary()));
        this._buildControls();
        this._fillTable();
      }
      this._keys = null;
      const selected = this._item(this._state.selected);
      if (!selected) this._state.selected = null;
      if (this._focusKey && !this._keyList().includes(this._focusKey)) this._focusKey = null;
      this._call((w) => w.setHighlight(this._hoverKey || this._focusKey || this._state.selected || undefined));
      this._showDetails(selected);
      this._drewOk = true;
    } catch (error) {
      this._fail(error);
    }
  }

  /** Changes the state from the API or the controls, redraws, and writes the permalink. */
  _update(patch, viewChanged = false) {
    if (!this._state) this._state = this._currentState();
    const before = this._state.view;
    this._state = { ...this._state, ...patch };
    if (patch.view !== undefined || patch.filters !== undefined || patch.outcome !== undefined) {
      this._state.selected = null;
      this._focusKey = null;
      this._live.textContent = '';
    }
    this._hideTooltip();
    this._redraw(true);
    this._writeHash();
    if (viewChanged && this._state.view !== before) this.dispatchEvent(new CustomEvent('viewchange', { detail: { view: this._state.view } }));
  }

  // ------------------------------------------------------------ permalink

  _hashState() {
    if (!this.id) return null;
    const raw = hashParts().get(`el-${this.id}`);
    if (raw == null) return null;
    try {
      const params = new URLSearchParams(decodeURIComponent(raw));
      const filters = {};
      for (const k of FILTER_KEYS) if (params.get(k)) filters[k] = params.get(k).split(',').filter(Boolean);
      return { view: params.get('view') || 'forest', outcome: params.get('outcome') || '', sort: params.get('sort') || '', filters, selected: params.get('sel') || null };
    } catch {
      return null;
    }
  }

  _writeHash() {
    if (!this.id || !this._state) return;
    const s = this._state;
    const params = new URLSearchParams();
    params.set('view', s.view);
    if (s.outcome) params.set('outcome', s.outcome);
    if (s.sort) params.set('sort', s.sort);
    for (const k of FILTER_KEYS) if (s.filters[k]?.length) params.set(k, s.filters[k].join(','));
    if (s.selected) params.set('sel', s.selected);
    const parts = hashParts();
    parts.set(`el-${this.id}`, encodeURIComponent(params.toString()));
    const others = location.hash.replace(/^#/, '').split('&').filter((p) => p && !p.startsWith('el-'));
    const hash = [...others, ...[...parts].map(([k, v]) => `${k}=${v}`)].join('&');
    this._lastHash = hash;
    try {
      history.replaceState(history.state, '', `#${hash}`);
    } catch {
      // A sandboxed page may refuse; the permalink is a convenience.
    }
  }

  _restoreFromHash() {
    if (location.hash.replace(/^#/, '') === this._lastHash) return;
    const state = this._hashState();
    if (state && this._state) {
      this._state = state;
      this._redraw(true);
    }
  }

  // ------------------------------------------------------------ controls

  _buildControls() {
    const s = this._strings;
    const f = this._facets || {};
    const state = this._state;
    const active = this._root.activeElement || this.shadowRoot.activeElement;
    const activeName = active?.dataset?.control;
    this._controls.replaceChildren();
    this._controls.setAttribute('aria-label', s['shell.controls']);
    this._stage.setAttribute('aria-label', s['shell.chart_keys']);

    const views = f.views || ['forest'];
    if (views.length > 1) {
      const group = el('fieldset', { class: 'views' });
      group.append(el('legend', {}, s['shell.view']));
      for (const v of views) {
        const b = el('button', { type: 'button', 'aria-pressed': String(v === state.view), 'data-control': `view-${v}` }, s[`view.${v}`] || v);
        b.addEventListener('click', () => this.setView(v));
        group.append(b);
      }
      this._controls.append(group);
    }

    const outcomes = (f.outcomes || []).map((o) => [o.id, o.name]);
    this._addSelect('outcome', s['shell.outcome'], outcomes, state.outcome, (v) => this._update({ outcome: v }));
    const facetOf = { condition: 'conditions', therapy: 'therapies', route: 'routes', design: 'designs', kind: 'kinds' };
    for (const key of FILTER_KEYS) {
      const values = (f[facetOf[key]] || []).map((v) => [v, s[`${key === 'kind' ? 'shell.kind' : key}.${v}`] || v]);
      const current = (state.filters[key] || []).join(',');
      this._addSelect(key, s[`shell.${key}`], values, current, (v) => {
        const filters = { ...this._state.filters };
        if (v) filters[key] = v.split(',');
        else delete filters[key];
        this._update({ filters });
      });
    }
    const sorts = (f.sorts || []).map((v) => [v, s[`ui.sort.${v}`] || v]);
    if (sorts.length > 1) this._addSelect('sort', s['ui.sort'], sorts, state.sort || sorts[0][0], (v) => this._update({ sort: v === sorts[0][0] ? '' : v }), false);

    const tools = el('div', { class: 'tools' });
    const toggle = el('button', { type: 'button', 'aria-expanded': String(this._tableOpen), 'data-control': 'table' }, this._tableOpen ? s['ui.hide_table'] : s['ui.show_table']);
    toggle.addEventListener('click', () => this._showTable(!this._tableOpen));
    tools.append(toggle);
    if (this.id) {
      const copy = el('button', { type: 'button', 'data-control': 'copy-link' }, s['ui.copy_link']);
      copy.addEventListener('click', () => {
        this._writeHash();
        navigator.clipboard?.writeText(location.href).then(() => (this._live.textContent = s['shell.copied']), () => {});
      });
      tools.append(copy);
    }
    const exports = [
      ['png', async () => download(await this.toPNG(), 'evidence.png')],
      ['svg', async () => download(new Blob([await this.toSVG()], { type: 'image/svg+xml' }), 'evidence.svg')],
      ['csv', async () => download(new Blob([await this.toCSV()], { type: 'text/csv' }), 'evidence.csv')],
      ['citations', async () => download(new Blob([citationText(await this.citations())], { type: 'text/plain' }), 'evidence-sources.txt')],
    ];
    for (const [kind, run] of exports) {
      const label = kind === 'citations' ? s['ui.citations'] : s[`ui.download_${kind}`];
      const b = el('button', { type: 'button', 'data-control': `download-${kind}` }, label);
      b.addEventListener('click', () => run().catch((e) => this._fail(e)));
      tools.append(b);
    }
    this._controls.append(tools);
    if (activeName) this._controls.querySelector(`[data-control="${activeName}"]`)?.focus();
  }

  /** Shows or hides the data table (it stays in the accessibility tree either way). */
  _showTable(open) {
    const s = this._strings;
    this._tableOpen = open;
    this._tableBox.classList.toggle('visually-hidden', !open);
    const toggle = this._controls.querySelector('[data-control="table"]');
    toggle?.setAttribute('aria-expanded', String(open));
    if (toggle) toggle.textContent = open ? s['ui.hide_table'] : s['ui.show_table'];
  }

  _addSelect(name, label, values, current, onChange, withAll = true) {
    if (values.length < 2 && !current) return;
    const wrap = el('label', { class: 'field' });
    wrap.append(el('span', {}, label));
    const select = el('select', { 'data-control': name });
    if (withAll) select.append(el('option', { value: '' }, this._strings['shell.all']));
    for (const [value, text] of values) select.append(el('option', { value }, text));
    if (current && ![...select.options].some((o) => o.value === current)) select.append(el('option', { value: current }, current));
    select.value = current || '';
    select.addEventListener('change', () => onChange(select.value));
    wrap.append(select);
    this._controls.append(wrap);
  }

  // ------------------------------------------------------------ table and details

  /**
   * The accessible table of the view's items, a page at a time: 10,000 rows of DOM took
   * longer to lay out than everything else the widget does. A button adds the next page.
   */
  _fillTable() {
    const s = this._strings;
    const head = el('tr');
    const cols = ['ui.study', 'ui.result', 'ui.estimate_ci', 'ui.participants', ...(this._itemsInfo.certainty ? ['ui.certainty'] : []), 'ui.source'];
    for (const h of cols) head.append(el('th', { scope: 'col' }, s[h]));
    const thead = el('thead');
    thead.append(head);
    this._table.replaceChildren(el('caption'), thead, el('tbody'));
    this._appendRows(TABLE_PAGE);
  }

  /** Adds up to `count` more rows to the table and updates its caption and button. */
  _appendRows(count) {
    const s = this._strings;
    const total = this._itemsInfo.count;
    const tbody = this._table.tBodies[0];
    const from = tbody.rows.length;
    const to = Math.min(total, from + count);
    for (const r of this._ask((w) => w.itemsIn(from, to), [])) {
      const tr = el('tr');
      tr.append(el('th', { scope: 'row' }, r.label), el('td', {}, r.detail), el('td', {}, r.value), el('td', {}, r.n == null ? '' : String(r.n)));
      if (this._itemsInfo.certainty) tr.append(el('td', {}, r.certainty || ''));
      const src = el('td');
      this._appendLinks(src, r.links);
      tr.append(src);
      tbody.append(tr);
    }
    const grouped = (n) => this._ask(() => this._engine.formatCount(this._lang(), n), String(n));
    const partial = to < total ? ` (${format(s['shell.table_partial'], { shown: grouped(to), count: grouped(total) })})` : '';
    this._table.caption.textContent = s['shell.table_caption'] + partial;
    this._tableMore.replaceChildren();
    if (to < total) {
      const button = (control, label, count) => {
        const b = el('button', { type: 'button', 'data-control': control }, label);
        b.addEventListener('click', () => {
          this._appendRows(count);
          // Keep the keyboard where the new rows begin.
          const first = tbody.rows[to]?.cells[0];
          if (first) {
            first.tabIndex = -1;
            first.focus();
          }
        });
        return b;
      };
      this._tableMore.append(button('table-more', format(s['shell.table_more'], { n: grouped(Math.min(TABLE_PAGE, total - to)) }), TABLE_PAGE));
      // All at once for readers who want to go through every row (slow to lay out when there are thousands).
      if (total - to > TABLE_PAGE) this._tableMore.append(' ', button('table-all', format(s['shell.table_all'], { count: grouped(total) }), total));
    }
  }

  _appendLinks(parent, links) {
    for (const l of links || []) {
      const href = safeUrl(l.url);
      if (!href) continue;
      const a = el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, this._strings[`shell.link.${l.kind}`] || l.kind);
      parent.append(a, document.createTextNode(' '));
    }
  }

  /** The item's words: label, what was measured, the numbers, certainty, caveats, source. */
  _describe(container, item, withLinks) {
    const s = this._strings;
    container.append(el('p', { class: 'label' }, item.label));
    if (item.detail) container.append(el('p', { class: 'muted' }, item.detail));
    container.append(el('p', {}, item.value));
    if (item.n != null) container.append(el('p', {}, format(s['shell.participants'], { n: item.n })));
    if (item.certainty) container.append(el('p', {}, `${s['ui.certainty']}: ${item.certainty}`));
    // The tooltip stays short (two caveats); the selected-item panel has them all and the links.
    const caveats = (item.caveats || []).slice(0, withLinks ? 20 : 2);
    if (caveats.length) {
      container.append(el('p', {}, s['shell.caveats']));
      const ul = el('ul');
      for (const c of caveats) ul.append(el('li', {}, c));
      if (!withLinks && item.caveats.length > caveats.length) ul.append(el('li', {}, '…'));
      container.append(ul);
    }
    if (withLinks && item.citation) container.append(el('p', { class: 'muted' }, `${s['ui.source']}: ${item.citation}`));
    if (withLinks && item.links?.length) {
      const p = el('p');
      this._appendLinks(p, item.links);
      container.append(p);
    }
  }

  /**
   * The keys of the items in keyboard order, asked for when first needed after a redraw:
   * 2,000 of them took ~10 ms to cross from wasm on every redraw, and most redraws meet no keyboard.
   */
  _keyList() {
    this._keys ??= this._ask((w) => w.keys(), []);
    return this._keys;
  }

  /** The current view's item with this key (with its study's links), or null, also before a chart is loaded. */
  _item(key) {
    return key == null ? null : this._ask((w) => w.item(key), null);
  }

  /**
   * What the page shows beside the chart (items, keys), from event handlers that have no
   * try of their own: `fallback` before a chart is loaded, and on a failure, which is shown.
   */
  _ask(fn, fallback) {
    if (!this._widget || this._crashed) return fallback;
    try {
      return this._call(fn) ?? fallback;
    } catch (error) {
      this._fail(error);
      return fallback;
    }
  }

  _showTooltip(key, item = this._item(key)) {
    const box = key && this._call((w) => w.bounds(key));
    if (!item || !box) return this._hideTooltip();
    this._tooltip.replaceChildren();
    this._describe(this._tooltip, item, false);
    this._tooltip.hidden = false;
    const stageWidth = this._stage.clientWidth;
    const tipWidth = Math.min(this._tooltip.offsetWidth, stageWidth);
    const x = Math.max(0, Math.min(stageWidth - tipWidth, box.x + Math.min(box.width / 2, 40)));
    this._tooltip.style.left = `${x}px`;
    this._tooltip.style.top = `${box.y + box.height + 4}px`;
  }

  _hideTooltip() {
    this._tooltip.hidden = true;
  }

  /** Shows the selected item (`item`, as `_item` gives it) in the details box, or hides the box. */
  _showDetails(item) {
    this._details.replaceChildren();
    if (!item) {
      this._details.hidden = true;
      return;
    }
    const s = this._strings;
    this._details.setAttribute('aria-label', s['shell.selected']);
    this._details.append(el('h3', {}, s['shell.selected']));
    this._describe(this._details, item, true);
    const clear = el('button', { type: 'button' }, s['shell.clear']);
    clear.addEventListener('click', () => {
      this._setSelected(null);
      this._stage.focus();
    });
    this._details.append(clear);
    this._details.hidden = false;
  }

  _setSelected(key, emit = false) {
    if (!this._state) return;
    this._state.selected = key;
    try {
      this._call((w) => w.setHighlight(this._hoverKey || this._focusKey || key || undefined));
    } catch (error) {
      this._fail(error);
      return;
    }
    const item = this._item(key);
    this._showDetails(item);
    this._writeHash();
    if (emit && item) this.dispatchEvent(new CustomEvent('select', { detail: structuredClone(item) }));
  }

  // ------------------------------------------------------------ pointer and keyboard

  _bindInput() {
    const stage = this._stage;
    const point = (e) => {
      const r = stage.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    stage.addEventListener('pointermove', (e) => {
      if (!this._widget || !this._state) return;
      try {
        const key = this._call((w) => w.hitTest(...point(e))) ?? null;
        if (key === this._hoverKey) return;
        this._hoverKey = key;
        this._call((w) => w.setHighlight(key || this._focusKey || this._state.selected || undefined));
        stage.style.cursor = key ? 'pointer' : '';
        if (key) this._showTooltip(key);
        else this._hideTooltip();
      } catch (error) {
        this._fail(error);
      }
    });
    stage.addEventListener('pointerleave', () => {
      if (!this._widget || !this._state) return;
      this._hoverKey = null;
      this._hideTooltip();
      try {
        this._call((w) => w.setHighlight(this._focusKey || this._state.selected || undefined));
      } catch (error) {
        this._fail(error);
      }
    });
    stage.addEventListener('click', (e) => {
      if (!this._widget || !this._state) return;
      try {
        const key = this._call((w) => w.hitTest(...point(e)));
        if (key) {
          this._focusKey = key;
          this._setSelected(key, true);
        }
      } catch (error) {
        this._fail(error);
      }
    });
    stage.addEventListener('focus', () => {
      const keys = this._keyList();
      if (!keys.length) return;
      if (!this._focusKey) this._moveFocus(this._state?.selected && keys.includes(this._state.selected) ? this._state.selected : keys[0]);
    });
    stage.addEventListener('blur', () => {
      this._hideTooltip();
    });
    stage.addEventListener('keydown', (e) => {
      const keys = this._keyList();
      if (!keys.length || e.altKey || e.ctrlKey || e.metaKey) return;
      const i = keys.indexOf(this._focusKey);
      const last = keys.length - 1;
      let next = null;
      switch (e.key) {
        case 'ArrowDown':
        case 'ArrowRight':
          next = keys[i < 0 ? 0 : Math.min(last, i + 1)];
          break;
        case 'ArrowUp':
        case 'ArrowLeft':
          next = keys[i < 0 ? 0 : Math.max(0, i - 1)];
          break;
        case 'Home':
          next = keys[0];
          break;
        case 'End':
          next = keys[last];
          break;
        case 'Enter':
        case ' ':
          if (this._focusKey) this._setSelected(this._focusKey, true);
          e.preventDefault();
          return;
        case 'Escape':
          this._focusKey = null;
          this._hideTooltip();
          this._setSelected(null);
          this._live.textContent = '';
          e.preventDefault();
          return;
        default:
          return;
      }
      e.preventDefault();
      this._moveFocus(next);
    });
  }

  _moveFocus(key) {
    if (!key) return;
    this._focusKey = key;
    const item = this._item(key);
    try {
      this._call((w) => w.setHighlight(key));
      this._showTooltip(key, item);
      const box = this._call((w) => w.bounds(key));
      if (box && this._frame.classList.contains('fixed')) {
        const top = box.y;
        if (top < this._frame.scrollTop || top + box.height > this._frame.scrollTop + this._frame.clientHeight) this._frame.scrollTop = Math.max(0, top - this._frame.clientHeight / 3);
      }
    } catch (error) {
      this._fail(error);
      return;
    }
    if (item) {
      const keys = this._keyList();
      const pos = format(this._strings['shell.position'], { index: keys.indexOf(key) + 1, count: keys.length });
      this._live.textContent = `${item.label}: ${item.detail ? `${item.detail}; ` : ''}${item.value}. ${pos}`;
    }
  }
}

async function readCapped(response, limit, name) {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      reader.cancel().catch(() => {});
      throw new Error(`${name} is larger than ${limit / 1048576} MB`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function citationText(list) {
  return list.map((c, i) => `${i + 1}. ${c.label}: ${c.text}${c.links.length ? `\n   ${c.links.map((l) => l.url).join('\n   ')}` : ''}`).join('\n') + '\n';
}

if (!customElements.get('evidence-lens')) customElements.define('evidence-lens', EvidenceLens);
