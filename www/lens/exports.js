// What the reader can take away: the chart as PNG or SVG, the items as CSV, and the
// sources as a citation list; and saving any of them as a download.

import { el, labelled, safeUrl } from './dom.js';

/** @typedef {import('./types.js').Item} Item */
/** @typedef {import('./types.js').Citation} Citation */
/** @typedef {import('./types.js').Strings} Strings */
/** @typedef {import('./engine.js').Connection} Connection */

/**
 * The whole chart with its background: the widget's canvas shows only a window of a long
 * one, over the widget's own background.
 * @param {Connection} conn
 * @returns {Promise<Blob>}
 */
export function chartPng(conn) {
  const image = document.createElement('canvas');
  conn.call((w) => w.drawImage(image));
  return new Promise((resolve, reject) => image.toBlob((b) => (b ? resolve(b) : reject(new Error('the image could not be made'))), 'image/png'));
}

/**
 * The current view's items, one row each, with a header row in the widget's language.
 * @param {Connection} conn
 * @param {Strings} s
 */
export function itemsCsv(conn, s) {
  const header = ['key', s['ui.study'], s['ui.result'], s['ui.estimate_ci'], s['ui.participants'], s['ui.certainty'], s['ui.source']];
  /** @type {Item[]} */
  const items = conn.call((w) => w.items()) || [];
  const rows = items.map((i) => [i.key, i.label, i.detail, i.value, i.n ?? '', i.certainty ?? '', (i.links || []).map((l) => safeUrl(l.url)).filter(Boolean).join(' ')]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The sources of the studies in the current view, with their http(s) links only.
 * @param {Connection} conn
 * @returns {Citation[]}
 */
export function citationList(conn) {
  /** @type {Citation[]} */
  const list = conn.call((w) => w.citations()) || [];
  return list.map((c) => ({ ...c, links: (c.links || []).filter((l) => safeUrl(l.url)) }));
}

/** @param {unknown} value */
function csvCell(value) {
  let s = value == null ? '' : String(value);
  // Spreadsheets run cells that start like a formula; a leading apostrophe stops that.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The citations as numbered plain text, each "label: citation" as the reader's language writes it.
 * @param {Citation[]} list
 * @param {Record<string, string>} s the texts
 */
export function citationText(list, s) {
  return list.map((c, i) => `${i + 1}. ${labelled(s, c.label, c.text)}${c.links.length ? `\n   ${c.links.map((l) => l.url).join('\n   ')}` : ''}`).join('\n') + '\n';
}

/**
 * Saves a blob as a download named `name`.
 * @param {Blob} blob
 * @param {string} name
 */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
