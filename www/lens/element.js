// <evidence-lens>: the embeddable evidence widget.
//
// One script tag and one element:
//   <script type="module" src=".../evidence-lens.js"></script>
//   <evidence-lens src="my-trials.json"></evidence-lens>
// scripts/build.sh bundles this module and those it imports into www/evidence-lens.js, the one
// file a page loads (esbuild; the modules in series had cost the first chart ~80 ms). The wasm is
// loaded once, from ./pkg/ next to that file, and shared by every widget on the page. Nothing here ever throws into the host page: problems are shown inside the element
// and reported with an `error` event.
//
// Safe under `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`
// and `require-trusted-types-for 'script'`: styles come from a constructed stylesheet
// (adoptedStyleSheets), sizes are set through CSSOM (`element.style.x = …`), every data
// string becomes a text node, and links are built with DOM APIs and only for http(s).
//
// This module is the element: it owns the state and ties together the other modules here,
// each of one concern: engine (the shared wasm), state (the lifecycle and the reader's
// choices), source (where the data comes from), strings, chart (drawing and windowing),
// input (pointer and keyboard), controls and menu, details (tooltip, popover or bottom
// sheet, announcements), table, exports, permalink, style and the test hook.

import { ChartView } from './chart.js';
import { Controls } from './controls.js';
import { Details, SHEET_BELOW, Tooltip, itemSentence, selectedWhat } from './details.js';
import { el, format, labelled, message, nextTask, placed } from './dom.js';
import { Connection, Crash, ensureLanguage, fetchLanguage } from './engine.js';
import { chartPng, citationList, citationText, download, itemsCsv } from './exports.js';
import { bindInput } from './input.js';
import { currentHash, readHash, writeHash } from './permalink.js';
import { SourceError, readSource } from './source.js';
import { FILTER_KEYS, Lifecycle, initialState, normaliseFilters } from './state.js';
import { BEFORE_WASM, langOf, stringsFor, viewName } from './strings.js';
import { styleSheet } from './style.js';
import { DataTable } from './table.js';
import { Wake } from './wake.js';
import { BUILTIN_POSTER, Poster } from './poster.js';

export { safeUrl } from './dom.js';
export { parseFilter } from './state.js';

/** @typedef {import('./types.js').Item} Item */
/** @typedef {import('./types.js').ViewState} ViewState */
/** @typedef {import('./types.js').Facets} Facets */
/** @typedef {import('./types.js').Strings} Strings */
/** @typedef {import('./types.js').LoadReport} LoadReport */
/** @typedef {import('./types.js').FilterKey} FilterKey */
/** @typedef {import('./types.js').TestHook} TestHook */

/** Crashes of one widget after which it stops offering "Try again". */
const MAX_CRASHES = 3;
/** What is known of the items before a chart is drawn. @type {Readonly<{count: number, certainty: boolean}>} */
const NO_ITEMS = Object.freeze({ count: 0, certainty: false });

export class EvidenceLens extends HTMLElement {
  static observedAttributes = ['src', 'view', 'outcome', 'measure', 'method', 'filter', 'theme', 'lang', 'height', 'editor', 'poster'];

  /** @type {Strings} */
  #strings = { ...BEFORE_WASM.en };
  #life = new Lifecycle();
  #wake = new Wake(this);
  #poster = new Poster();
  /** This load's `ready` came with the poster: the engine's chart fires only `interactive`. */
  #posterReady = false;
  #conn = new Connection(() => this.#strings['shell.crash'], (origin) => this.#instanceLost(origin));
  #chart = new ChartView();
  #tooltip = new Tooltip();
  #details = new Details();
  #controls;
  #table;
  #root = el('div', { class: 'root', part: 'root' });
  #problems = el('div', { class: 'problems', hidden: '' });
  #status = el('p', { class: 'status', role: 'status' });
  // After an internal error this widget's instance is gone; the button loads it afresh.
  #retry = el('button', { type: 'button', 'data-control': 'retry', hidden: '' });
  #live = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });

  /** @type {unknown} the `data` property */
  #data = null;
  /** @type {ViewState | null} what the reader chose; null until the data is read (or after attributes changed) */
  #state = null;
  /** @type {Facets} */
  #facets = {};
  #itemsInfo = NO_ITEMS;
  /** An outcome asked for that the data do not have (a misspelt name), for the editor's list. */
  #unknownOutcome = '';
  /** @type {string[] | null} the items in keyboard order, fetched when first needed after a redraw */
  #keys = null;
  /** @type {string | null} */
  #focusKey = null;
  /** @type {string | null} */
  #hoverKey = null;
  /** @type {AbortController | null} */
  #abort = null;
  #frameRequest = 0;
  /** @type {string | null} the hash this widget wrote last, to tell it from the reader's */
  #lastHash = null;
  /** @type {MediaQueryList | null} */
  #dprQuery = null;

  #resizeObserver = new ResizeObserver(() => this.#scheduleDraw());
  #darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
  #onScheme = () => {
    if (this.getAttribute('theme') === 'auto') this.#redraw(false);
  };
  #onHash = () => this.#restoreFromHash();
  #onDpr = () => this.#scheduleDraw();
  #onScroll = () => {
    if (this.#conn.usable && this.#chart.windowStale()) this.#scheduleDraw();
  };
  // Scrolling that no scroll listener hears (a scroller inside another component's shadow
  // root): the chart canvas moving through the viewport is seen every twentieth of its height.
  #visibility = new IntersectionObserver(this.#onScroll, { threshold: Array.from({ length: 21 }, (_, i) => i / 20) });
  /** Prints the whole of a long chart, not the window on screen. @param {Event} e */
  #onPrint = (e) => {
    if (!this.#chart.windowed || !this.#conn.usable) return;
    try {
      this.#chart.drawWindow(this.#conn, e.type === 'beforeprint' ? [0, this.#chart.drawn.height] : this.#chart.window());
    } catch (error) {
      this.#fail(error);
    }
  };
  /** A same-page link to `#<id>` of this element (a skip link) lands on its chart. @param {MouseEvent} e */
  #onLinkClick = (e) => {
    if (!this.id || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.composedPath().find((n) => n instanceof HTMLAnchorElement);
    if (!(a instanceof HTMLAnchorElement) || a.getAttribute('href') !== `#${this.id}`) return;
    e.preventDefault();
    this.scrollIntoView({ block: 'start' });
    this.focus({ preventScroll: true });
  };

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [styleSheet()];
    this.#controls = new Controls({
      view: (v) => this.setView(v),
      filter: (key, values) => {
        const filters = { ...this.#currentState().filters };
        if (values) filters[key] = values;
        else delete filters[key];
        this.#update({ filters });
      },
      outcome: (v) => this.#update({ outcome: v }),
      sort: (v) => this.#update({ sort: v }),
      table: (open) => this.#showTable(open, true),
      action: (id) => this.#action(id),
    });
    this.#table = new DataTable({
      strings: () => this.#strings,
      rows: (from, to) => this.#ask((w) => w.itemsIn(from, to), []),
      count: (n) => this.#count(n),
    });
    this.#table.onToggle = (open) => this.#showTable(open, false);
    this.#retry.addEventListener('click', () => this.#load({ retry: true }));
    const chart = this.#chart;
    chart.stage.append(this.#tooltip.node);
    chart.frame.append(this.#details.node);
    this.#details.close.addEventListener('click', () => this.#closeDetails());
    this.#details.node.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      this.#closeDetails();
    });
    this.#root.append(this.#controls.node, this.#controls.panel, this.#problems, this.#status, this.#retry, this.#poster.node, chart.frame, this.#live, this.#table.box);
    shadow.append(this.#root);
    bindInput(chart.stage, {
      live: () => this.#conn.usable && !!this.#state,
      hit: (x, y) => this.#conn.call((w) => w.hitTest(x, y)) ?? null,
      hover: (key) => {
        if (key === this.#hoverKey) return;
        this.#hoverKey = key;
        this.#sync();
      },
      choose: (key, how) => {
        this.#focusKey = key;
        this.#setSelected(key, true, how);
      },
      focusIn: () => {
        const keys = this.#keyList();
        if (!keys.length || this.#focusKey) return this.#sync();
        const selected = this.#state?.selected;
        this.#moveTo(selected && keys.includes(selected) ? selected : keys[0]);
      },
      focusOut: () => this.#sync(),
      moveTo: (key) => this.#moveTo(key),
      keys: () => this.#keyList(),
      focused: () => this.#focusKey,
      escape: () => {
        this.#focusKey = null;
        this.#live.textContent = '';
        this.#setSelected(null);
      },
      fail: (error) => this.#fail(error),
    });
  }

  connectedCallback() {
    this.#conn.open();
    this.#resizeObserver.observe(this);
    this.#darkQuery.addEventListener('change', this.#onScheme);
    window.addEventListener('hashchange', this.#onHash);
    // Capturing: scrolling of any container the page puts the widget in, too.
    document.addEventListener('scroll', this.#onScroll, { capture: true, passive: true });
    this.#chart.frame.addEventListener('scroll', this.#onScroll, { passive: true });
    window.addEventListener('resize', this.#onScroll);
    this.#visibility.observe(this.#chart.canvas);
    window.addEventListener('beforeprint', this.#onPrint);
    window.addEventListener('afterprint', this.#onPrint);
    document.addEventListener('click', this.#onLinkClick);
    this.#watchDpr();
    const poster = this.#posterTemplate();
    // With a poster, the engine waits until the poster is on screen: its bytes come first.
    this.#wake.watch(!!poster);
    this.#load();
    if (poster) this.#showPoster(poster);
  }

  disconnectedCallback() {
    this.#life.disconnect();
    this.#wake.unwatch();
    this.#conn.close();
    this.#resizeObserver.disconnect();
    this.#darkQuery.removeEventListener('change', this.#onScheme);
    window.removeEventListener('hashchange', this.#onHash);
    document.removeEventListener('scroll', this.#onScroll, { capture: true });
    this.#chart.frame.removeEventListener('scroll', this.#onScroll);
    window.removeEventListener('resize', this.#onScroll);
    this.#visibility.disconnect();
    window.removeEventListener('beforeprint', this.#onPrint);
    window.removeEventListener('afterprint', this.#onPrint);
    document.removeEventListener('click', this.#onLinkClick);
    this.#dprQuery?.removeEventListener('change', this.#onDpr);
    cancelAnimationFrame(this.#frameRequest);
    this.#frameRequest = 0;
    this.#abort?.abort();
    this.#abort = null;
  }

  /**
   * @param {string} name
   * @param {string | null} oldValue
   * @param {string | null} newValue
   */
  attributeChangedCallback(name, oldValue, newValue) {
    // An element upgraded from the page's HTML hears its attributes before connectedCallback,
    // which loads anyway: reacting here fetched every src twice.
    if (!this.#life.connected || oldValue === newValue) return;
    if (name === 'src' || name === 'measure' || name === 'lang') this.#load();
    else if (name === 'view' || name === 'outcome' || name === 'filter') {
      this.#state = null;
      // The data is already here: redraw from the attributes instead of loading it again
      // (a reload per change fetched and parsed the source each time, and a burst of
      // changes left as many fetches in flight).
      if (this.#life.report && this.#conn.widget) this.#reshow();
      // A load under way reads the attributes again before it draws.
      else if (!this.#life.loading) this.#load();
    } else if (name === 'height') this.#chart.applyHeight(this.getAttribute('height') || '');
    else if (name === 'editor') {
      if (this.#life.report) this.#showProblems(this.#life.report);
    }
    else this.#redraw(true);
  }

  // ------------------------------------------------------------ public API

  /** Data given from code: a dataset object (JSON shape) or JSON text; replaces `src` and inline data. */
  set data(value) {
    this.#data = value;
    if (this.isConnected) this.#load();
  }
  get data() {
    return this.#data;
  }

  /** The current view, outcome, filters, sort and selection. */
  get state() {
    const s = this.#currentState();
    return { view: s.view, outcome: s.outcome, filters: structuredClone(s.filters), sort: s.sort, selected: s.selected };
  }

  /** Resolves when a chart is on screen; rejects if loading fails before one is. */
  whenReady() {
    // Asking for the chart is wanting it: a widget still waiting to come near the screen loads.
    this.#wake.now();
    return this.#life.ready;
  }

  /** @param {string} view */
  setView(view) {
    this.#update({ view: String(view || '') || this.#defaultView() }, true);
  }

  /** @param {unknown} filters */
  setFilter(filters) {
    this.#update({ filters: normaliseFilters(filters) });
  }

  /** @param {string | null} outcome */
  setOutcome(outcome) {
    this.#update({ outcome: String(outcome || '') });
  }

  /** @param {string | null} sort */
  setSort(sort) {
    this.#update({ sort: String(sort || '') });
  }

  /**
   * Selects an item by key (as in `select` events); null clears. Returns whether it exists.
   * @param {string | null} key
   */
  select(key) {
    if (key == null) {
      this.#setSelected(null);
      return true;
    }
    const item = this.#item(key);
    if (!item) return false;
    this.#setSelected(item.key, true, 'api');
    return true;
  }

  /**
   * Focuses the chart (a keyboard user lands on its items), not the first control.
   * @param {FocusOptions} [options]
   */
  focus(options) {
    this.#chart.stage.focus(options);
  }

  async toPNG() {
    await this.whenReady();
    return chartPng(this.#conn);
  }

  async toSVG() {
    await this.whenReady();
    return this.#conn.call((w) => w.toSvg());
  }

  /**
   * The current view's posters and their text alternative, for a snippet's `poster` attribute
   * and fallback picture (the embed page).
   * @returns {Promise<{alt: string, files: {name: string, width: number, theme: 'light' | 'dark', svg: string}[]}>}
   */
  async posters() {
    await this.whenReady();
    return this.#conn.call((w) => w.posters());
  }

  async toCSV() {
    await this.whenReady();
    return itemsCsv(this.#conn, this.#strings);
  }

  async citations() {
    await this.whenReady();
    return citationList(this.#conn);
  }

  /**
   * For tests and benchmarks only, and only when the page asks for it: the `test-hook`
   * attribute or `window.EVIDENCE_LENS_TEST = true` (see `TestHook` in lens/types.js).
   * @returns {TestHook | undefined}
   */
  get __testHook() {
    const enabled = this.hasAttribute('test-hook') || /** @type {{EVIDENCE_LENS_TEST?: unknown}} */ (globalThis).EVIDENCE_LENS_TEST === true;
    if (!enabled) return undefined;
    const box = (/** @type {string} */ key) => this.#ask((w) => w.bounds(key), null);
    return {
      phase: () => this.#life.phase,
      step: () => this.#life.step,
      loaded: () => !!this.#life.report,
      keys: () => [...this.#keyList()],
      itemCount: () => this.#itemsInfo.count,
      item: (key) => this.#item(key),
      bounds: (key) => box(key),
      clientRect: (key) => {
        const b = box(key);
        return b ? this.#chart.clientRect(b) : null;
      },
      statement: (key) => this.#statement(key),
      interaction: () => ({
        focused: this.#focusKey,
        hovered: this.#hoverKey,
        selected: this.#state?.selected ?? null,
        tooltip: this.#tooltip.node.hidden ? null : this.#tooltip.key,
        details: this.#details.open ? this.#details.key : null,
      }),
      appendRows: (n) => this.#table.appendRows(n),
      crash: () => {
        try {
          this.#conn.call((w) => w.__testPanic());
          return '';
        } catch (error) {
          this.#fail(error);
          return message(error);
        }
      },
    };
  }

  // ------------------------------------------------------------ loading

  /** A reload into a fresh instance after a trap; the widget whose call trapped shows the crash instead. @param {boolean} origin */
  #instanceLost(origin) {
    if (!origin) queueMicrotask(() => this.isConnected && this.#load());
  }

  /** Loads the engine and the data and draws; `retry` when the reader pressed "Try again". */
  async #load({ retry = false } = {}) {
    const life = this.#life;
    const token = life.startLoad(retry);
    const chart = this.#chart;
    // Until the engine's table comes, what the reader sees is in their language too.
    this.#strings = { ...this.#strings, ...BEFORE_WASM[langOf(this)] };
    this.#retry.hidden = true;
    // Until the new data is drawn, scrolling has no window to move, and nothing of the old
    // data's keyboard order or table is offered.
    chart.forget();
    this.#keys = null;
    this.#itemsInfo = NO_ITEMS;
    this.#unknownOutcome = '';
    this.#table.clear();
    this.#abort?.abort();
    this.#abort = new AbortController();
    this.#status.textContent = this.#strings['ui.loading'];
    chart.canvas.setAttribute('aria-label', this.#strings['shell.chart_loading']);
    this.#root.setAttribute('aria-busy', 'true');
    try {
      // Nothing downloads until the widget is wanted (see lens/wake.js).
      if (!this.#wake.woken) {
        life.step = 'wait';
        await this.#wake.wanted;
        if (!life.current(token)) return;
        life.step = 'engine';
      }
      // The data downloads while the wasm compiles.
      const reading = readSource(this, this.#data, this.#abort.signal);
      reading.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
      // The reader's language downloads with them (the engine carries only English).
      fetchLanguage(langOf(this))?.catch(() => {});
      const mod = await this.#conn.connect();
      if (!life.current(token)) return;
      const lang = langOf(this);
      await ensureLanguage(mod, lang);
      if (!life.current(token)) return;
      this.#strings = stringsFor(mod, lang);
      this.#root.setAttribute('lang', lang);
      this.#conn.ensureWidget(chart.canvas, chart.overlay);
      life.step = 'read';
      const source = await reading;
      if (!life.current(token)) return;
      /** @type {LoadReport} */
      const report = this.#conn.call((w) => (source.converted ? w.loadConverted(source.bytes, lang) : w.loadJson(source.bytes, lang)));
      // What the review converter left out is the editor's to know, with the data's warnings; a
      // table's problems are said by its rows and columns (see `Source`).
      if (source.notes) report.warnings.unshift(...source.notes);
      // (Unless the engine refused the JSON of a table that had no error: then its own say why.)
      if (source.table && (report.ok || source.table.errors.length)) Object.assign(report, source.table);
      this.#showProblems(report);
      if (!report.ok) {
        const first = report.errors[0];
        throw new Error(first ? placed(this.#strings, first.path, first.message) : 'the data could not be read');
      }
      this.#facets = this.#conn.call((w) => w.facets(lang)) || {};
      life.step = 'appraise';
      // A large dataset takes a few hundred milliseconds to read and as long again to
      // appraise: the page gets to paint and answer input between the steps. Attributes
      // changed meanwhile cleared the state, which is read again before each step.
      const resume = async () => {
        await nextTask();
        if (!life.current(token)) return false;
        this.#state ??= this.#initialState();
        return true;
      };
      if (!(await resume())) return;
      this.#conn.call((w) => {
        w.setOptions(this.#options(), this.#theme());
        w.resize(chart.width(this.clientWidth || 600), window.devicePixelRatio || 1);
      });
      life.step = 'draw';
      if (!(await resume())) return;
      life.report = report;
      chart.applyHeight(this.getAttribute('height') || '');
      this.#controls.build(this.#facets, this.#strings, this.#currentState(), !!this.id);
      this.#status.textContent = '';
      if (!this.#redraw(true)) return;
      life.shown();
      this.#replacePoster();
      // The "Try again" button that had the focus is gone: the chart takes it.
      if (retry) chart.stage.focus();
      this.#announceReady();
    } catch (error) {
      if (life.current(token)) this.#fail(error);
    }
  }

  /** After a view, outcome or filter attribute changed on loaded data: state from the attributes, one redraw. */
  #reshow() {
    try {
      this.#state = this.#initialState();
    } catch (error) {
      this.#fail(error);
      return;
    }
    this.#focusKey = null;
    this.#hoverKey = null;
    this.#live.textContent = '';
    this.#status.textContent = '';
    if (!this.#redraw(true)) return;
    this.#life.shown();
    this.#announceReady();
  }

  #announceReady() {
    const report = this.#life.report;
    if (this.#life.phase !== 'shown' || !report) return;
    this.#root.removeAttribute('aria-busy');
    this.#life.settleReady();
    const detail = { studies: report.studies, items: this.#itemsInfo.count, warnings: report.warnings.length, errors: report.errors.length, view: this.#currentState().view };
    if (!this.#posterReady) this.dispatchEvent(new CustomEvent('ready', { detail }));
    this.#posterReady = false;
    this.dispatchEvent(new CustomEvent('interactive', { detail }));
  }

  // ------------------------------------------------------------ poster

  /**
   * The poster's address: the `poster` attribute, or the built-in dataset's posters when the
   * widget shows that data as it first comes (no data of its own, the default view, nothing
   * filtered, no permalink state). None otherwise: a poster of another chart would mislead.
   */
  #posterTemplate() {
    // A relative address resolves against the page, as the picture's `src` does.
    const own = this.getAttribute('poster');
    if (own) return own;
    const ownData = this.hasAttribute('src') || this.#data != null || [...this.children].some((c) => c instanceof HTMLScriptElement);
    const asFirstShown = ['', 'summary'].includes(this.getAttribute('view') || '') && !this.getAttribute('filter') && !this.getAttribute('outcome') && !readHash(this.id, '');
    return !ownData && asFirstShown ? BUILTIN_POSTER : '';
  }

  /**
   * Shows the poster at once, and says `ready` when it is on screen (unless the chart came first).
   * @param {string} template
   */
  #showPoster(template) {
    const token = this.#life.token;
    const shown = this.#poster.show(template, { width: this.clientWidth || this.parentElement?.clientWidth || window.innerWidth, theme: this.#theme(), lang: langOf(this) });
    // Its bytes are here already: the engine need not wait for its decoding to start downloading.
    if (this.#poster.arrived) this.#wake.posterSettled();
    shown
      .then((shown) => {
        this.#wake.posterSettled();
        if (!shown || !this.#life.current(token) || !this.#life.loading) return;
        this.#posterReady = true;
        this.dispatchEvent(new CustomEvent('ready', { detail: { poster: true, view: this.#currentState().view } }));
      });
  }

  /** The engine's chart is drawn: the poster goes, and a tap on it selects what was tapped. */
  #replacePoster() {
    if (this.#poster.node.hidden) return;
    const tap = this.#poster.takeTap();
    this.#poster.hide();
    if (!tap) return;
    // What was tapped is found where the poster drew it: the engine lays the view out again at
    // the poster's width. (A picture without a size falls back to the chart's own layout.)
    const box = this.#chart.stage.getBoundingClientRect();
    const key = this.#ask((w) => (tap.width > 0 && tap.height > 0
      ? w.posterHitTest(tap.width, tap.x * tap.width, tap.y * tap.height)
      : w.hitTest(tap.x * box.width, tap.y * box.height)), null);
    if (key) {
      this.#focusKey = key;
      this.#setSelected(key, true, 'touch');
    }
  }

  /** The engine's first view: the default when neither an attribute nor a permalink names one. */
  #defaultView() {
    return this.#facets.views?.[0] || '';
  }

  #initialState() {
    return initialState(this, this.#defaultView(), readHash(this.id, this.#defaultView()));
  }

  /** @returns {ViewState} */
  #currentState() {
    return this.#state || { view: this.getAttribute('view') || this.#defaultView(), outcome: this.getAttribute('outcome') || '', filters: {}, sort: '', selected: null };
  }

  /** @param {LoadReport} report */
  #showProblems(report) {
    const box = this.#problems;
    box.replaceChildren();
    const s = this.#strings;
    // Warnings and the rows left out are for the editor who chose the data, not for every
    // reader: with the `editor` attribute they are listed here; without it a reader learns
    // only that some entries were left out, and the list goes to the console.
    const editor = this.hasAttribute('editor');
    if (!editor && (report.errors.length || report.warnings.length)) {
      console.warn(`evidence-lens: ${report.errors.length} errors, ${report.warnings.length} warnings in the data; the editor attribute lists them in the widget.`, [...report.errors, ...report.warnings]);
    }
    box.classList.toggle('quiet', !editor && report.ok);
    if (!editor && report.ok) {
      box.hidden = !report.errors.length;
      if (report.errors.length) box.append(el('span', {}, `${s['ui.partial']}.`));
      return;
    }
    // Data that cannot be shown fails with its first error; the list holds the others.
    const errors = report.ok ? report.errors : report.errors.slice(1);
    // A misspelt outcome keeps no study: the editor is told which outcomes there are.
    const asked = this.#unknownOutcome
      ? [{ path: 'outcome', message: format(s['shell.outcome_unknown'], { outcome: this.#unknownOutcome, outcomes: (this.#facets.outcomes || []).map((o) => o.name).join(', ') }) }]
      : [];
    const warnings = editor ? [...asked, ...report.warnings] : [];
    /** @type {[string, import('./types.js').Problem][]} */
    const list = [...errors.map((p) => /** @type {[string, import('./types.js').Problem]} */ ([s['shell.problem_error'], p])), ...warnings.map((p) => /** @type {[string, import('./types.js').Problem]} */ ([s['shell.problem_warning'], p]))];
    box.hidden = !list.length;
    if (!list.length) return;
    // Only warnings: notes, not "could not be shown" (nothing was left out for an error).
    const counts = report.errors.length
      ? `${s['ui.partial']} (${labelled(s, s['ui.errors'], report.errors.length)}, ${labelled(s, s['ui.warnings'], warnings.length)})`
      : `${s['ui.notes']} (${labelled(s, s['ui.warnings'], warnings.length)})`;
    const heading = el('strong', {}, report.ok ? labelled(s, counts, '').trimEnd() : labelled(s, s['ui.errors'], report.errors.length));
    const ul = el('ul');
    for (const [kind, p] of list.slice(0, 50)) {
      // A problem of the whole file has no place to name.
      const where = String(p.path).slice(0, 300);
      const text = String(p.message).slice(0, 500);
      ul.append(el('li', {}, labelled(s, kind, placed(s, where, text))));
    }
    box.append(heading, ul);
  }

  /** Shows a failure in the element and reports it with an `error` event. @param {unknown} error */
  #fail(error) {
    const life = this.#life;
    const crash = error instanceof Crash;
    // The crash is already on screen and was announced: once is enough.
    if (crash && life.crashShown) return;
    life.crashShown = crash;
    const text = (error instanceof SourceError ? format(this.#strings[error.key] || error.key, error.values) : message(error)).slice(0, 1000);
    // Offered after a crash, and again if trying again failed for any reason; not after a
    // third crash, since each one leaves a wasm instance behind and reloads every widget.
    const offer = (crash || life.retrying) && this.#conn.crashes < MAX_CRASHES;
    this.#retry.textContent = this.#strings['shell.retry'];
    this.#retry.hidden = !offer;
    if (offer && life.retrying) this.#retry.focus();
    this.#status.textContent = `${this.#strings['ui.error_intro']} ${text}`;
    this.#chart.canvas.setAttribute('aria-label', this.#strings['shell.chart_unavailable']);
    this.#root.removeAttribute('aria-busy');
    this.#tooltip.hide();
    life.failed(crash);
    life.failReady(text);
    this.dispatchEvent(new CustomEvent('error', { detail: { message: text } }));
  }

  // ------------------------------------------------------------ drawing

  #theme() {
    const theme = this.getAttribute('theme') || 'light';
    if (theme === 'auto') return this.#darkQuery.matches ? 'dark' : 'light';
    return theme === 'dark' ? 'dark' : 'light';
  }

  /** The options as `chart::build::ViewOptions` reads them: empty values left out (the engine's defaults). */
  #options() {
    const s = this.#currentState();
    /** @type {{view?: string, lang: string, filters: Record<string, string[]>, outcome?: string, sort?: string, method?: string}} */
    const options = { lang: langOf(this), filters: {} };
    const view = s.view || this.#defaultView();
    if (view) options.view = view;
    if (s.outcome) options.outcome = s.outcome;
    if (s.sort) options.sort = s.sort;
    const method = this.getAttribute('method');
    if (method) options.method = method.trim().toUpperCase();
    for (const k of FILTER_KEYS) {
      const v = s.filters[k];
      if (v?.length) options.filters[k] = v;
    }
    return options;
  }

  #watchDpr() {
    this.#dprQuery?.removeEventListener('change', this.#onDpr);
    this.#dprQuery = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this.#dprQuery.addEventListener('change', this.#onDpr, { once: true });
  }

  #scheduleDraw() {
    if (this.#frameRequest) return;
    this.#frameRequest = requestAnimationFrame(() => {
      this.#frameRequest = 0;
      const chart = this.#chart;
      const dpr = window.devicePixelRatio || 1;
      if (dpr !== chart.drawn.dpr) this.#watchDpr();
      if (!this.#conn.usable || !this.#state) return;
      if (chart.width() !== chart.drawn.width || dpr !== chart.drawn.dpr) this.#redraw(false);
      else if (chart.windowStale()) {
        try {
          chart.drawWindow(this.#conn);
        } catch (error) {
          this.#fail(error);
        }
      }
    });
  }

  /**
   * Draws at the current size; `changed` when data or options changed (the table, the
   * controls and the chart's label follow). Returns whether it drew.
   * @param {boolean} changed
   */
  #redraw(changed) {
    const state = this.#state;
    if (!this.#conn.widget || !state) return false;
    const conn = this.#conn;
    try {
      const theme = this.#theme();
      this.#root.classList.toggle('dark', theme === 'dark');
      conn.call((w) => w.setOptions(this.#options(), theme));
      this.#chart.draw(conn, this.#chart.width(this.clientWidth || 600), window.devicePixelRatio || 1);
      if (changed) {
        this.#itemsInfo = conn.call((w) => ({ count: w.itemCount(), certainty: w.itemsHaveCertainty() }));
        const unknownOutcome = conn.call((w) => w.outcomeUnknown()) ? state.outcome : '';
        if (unknownOutcome !== this.#unknownOutcome) {
          this.#unknownOutcome = unknownOutcome;
          if (this.#life.report) this.#showProblems(this.#life.report);
        }
        this.#chart.canvas.setAttribute('aria-label', conn.call((w) => w.summary()));
        this.#chart.stage.setAttribute('aria-label', this.#strings['shell.chart_keys']);
        this.#controls.update(state);
        const tab = this.#controls.selectedTab();
        if (tab) this.#chart.frame.setAttribute('aria-labelledby', tab.id);
        else this.#chart.frame.removeAttribute('aria-labelledby');
        this.#table.fill(this.#itemsInfo.count, this.#itemsInfo.certainty, state.view || this.#defaultView());
        this.#controls.setTable(this.#table.open);
      }
      this.#keys = null;
      const selected = this.#item(state.selected);
      if (!selected) state.selected = null;
      if (this.#focusKey && !this.#keyList().includes(this.#focusKey)) this.#focusKey = null;
      if (this.#hoverKey && !this.#keyList().includes(this.#hoverKey)) this.#hoverKey = null;
      this.#showDetails(selected, null);
      this.#sync();
      if (this.#life.phase === 'failed') this.#life.shown();
      return true;
    } catch (error) {
      this.#fail(error);
      return false;
    }
  }

  /**
   * Changes the state from the API or the controls, redraws, and writes the permalink.
   * @param {Partial<ViewState>} patch
   * @param {boolean} [viewChanged] from `setView`: a change fires `viewchange` and is announced
   */
  #update(patch, viewChanged = false) {
    const before = this.#currentState();
    this.#state = { ...before, ...patch };
    if (patch.view !== undefined || patch.filters !== undefined || patch.outcome !== undefined) {
      this.#state.selected = null;
      this.#focusKey = null;
      this.#live.textContent = '';
    }
    const drawn = this.#redraw(true);
    this.#writeHash();
    const description = this.#chart.canvas.getAttribute('aria-label') || '';
    if (viewChanged && this.#state.view !== before.view) {
      if (drawn) this.#announce(`${viewName(this.#strings, this.#state.view)}. ${description}`);
      this.dispatchEvent(new CustomEvent('viewchange', { detail: { view: this.#state.view } }));
    } else if (drawn && (patch.filters !== undefined || patch.outcome !== undefined)) {
      // The control says its new value itself; what it did to the chart is the description's
      // first sentence ("Forest plot of 4 results from 3 studies.").
      this.#announce(description.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? description);
    }
  }

  // ------------------------------------------------------------ permalink

  #writeHash() {
    if (this.#state) this.#lastHash = writeHash(this.id, this.#state) ?? this.#lastHash;
  }

  #restoreFromHash() {
    if (currentHash() === this.#lastHash) return;
    const state = readHash(this.id, this.#defaultView());
    if (state && this.#state) {
      this.#state = state;
      this.#redraw(true);
    }
  }

  // ------------------------------------------------------------ items, selection, focus

  /**
   * What the page shows beside the chart (items, keys), from handlers that have no try of
   * their own: `fallback` before a chart is loaded, and on a failure, which is shown.
   * @template T
   * @param {(w: import('./types.js').Widget) => T} fn
   * @param {T} fallback
   * @returns {T}
   */
  #ask(fn, fallback) {
    if (!this.#conn.usable) return fallback;
    try {
      return this.#conn.call(fn) ?? fallback;
    } catch (error) {
      this.#fail(error);
      return fallback;
    }
  }

  /**
   * The current view's item with this key (with its study's links), or null.
   * @param {string | null | undefined} key
   * @returns {Item | null}
   */
  #item(key) {
    /** @type {Item | null} */
    const item = key == null ? null : this.#ask((w) => w.item(key), null);
    // Its people as the reader's language writes the number ("28,235", "28.235"), as the table does.
    if (item && item.n != null) item.nText = this.#count(item.n);
    return item;
  }

  /** A count as the reader's language writes it. @param {number} n */
  #count(n) {
    return this.#ask(() => this.#conn.module?.formatCount(langOf(this), n) ?? String(n), String(n));
  }

  /**
   * The appraisal's plain-language statement about an item, or null (an engine without it too).
   * @param {string} key
   * @returns {string | null}
   */
  #statement(key) {
    return this.#ask((w) => (typeof w.statement === 'function' ? w.statement(key) : null), null) || null;
  }

  /**
   * The keys of the items in keyboard order, asked for when first needed after a redraw:
   * 2,000 of them took ~10 ms to cross from wasm on every redraw, and most redraws meet no keyboard.
   */
  #keyList() {
    this.#keys ??= this.#ask((w) => w.keys(), /** @type {string[]} */ ([]));
    return this.#keys;
  }

  /** @param {string} text */
  #announce(text) {
    this.#live.textContent = text;
  }

  /** Whether the chart has the keyboard's focus (not focus that a tap or a click gave it). */
  #keyboardOnChart() {
    const stage = this.#chart.stage;
    return this.shadowRoot?.activeElement === stage && stage.matches(':focus-visible');
  }

  /**
   * Makes the highlight and the tooltip agree with the pointer, the keyboard and the selection:
   * the ring is on the hovered item, else the focused one, else the selected one; the tooltip
   * describes the hovered item, or the keyboard's, unless that is the selected item whose
   * details are open.
   */
  #sync() {
    const selected = this.#state?.selected ?? null;
    const highlight = this.#hoverKey || this.#focusKey || selected;
    this.#conn.call((w) => w.setHighlight(highlight || undefined));
    const tip = this.#hoverKey || (this.#keyboardOnChart() ? this.#focusKey : null);
    const box = tip && !(tip === selected && this.#details.open) ? this.#ask((w) => w.bounds(tip), null) : null;
    const item = box && tip ? this.#item(tip) : null;
    if (item && box) this.#tooltip.show(item, box, this.#chart.stage.clientWidth, this.#strings);
    else this.#tooltip.hide();
  }

  /**
   * Moves the keyboard focus to an item: ring, tooltip, scrolled into view, announced.
   * @param {string} key
   */
  #moveTo(key) {
    this.#focusKey = key;
    this.#sync();
    const box = this.#ask((w) => w.bounds(key), null);
    if (box) this.#chart.reveal(box);
    const item = this.#item(key);
    if (!item) return;
    const keys = this.#keyList();
    const pos = format(this.#strings['shell.position'], { index: keys.indexOf(key) + 1, count: keys.length });
    this.#announce(`${itemSentence(item, this.#strings, this.#statement(key), true)} ${pos}`);
  }

  /**
   * Selects an item (null clears): details beside it, the permalink, a `select` event and an
   * announcement. `how` says who asked: a tap on a phone moves the focus into the sheet.
   * @param {string | null} key
   * @param {boolean} [emit]
   * @param {'mouse' | 'touch' | 'keyboard' | 'api' | null} [how]
   */
  #setSelected(key, emit = false, how = null) {
    if (!this.#state) return;
    this.#state.selected = key;
    const item = this.#item(key);
    try {
      this.#showDetails(item, how);
      this.#sync();
    } catch (error) {
      this.#fail(error);
      return;
    }
    this.#writeHash();
    if (emit && item && key) {
      this.#announce(labelled(this.#strings, selectedWhat(this.#strings, key), itemSentence(item, this.#strings, this.#statement(key))));
      this.dispatchEvent(new CustomEvent('select', { detail: structuredClone(item) }));
    }
  }

  /**
   * What a summary answer opens: the forest, harms and claims views of its therapy.
   * @param {Item} item
   * @returns {{label: string, run: () => void}[]}
   */
  #openers(item) {
    const therapy = item.key.startsWith('answer/') ? item.key.slice('answer/'.length) : '';
    if (!therapy) return [];
    const s = this.#strings;
    return ['forest', 'harms', 'claims'].map((view) => ({
      label: format(s['shell.open_view'], { view: viewName(s, view), therapy }),
      run: () => {
        this.#closeDetails();
        this.#update({ view, filters: normaliseFilters({ therapy: [therapy] }) }, true);
      },
    }));
  }

  /**
   * Shows the selected item's details beside it (a bottom sheet on a narrow screen, with the
   * item scrolled clear above it), or hides them. `how` is null for a redraw.
   * @param {Item | null} item
   * @param {'mouse' | 'touch' | 'keyboard' | 'api' | null} how
   */
  #showDetails(item, how) {
    const details = this.#details;
    const box = item ? this.#ask((w) => w.bounds(item.key), null) : null;
    if (!item || !box) {
      details.hide();
      return;
    }
    const statement = this.#statement(item.key);
    details.fill(item, this.#strings, statement, this.#openers(item));
    const narrow = window.innerWidth < SHEET_BELOW;
    details.place(box, this.#chart.frame.clientWidth, this.#chart.drawn.height, narrow);
    if (!narrow || how === null) return;
    // The sheet covers the bottom of the screen: the item moves up to just above it.
    const marker = this.#chart.mark(box);
    marker.style.scrollMarginBottom = `${details.node.offsetHeight + 8}px`;
    marker.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    marker.style.scrollMarginBottom = '';
    if (how === 'touch' || how === 'mouse') details.node.focus({ preventScroll: true });
  }

  /** Closes the details: the selection is cleared and the chart has the focus again. */
  #closeDetails() {
    this.#setSelected(null);
    this.#chart.stage.focus({ preventScroll: true });
  }

  // ------------------------------------------------------------ table and actions

  /**
   * Shows or hides the data table; `reveal` scrolls to it and gives it the focus.
   * @param {boolean} open
   * @param {boolean} reveal
   */
  #showTable(open, reveal) {
    this.#table.show(open);
    this.#controls.setTable(open);
    if (open && reveal) {
      this.#table.box.scrollIntoView({ block: 'start' });
      this.#table.table.focus({ preventScroll: true });
    }
  }

  /** A choice from the download and share menu. @param {string} id */
  #action(id) {
    const s = this.#strings;
    /** @type {Record<string, () => Promise<void>>} */
    const run = {
      'download-png': async () => download(await this.toPNG(), 'evidence.png'),
      'download-svg': async () => download(new Blob([await this.toSVG()], { type: 'image/svg+xml' }), 'evidence.svg'),
      'download-csv': async () => download(new Blob([await this.toCSV()], { type: 'text/csv' }), 'evidence.csv'),
      'download-citations': async () => download(new Blob([citationText(await this.citations(), this.#strings)], { type: 'text/plain' }), 'evidence-sources.txt'),
      'copy-link': async () => {
        this.#writeHash();
        await navigator.clipboard?.writeText(location.href);
        this.#announce(s['shell.copied']);
      },
    };
    run[id]?.().catch((e) => (id === 'copy-link' ? undefined : this.#fail(e)));
  }
}

if (!customElements.get('evidence-lens')) customElements.define('evidence-lens', EvidenceLens);
