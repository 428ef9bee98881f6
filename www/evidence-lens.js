// <evidence-lens>: the embeddable evidence widget.
//
// One script tag and one element:
//   <script type="module" src=".../evidence-lens.js"></script>
//   <evidence-lens src="my-trials.json" view="forest"></evidence-lens>
// The wasm is loaded once, from ./pkg/ next to this file, and shared by every
// widget on the page. Nothing here ever throws into the host page: problems are
// shown inside the element and reported with an `error` event.

import init, { Widget } from './pkg/evidence_lens.js';

let wasmReady = null;
function loadWasm() {
  wasmReady ??= init({ module_or_path: new URL('./pkg/evidence_lens_bg.wasm', import.meta.url) });
  return wasmReady;
}

const STYLE = `
:host { display: block; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; }
:host([theme="dark"]) { color: #ececec; background: #181a1b; }
.frame { position: relative; }
canvas { display: block; width: 100%; }
.status { margin: 0.5em 0; }
.problems { margin: 0.5em 0; padding: 0.5em 0.75em; border-left: 4px solid #d55e00; background: rgba(213, 94, 0, 0.08); }
.problems ul { margin: 0.25em 0 0; padding-left: 1.25em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table { border-collapse: collapse; font-size: 0.9em; }
th, td { text-align: start; padding: 0.2em 0.6em; border-bottom: 1px solid rgba(128, 128, 128, 0.4); }
`;

let sheet = null;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
}

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export class EvidenceLens extends HTMLElement {
  static observedAttributes = ['src', 'view', 'outcome', 'theme', 'height'];

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet()];
    this._frame = el('div', { class: 'frame' });
    this._canvas = el('canvas', { role: 'img', dir: 'ltr', 'aria-label': 'Evidence chart (loading)' });
    this._status = el('p', { class: 'status', role: 'status' });
    this._problems = el('div', { class: 'problems', hidden: '' });
    this._table = el('table');
    const tableBox = el('div', { class: 'visually-hidden' });
    tableBox.append(this._table);
    this._frame.append(this._canvas);
    root.append(this._status, this._problems, this._frame, tableBox);
    this._widget = null;
    this._data = null;
    this._loadToken = 0;
    this._resizeObserver = new ResizeObserver(() => this._redraw());
  }

  connectedCallback() {
    this._resizeObserver.observe(this);
    this._load();
  }

  disconnectedCallback() {
    this._resizeObserver.disconnect();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.isConnected || oldValue === newValue) return;
    if (name === 'src') this._load();
    else this._redraw();
  }

  /** Data given from code: a dataset object (JSON shape); replaces `src`. */
  set data(value) {
    this._data = value;
    if (this.isConnected) this._load();
  }
  get data() {
    return this._data;
  }

  async _load() {
    const token = ++this._loadToken;
    this._status.textContent = 'Loading the evidence…';
    try {
      await loadWasm();
      if (!this._widget) this._widget = new Widget(this._canvas);
      const report = await this._readData();
      if (token !== this._loadToken) return;
      this._showProblems(report);
      if (!report.ok) {
        this._fail(report.errors.length ? report.errors[0].path + ': ' + report.errors[0].message : 'the data could not be read');
        return;
      }
      this._status.textContent = '';
      this._redraw();
      this.dispatchEvent(new CustomEvent('ready', { detail: { studies: report.studies, warnings: report.warnings.length, errors: report.errors.length } }));
    } catch (error) {
      if (token === this._loadToken) this._fail(error && error.message ? error.message : String(error));
    }
  }

  async _readData() {
    const inline = this.querySelector('script[type="application/json"]');
    if (this._data != null) return this._widget.loadJson(new TextEncoder().encode(JSON.stringify(this._data)));
    if (inline) return this._widget.loadJson(new TextEncoder().encode(inline.textContent));
    const src = this.getAttribute('src');
    if (!src) return this._widget.loadBuiltin();
    const url = new URL(src, document.baseURI);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`src must be an http(s) URL, not ${url.protocol}`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`could not load ${src}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const isCsv = /\.csv(\?|#|$)/i.test(url.pathname) || (response.headers.get('content-type') || '').includes('csv');
    return isCsv ? this._widget.loadCsv(bytes) : this._widget.loadJson(bytes);
  }

  _showProblems(report) {
    this._problems.replaceChildren();
    const list = [...report.errors.map((p) => ['Error', p]), ...report.warnings.map((p) => ['Warning', p])];
    if (!list.length) {
      this._problems.hidden = true;
      return;
    }
    const heading = el('strong', {}, report.ok ? `Some entries could not be shown (${report.errors.length} errors, ${report.warnings.length} warnings):` : 'The data could not be shown:');
    const ul = el('ul');
    for (const [kind, p] of list.slice(0, 50)) ul.append(el('li', {}, `${kind}: ${p.path}: ${p.message}`));
    this._problems.append(heading, ul);
    this._problems.hidden = false;
  }

  _fail(message) {
    this._status.textContent = `The evidence chart could not be shown: ${message}`;
    this._canvas.setAttribute('aria-label', 'Evidence chart unavailable');
    this.dispatchEvent(new CustomEvent('error', { detail: { message } }));
  }

  _redraw() {
    const widget = this._widget;
    if (!widget) return;
    try {
      widget.setOptions(this.getAttribute('view') || 'forest', this.getAttribute('outcome') || '', this._theme());
      const width = this._frame.clientWidth || this.clientWidth || 600;
      const cssHeight = widget.resize(width, window.devicePixelRatio || 1);
      this._canvas.style.height = `${cssHeight}px`;
      widget.draw();
      this._fillTable(widget.rows());
    } catch (error) {
      this._fail(error && error.message ? error.message : String(error));
    }
  }

  _theme() {
    const theme = this.getAttribute('theme') || 'light';
    if (theme === 'auto') return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    return theme;
  }

  _fillTable(rows) {
    const caption = el('caption', {}, 'The results shown in the chart');
    const head = el('tr');
    for (const h of ['Study', 'Result', 'Estimate [95% CI]', 'Participants']) head.append(el('th', { scope: 'col' }, h));
    const body = rows.map((r) => {
      const tr = el('tr');
      tr.append(el('th', { scope: 'row' }, r.label), el('td', {}, r.detail), el('td', {}, r.value), el('td', {}, r.n == null ? '' : String(r.n)));
      return tr;
    });
    this._table.replaceChildren(caption, el('thead'), el('tbody'));
    this._table.tHead.append(head);
    this._table.tBodies[0].append(...body);
    this._canvas.setAttribute('aria-label', `Forest plot of ${rows.length} results; the same results are in the table that follows.`);
  }
}

if (!customElements.get('evidence-lens')) customElements.define('evidence-lens', EvidenceLens);
