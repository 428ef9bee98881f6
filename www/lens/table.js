// The accessible data table of the view's items: always in the accessibility tree, shown on
// request. Wide, it is a table whose columns keep a sensible minimum width (words never
// break letter by letter); narrow, each row is a card of "column: value" lines. It fills a
// page of rows at a time: 10,000 rows of DOM took longer to lay out than everything else.
// While it is hidden it fills after the chart is painted: the first page of a large view took
// 30 ms, which the chart's first paint (and `interactive`) waited for.

import { appendLinks, el, format, labelled, nextTask } from './dom.js';

/** @typedef {import('./types.js').Item} Item */
/** @typedef {import('./types.js').Strings} Strings */

/** Rows shown at first and added per click: laying out 500 rows took ~60 ms of every large first chart. */
export const TABLE_PAGE = 100;

/** The columns: the string key of the header and the class that sets its minimum width. */
const COLUMNS = [
  ['ui.study', 'c-study'],
  ['ui.result', 'c-result'],
  ['ui.estimate_ci', 'c-value'],
  ['ui.participants', 'c-n'],
  ['ui.certainty', 'c-certainty'],
  ['ui.source', 'c-source'],
];

/**
 * The first three columns' headers where a view's items are not studies' results.
 * @type {Record<string, string[]>}
 */
const VIEW_HEADERS = {
  summary: ['ui.treatment', 'ui.answer', 'ui.findings'],
  claims: ['ui.claim', 'ui.claimed_by', 'ui.verdict'],
};

/**
 * @typedef {object} TableHost
 * @property {() => Strings} strings
 * @property {(from: number, to: number) => Item[]} rows the items `from..to`
 * @property {(n: number) => string} count a number grouped as the language does
 */

/** Tokens longer than this may break anywhere; shorter words never break. */
const LONG_TOKEN = 20;

/**
 * Writes text into a cell with each token longer than LONG_TOKEN characters in a span that
 * may break anywhere, so that a URL or an identifier cannot widen the table past the screen,
 * while the column stays as wide as its longest ordinary word.
 * @param {HTMLElement} cell
 * @param {string} text
 */
function wrapLong(cell, text) {
  if (text.length <= LONG_TOKEN || !/\S{21}/.test(text)) {
    cell.textContent = text;
    return cell;
  }
  for (const part of text.split(/(\s+)/)) {
    if (part.length > LONG_TOKEN && !/\s/.test(part)) cell.append(el('span', { class: 'long' }, part));
    else if (part) cell.append(document.createTextNode(part));
  }
  return cell;
}

export class DataTable {
  /** @param {TableHost} host */
  constructor(host) {
    this.host = host;
    this.open = false;
    this.total = 0;
    this.certainty = false;
    /** The view whose items the rows are. */
    this.view = '';
    /** A fill is waiting for its task (see `flush`). */
    this.pending = false;
    this.box = el('div', { class: 'table-box visually-hidden', id: 'table' });
    // Explicit roles: a table restyled as cards keeps its table semantics in every browser.
    this.table = el('table', { role: 'table', tabindex: '-1' });
    this.more = el('div', { class: 'table-more' });
    this.box.append(this.table, this.more);
    // Keyboard focus entering the hidden table (its links, the more-rows button) opens it,
    // so that nothing focused is invisible.
    /** @type {(open: boolean) => void} */
    this.onToggle = () => {};
    this.box.addEventListener('focusin', () => this.open || this.onToggle(true));
  }

  /**
   * Empties the table for a new view: the header row and the first page of rows, at once when
   * the table is open, else once the chart is painted (or when it is opened or asked for rows
   * first).
   * @param {number} total how many items the view has
   * @param {boolean} certainty whether any has a certainty rating (the column is shown only then)
   * @param {string} [view] the view whose items they are, which names the first columns
   */
  fill(total, certainty, view = '') {
    this.total = total;
    this.certainty = certainty;
    this.view = view;
    const scheduled = this.pending;
    this.pending = true;
    if (this.open) return this.flush();
    // Not a row of the view before meanwhile.
    this.table.replaceChildren();
    this.more.replaceChildren();
    // In the task after the next frame: after the chart is painted, not before it. Once for a
    // burst of redraws: the fill reads the rows of the view drawn last.
    if (!scheduled) requestAnimationFrame(() => nextTask().then(() => this.flush()));
  }

  /** Fills the table if a fill is waiting. */
  flush() {
    if (!this.pending) return;
    this.pending = false;
    const s = this.host.strings();
    const head = el('tr', { role: 'row' });
    for (const [key, cls] of this.columns()) head.append(el('th', { scope: 'col', role: 'columnheader', class: cls }, s[key]));
    const thead = el('thead', { role: 'rowgroup' });
    thead.append(head);
    this.table.replaceChildren(el('caption'), thead, el('tbody', { role: 'rowgroup' }));
    this.appendRows(TABLE_PAGE);
  }

  /** Forgets the rows of data that is no longer shown. */
  clear() {
    this.pending = false;
    this.total = 0;
    this.more.replaceChildren();
  }

  columns() {
    const named = VIEW_HEADERS[this.view] || [];
    return COLUMNS.map(([key, cls], i) => [named[i] || key, cls]).filter(([key]) => key !== 'ui.certainty' || this.certainty);
  }

  /**
   * Adds up to `count` more rows and updates the caption and the buttons.
   * @param {number} count
   */
  appendRows(count) {
    this.flush();
    const s = this.host.strings();
    const tbody = this.table.tBodies[0];
    if (!tbody) return;
    const from = tbody.rows.length;
    const to = Math.min(this.total, from + count);
    // Each cell's column name, as stacked rows on a phone show it before the value ("Certainty: ").
    const labels = this.columns().map(([key]) => labelled(s, s[key], ''));
    for (const r of from < to ? this.host.rows(from, to) : []) {
      const tr = el('tr', { role: 'row' });
      tr.append(wrapLong(el('th', { scope: 'row', role: 'rowheader', class: 'c-study' }), r.label));
      /** @type {[string, string][]} */
      const cells = [[r.detail, 'c-result'], [r.value, 'c-value'], [r.n == null ? '' : String(r.n), 'c-n']];
      if (this.certainty) cells.push([r.certainty || '', 'c-certainty']);
      cells.forEach(([text, cls], i) => tr.append(wrapLong(el('td', { role: 'cell', class: cls, 'data-label': labels[i + 1] }), text)));
      const src = el('td', { role: 'cell', class: 'c-source', 'data-label': labels[labels.length - 1] });
      appendLinks(src, r.links, s);
      tr.append(src);
      tbody.append(tr);
    }
    const shown = tbody.rows.length;
    const partial = shown < this.total ? ` (${format(s['shell.table_partial'], { shown: this.host.count(shown), count: this.host.count(this.total) })})` : '';
    if (this.table.caption) this.table.caption.textContent = s['shell.table_caption'] + partial;
    this.more.replaceChildren();
    if (shown >= this.total) return;
    /**
     * @param {string} control
     * @param {string} label
     * @param {number} n
     */
    const button = (control, label, n) => {
      const b = el('button', { type: 'button', 'data-control': control }, label);
      b.addEventListener('click', () => {
        this.appendRows(n);
        // Keep the keyboard where the new rows begin.
        const first = tbody.rows[shown]?.cells[0];
        if (first) {
          first.tabIndex = -1;
          first.focus();
        }
      });
      return b;
    };
    this.more.append(button('table-more', format(s['shell.table_more'], { n: this.host.count(Math.min(TABLE_PAGE, this.total - shown)) }), TABLE_PAGE));
    // All at once for readers who want to go through every row (slow to lay out when there are thousands).
    if (this.total - shown > TABLE_PAGE) this.more.append(' ', button('table-all', format(s['shell.table_all'], { count: this.host.count(this.total) }), this.total));
  }

  /**
   * Shows or hides the table (it stays in the accessibility tree either way).
   * @param {boolean} open
   */
  show(open) {
    this.open = open;
    if (open) this.flush();
    this.box.classList.toggle('visually-hidden', !open);
  }
}
