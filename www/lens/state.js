// The element's state in two parts: its lifecycle as one phase (instead of a flag per
// situation), and what the reader chose (view, outcome, filters, sort, selection).

/** @typedef {import('./types.js').ViewState} ViewState */
/** @typedef {import('./types.js').Filters} Filters */
/** @typedef {import('./types.js').FilterKey} FilterKey */
/** @typedef {import('./types.js').LoadReport} LoadReport */

/** @type {readonly FilterKey[]} */
export const FILTER_KEYS = ['condition', 'therapy', 'route', 'design', 'kind'];

/**
 * Where the element is in its life:
 * - `disconnected`: not in a document (nothing loads, nothing is drawn);
 * - `loading`: the engine and the data are on their way (`step` says how far; `wait` until
 *   the widget is wanted, see wake.js);
 * - `shown`: a chart of the current data and options is on screen;
 * - `failed`: the last attempt to load or draw failed (its message is shown; data that was
 *   read stays, so another view or filter can still be drawn);
 * - `crashed`: this widget's wasm instance trapped; only "Try again" (a reload) helps.
 * @typedef {'disconnected' | 'loading' | 'shown' | 'failed' | 'crashed'} Phase
 */

/** The steps of a load, in order, for tests and benchmarks. @typedef {'' | 'wait' | 'engine' | 'read' | 'appraise' | 'draw'} Step */

export class Lifecycle {
  constructor() {
    /** @type {Phase} */
    this.phase = 'disconnected';
    /** @type {Step} */
    this.step = '';
    /** Counts loads: a load that finds it changed has been overtaken and stops. */
    this.token = 0;
    /** @type {LoadReport | null} What reading the data found, once it can be drawn; null while loading. */
    this.report = null;
    /** The current load was asked for by the reader's "Try again". */
    this.retrying = false;
    /** A crash has been shown and announced (once is enough). */
    this.crashShown = false;
    /** @type {Promise<void>} */
    this.ready = Promise.resolve();
    /** @type {() => void} */
    this.resolveReady = () => {};
    /** @type {(e: Error) => void} */
    this.rejectReady = () => {};
    this.readySettled = false;
    this.newReady();
  }

  /** A new `whenReady()` promise for the next chart. */
  newReady() {
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch(() => {}); // a failure is reported by the `error` event too
    this.readySettled = false;
  }

  get connected() {
    return this.phase !== 'disconnected';
  }

  get loading() {
    return this.phase === 'loading';
  }

  /**
   * A load begins; returns its token.
   * @param {boolean} retry
   */
  startLoad(retry) {
    this.token += 1;
    this.phase = 'loading';
    this.step = 'engine';
    this.report = null;
    this.retrying = retry;
    this.crashShown = false;
    return this.token;
  }

  /** @param {number} token */
  current(token) {
    return token === this.token && this.phase !== 'disconnected';
  }

  /** A chart of the current data is on screen. */
  shown() {
    this.phase = 'shown';
    this.step = '';
  }

  /**
   * Loading or drawing failed (`crash`: the instance trapped).
   * @param {boolean} crash
   */
  failed(crash) {
    this.phase = crash ? 'crashed' : 'failed';
    this.step = '';
    this.retrying = false;
  }

  /** The first chart is on screen: `whenReady()` resolves. */
  settleReady() {
    this.resolveReady();
    this.readySettled = true;
  }

  /**
   * Loading failed before any chart: `whenReady()` rejects, and a new promise waits for the next.
   * @param {string} text
   */
  failReady(text) {
    if (this.readySettled) return;
    this.rejectReady(new Error(text));
    this.newReady();
  }

  disconnect() {
    this.phase = 'disconnected';
    this.step = '';
    this.token += 1;
    this.report = null;
  }
}

/**
 * `therapy:AHSCT;design:rct,crossover_rct` → {therapy: ['AHSCT'], design: ['rct', 'crossover_rct']}.
 * @param {string | null | undefined} text
 * @returns {Filters}
 */
export function parseFilter(text) {
  /** @type {Filters} */
  const filters = {};
  for (const part of String(text || '').split(';')) {
    if (!part.trim()) continue;
    const i = part.indexOf(':');
    if (i < 0) throw new Error(`filter "${part.trim()}" needs the form key:value (keys: ${FILTER_KEYS.join(', ')})`);
    const key = filterKey(part.slice(0, i).trim().toLowerCase());
    const values = part.slice(i + 1).split(',').map((v) => v.trim()).filter(Boolean);
    if (values.length) filters[key] = values;
  }
  return filters;
}

/**
 * The filters as `setFilter` takes them (a value, a list or comma-separated text per key).
 * @param {unknown} obj
 * @returns {Filters}
 */
export function normaliseFilters(obj) {
  /** @type {Filters} */
  const out = {};
  if (!obj || typeof obj !== 'object') return out;
  for (const [name, v] of Object.entries(obj)) {
    const key = filterKey(name);
    const list = (Array.isArray(v) ? v : v == null ? [] : String(v).split(',')).map((x) => String(x).trim()).filter(Boolean);
    if (list.length) out[key] = list;
  }
  return out;
}

/**
 * @param {string} name
 * @returns {FilterKey}
 */
function filterKey(name) {
  const key = FILTER_KEYS.find((k) => k === name);
  if (!key) throw new Error(`unknown filter "${name}"; expected one of ${FILTER_KEYS.join(', ')}`);
  return key;
}

/**
 * How many filter keys are set.
 * @param {Filters} filters
 */
export function activeFilters(filters) {
  return FILTER_KEYS.filter((k) => filters[k]?.length).length;
}

/**
 * The state the element's attributes describe, with a permalink's state on top.
 * @param {Element} host
 * @param {string} defaultView the engine's first view
 * @param {Partial<ViewState> | null} fromHash
 * @returns {ViewState}
 */
export function initialState(host, defaultView, fromHash) {
  /** @type {ViewState} */
  const state = {
    view: host.getAttribute('view') || defaultView,
    outcome: host.getAttribute('outcome') || '',
    filters: parseFilter(host.getAttribute('filter')),
    sort: '',
    selected: null,
  };
  return fromHash ? { ...state, ...fromHash } : state;
}
