// An item in words: the tooltip beside what the pointer or keyboard is on, the details of
// the selected item (a popover beside it on wide screens, a bottom sheet on narrow ones),
// and the sentence the live region announces.

import { appendLinks, el, format, labelled } from './dom.js';

/** @typedef {import('./types.js').Item} Item */
/** @typedef {import('./types.js').Box} Box */
/** @typedef {import('./types.js').Strings} Strings */

/** Screens narrower than this (CSS px) get a bottom sheet instead of a popover. */
export const SHEET_BELOW = 600;

/**
 * The item's words: label, what was measured, the numbers, certainty, what it means,
 * caveats, source. The tooltip stays short (two caveats, no links).
 * @param {HTMLElement} container
 * @param {Item} item
 * @param {Strings} s
 * @param {{full: boolean, statement?: string | null}} how
 */
export function describe(container, item, s, { full, statement }) {
  container.append(el('p', { class: 'label' }, item.label));
  if (item.detail) container.append(el('p', { class: 'muted' }, item.detail));
  container.append(el('p', {}, item.value));
  if (item.n != null) container.append(el('p', {}, format(s['shell.participants'], { n: item.nText ?? item.n })));
  if (item.certainty) container.append(el('p', {}, labelled(s, s['ui.certainty'], item.certainty)));
  if (statement) container.append(el('p', { class: 'statement' }, statement));
  const all = item.caveats || [];
  const caveats = all.slice(0, full ? 20 : 2);
  if (caveats.length) {
    container.append(el('p', {}, s['shell.caveats']));
    const ul = el('ul');
    for (const c of caveats) ul.append(el('li', {}, c));
    if (!full && all.length > caveats.length) ul.append(el('li', {}, '…'));
    container.append(ul);
  }
  if (full && item.citation) container.append(el('p', { class: 'muted' }, labelled(s, s['ui.source'], item.citation)));
  if (full && item.links?.length) {
    const p = el('p');
    appendLinks(p, item.links, s);
    container.append(p);
  }
}

/**
 * What the details and the announcement call the selected item: a treatment (a summary's answer),
 * a claim, or else a result.
 * @param {Strings} s
 * @param {string} key
 */
export function selectedWhat(s, key) {
  const kind = key.startsWith('answer/') ? 'shell.selected_answer' : key.startsWith('claim/') ? 'shell.selected_claim' : '';
  return (kind && s[kind]) || s['shell.selected'];
}

/**
 * What the item's words mean, folded under the glossary's heading, last in the details: the
 * explanation one tap from the word a reader did not know (the view's own list is far below on a
 * phone), without pushing the item's numbers and actions out of a small sheet.
 * @param {Item} item
 * @param {Strings} s
 * @returns {HTMLElement[]}
 */
function glossary(item, s) {
  if (!item.glossary?.length) return [];
  const box = el('details', { class: 'glossary' });
  box.append(el('summary', {}, s['gloss.heading']));
  const list = el('dl');
  for (const g of item.glossary) list.append(el('dt', {}, g.word), el('dd', {}, g.meaning));
  box.append(list);
  return [box];
}

/** Longer numbers than this are left for the selection's announcement when only passing over an item. */
const BRIEF_VALUE = 200;

/**
 * What the live region says about an item: the result, its certainty and what it means in
 * words (the appraisal's statement where there is one). `brief`, for the keys passing over
 * items, leaves out numbers as long as a summary card's (a treatment's answer is said by its
 * headline; Enter says the rest).
 * @param {Item} item
 * @param {Strings} s
 * @param {string | null | undefined} statement
 * @param {boolean} [brief]
 */
export function itemSentence(item, s, statement, brief = false) {
  // The detail and the value are one clause each (a summary card's detail is its headline, a
  // sentence of its own).
  const value = brief && item.value.length > BRIEF_VALUE ? '' : item.value;
  const detail = item.detail ? `${item.detail.trim().replace(/\.$/, '')}${value ? s['list.semicolon'] || '; ' : ''}` : '';
  const parts = [sentence(labelled(s, item.label, `${detail}${value}`))];
  if (item.certainty) parts.push(sentence(labelled(s, s['ui.certainty'], item.certainty)));
  if (statement) parts.push(sentence(statement));
  return parts.join(' ');
}

/**
 * A sentence ending with its full stop, added only when it has none.
 * @param {string} text
 */
function sentence(text) {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

/** The tooltip: the item the pointer or the keyboard is on, below it in the chart. */
export class Tooltip {
  constructor() {
    this.node = el('div', { class: 'tooltip', role: 'tooltip', id: 'tooltip', hidden: '' });
    /** @type {string | null} */
    this.key = null;
  }

  /**
   * @param {Item} item
   * @param {Box} box where the item is in the chart
   * @param {number} stageWidth
   * @param {Strings} s
   */
  show(item, box, stageWidth, s) {
    const t = this.node;
    if (this.key !== item.key || t.hidden) {
      t.replaceChildren();
      describe(t, item, s, { full: false });
    }
    this.key = item.key;
    t.hidden = false;
    // Measured at the left edge, where it has the whole width to wrap in.
    t.style.left = '0px';
    const width = Math.min(t.offsetWidth, stageWidth);
    const x = Math.max(0, Math.min(stageWidth - width, box.x + Math.min(box.width / 2, 40)));
    t.style.left = `${x}px`;
    t.style.top = `${box.y + box.height + 4}px`;
  }

  hide() {
    this.node.hidden = true;
    this.key = null;
  }
}

/**
 * The selected item's details: a non-modal dialog with a close button, placed beside the
 * item (below it, or above when there is no room) on wide screens, and as a sheet at the
 * bottom of the screen on narrow ones, with the item scrolled clear above it.
 */
export class Details {
  constructor() {
    this.node = el('section', { class: 'details', role: 'dialog', 'aria-labelledby': 'details-title', tabindex: '-1', hidden: '' });
    this.title = el('h3', { class: 'details-title', id: 'details-title' });
    this.close = el('button', { type: 'button', class: 'close', 'data-control': 'close-details' }, '×');
    const head = el('div', { class: 'details-head' });
    head.append(this.title, this.close);
    this.body = el('div', { class: 'details-body' });
    this.node.append(head, this.body);
    /** @type {string | null} */
    this.key = null;
    this.sheet = false;
  }

  get open() {
    return !this.node.hidden;
  }

  /**
   * Fills the details with an item, and buttons for what the reader may open from it (for a
   * summary answer: the studies, harms and claims of that therapy).
   * @param {Item} item
   * @param {Strings} s
   * @param {string | null} statement
   * @param {{label: string, run: () => void}[]} [actions]
   */
  fill(item, s, statement, actions = []) {
    this.title.textContent = selectedWhat(s, item.key);
    this.close.setAttribute('aria-label', s['shell.close'] || s['shell.clear']);
    this.close.title = s['shell.close'] || s['shell.clear'];
    this.body.replaceChildren();
    describe(this.body, item, s, { full: true, statement });
    if (actions.length) {
      const row = el('p', { class: 'openers' });
      for (const a of actions) {
        const b = el('button', { type: 'button', 'data-control': 'open-view' }, a.label);
        b.addEventListener('click', a.run);
        row.append(b);
      }
      this.body.append(row);
    }
    this.body.append(...glossary(item, s));
    this.key = item.key;
    this.node.hidden = false;
  }

  /**
   * Places the details by the item: `frameWidth` is the chart's width, `chartHeight` its
   * height, and `narrow` whether the screen gets a bottom sheet.
   * @param {Box} box
   * @param {number} frameWidth
   * @param {number} chartHeight
   * @param {boolean} narrow
   */
  place(box, frameWidth, chartHeight, narrow) {
    const n = this.node;
    this.sheet = narrow;
    n.classList.toggle('sheet', narrow);
    if (narrow) {
      n.style.left = '';
      n.style.top = '';
      return;
    }
    const width = Math.min(n.offsetWidth, frameWidth);
    const height = n.offsetHeight;
    const x = Math.max(0, Math.min(frameWidth - width, box.x + Math.min(box.width / 2, 40) - 12));
    const below = box.y + box.height + 6;
    // Below the item, unless it would run past the chart's end and there is room above.
    const y = below + height > chartHeight && box.y - height - 6 >= 0 ? box.y - height - 6 : below;
    n.style.left = `${x}px`;
    n.style.top = `${y}px`;
  }

  hide() {
    this.node.hidden = true;
    this.key = null;
  }
}
