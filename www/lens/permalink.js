// Permalinks: an element with an `id` keeps its state in the location hash as
// `#el-<id>=view%3Dmap%26therapy%3DAHSCT…`, beside the page's own hash parts and other widgets'.

import { FILTER_KEYS } from './state.js';

/** @typedef {import('./types.js').ViewState} ViewState */
/** @typedef {import('./types.js').Filters} Filters */

/** The `el-<id>=…` parts of the location hash. */
function hashParts() {
  /** @type {Map<string, string>} */
  const parts = new Map();
  for (const part of location.hash.replace(/^#/, '').split('&')) {
    const i = part.indexOf('=');
    if (i > 0 && part.startsWith('el-')) parts.set(part.slice(0, i), part.slice(i + 1));
  }
  return parts;
}

/**
 * The state kept in the hash for the element with this id, or null.
 * @param {string} id
 * @param {string} defaultView
 * @returns {ViewState | null}
 */
export function readHash(id, defaultView) {
  if (!id) return null;
  const raw = hashParts().get(`el-${id}`);
  if (raw == null) return null;
  try {
    const params = new URLSearchParams(decodeURIComponent(raw));
    /** @type {Filters} */
    const filters = {};
    for (const k of FILTER_KEYS) {
      const v = params.get(k);
      if (v) filters[k] = v.split(',').filter(Boolean);
    }
    return { view: params.get('view') || defaultView, outcome: params.get('outcome') || '', sort: params.get('sort') || '', filters, selected: params.get('sel') || null };
  } catch {
    return null;
  }
}

/**
 * Writes the state into the hash (replacing the history entry); returns the hash written,
 * so the element can tell its own change from the reader's.
 * @param {string} id
 * @param {ViewState} s
 * @returns {string | null}
 */
export function writeHash(id, s) {
  if (!id) return null;
  const params = new URLSearchParams();
  params.set('view', s.view);
  if (s.outcome) params.set('outcome', s.outcome);
  if (s.sort) params.set('sort', s.sort);
  for (const k of FILTER_KEYS) {
    const v = s.filters[k];
    if (v?.length) params.set(k, v.join(','));
  }
  if (s.selected) params.set('sel', s.selected);
  const parts = hashParts();
  parts.set(`el-${id}`, encodeURIComponent(params.toString()));
  const others = location.hash.replace(/^#/, '').split('&').filter((p) => p && !p.startsWith('el-'));
  const hash = [...others, ...[...parts].map(([k, v]) => `${k}=${v}`)].join('&');
  try {
    history.replaceState(history.state, '', `#${hash}`);
  } catch {
    // A sandboxed page may refuse; the permalink is a convenience.
  }
  return hash;
}

/** The current hash without its `#`, to compare with what `writeHash` wrote. */
export function currentHash() {
  return location.hash.replace(/^#/, '');
}
