// The controls above the chart, phone first: the views as tabs (a scrollable tablist),
// filters and sort behind one "Filters" button (a disclosure), the table toggle, and the
// downloads and the link in one menu. On a wide screen they share one row.

import { el, format } from './dom.js';
import { MenuButton } from './menu.js';
import { FILTER_KEYS, activeFilters } from './state.js';
import { viewName } from './strings.js';

/** @typedef {import('./types.js').Facets} Facets */
/** @typedef {import('./types.js').Strings} Strings */
/** @typedef {import('./types.js').ViewState} ViewState */
/** @typedef {import('./types.js').FilterKey} FilterKey */

/**
 * What the controls ask of the element.
 * @typedef {object} ControlsHost
 * @property {(view: string) => void} view
 * @property {(key: FilterKey, values: string[] | null) => void} filter
 * @property {(outcome: string) => void} outcome
 * @property {(sort: string) => void} sort
 * @property {(open: boolean) => void} table
 * @property {(action: string) => void} action `download-png`, `download-svg`, `download-csv`, `download-citations`, `copy-link`
 */

/** @type {Record<FilterKey, 'conditions' | 'therapies' | 'routes' | 'designs' | 'kinds'>} */
const FACET_OF = { condition: 'conditions', therapy: 'therapies', route: 'routes', design: 'designs', kind: 'kinds' };

export class Controls {
  /** @param {ControlsHost} host */
  constructor(host) {
    this.host = host;
    // Hidden until built for loaded data: a widget whose data failed has no view to control, and
    // its buttons would have no names.
    this.node = el('div', { class: 'controls', role: 'group', hidden: '' });
    this.tablist = el('div', { class: 'tabs', role: 'tablist' });
    this.filtersButton = el('button', { type: 'button', class: 'filters-toggle', 'aria-expanded': 'false', 'aria-controls': 'filters', 'data-control': 'filters' });
    this.tableButton = el('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'table', 'data-control': 'table' });
    this.menu = new MenuButton('actions', (id) => host.action(id));
    this.actions = el('div', { class: 'actions' });
    this.actions.append(this.filtersButton, this.tableButton, this.menu.wrap);
    this.node.append(this.tablist, this.actions);
    // A row of tabs wider than the widget fades where it goes on, so that a cut tab reads as more.
    this.tablist.addEventListener('scroll', () => this.markOverflow(), { passive: true });
    new ResizeObserver(() => this.markOverflow()).observe(this.tablist);
    /** The filters and sort, shown by the Filters button, between the controls and the chart. */
    this.panel = el('div', { class: 'filters', id: 'filters', role: 'group', hidden: '' });
    /** @type {Strings} */
    this.strings = {};
    /** @type {string[]} */
    this.views = [];
    this.sortDefault = '';

    this.filtersButton.addEventListener('click', () => this.showFilters(this.filtersButton.getAttribute('aria-expanded') !== 'true'));
    this.panel.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      this.showFilters(false);
      this.filtersButton.focus();
    });
    this.tableButton.addEventListener('click', () => host.table(this.tableButton.getAttribute('aria-expanded') !== 'true'));
    this.tablist.addEventListener('keydown', (e) => this.tabKey(e));
  }

  /**
   * Builds the controls for the loaded data's facets and the widget's language.
   * @param {Facets} facets
   * @param {Strings} s
   * @param {ViewState} state
   * @param {boolean} canCopyLink
   */
  build(facets, s, state, canCopyLink) {
    this.node.hidden = false;
    this.strings = s;
    this.node.setAttribute('aria-label', s['shell.controls']);
    this.tablist.setAttribute('aria-label', s['shell.view']);
    this.panel.setAttribute('aria-label', s['shell.filters'] || s['ui.filter']);
    this.views = facets.views?.length ? facets.views : [state.view];
    this.tablist.replaceChildren();
    for (const v of this.views) {
      const tab = el('button', { type: 'button', role: 'tab', id: `tab-${v}`, 'aria-controls': 'panel', 'data-control': `view-${v}`, 'data-view': v }, viewName(s, v));
      tab.addEventListener('click', () => this.host.view(v));
      this.tablist.append(tab);
    }
    this.tablist.hidden = this.views.length < 2;

    this.panel.replaceChildren();
    const outcomes = (facets.outcomes || []).map((o) => [o.id, o.name]);
    this.addSelect('outcome', s['shell.outcome'], outcomes, state.outcome, (v) => this.host.outcome(v));
    for (const key of FILTER_KEYS) {
      const facet = facets[FACET_OF[key]] || [];
      // Conditions, therapies and routes come named by the engine; designs and kinds by key.
      const values = facet.map((v) => (typeof v === 'string' ? [v, s[`${key === 'kind' ? 'shell.kind' : key}.${v}`] || v] : [v.value, v.name]));
      const current = (state.filters[key] || []).join(',');
      // One value a choice: a condition may hold commas ("autoimmune diseases (RA, SLE, MS)").
      this.addSelect(key, s[`shell.${key}`], values, current, (v) => this.host.filter(key, v ? [v] : null));
    }
    const sorts = (facets.sorts || []).map((v) => [v, s[`ui.sort.${v}`] || v]);
    this.sortDefault = sorts[0]?.[0] || '';
    if (sorts.length > 1) this.addSelect('sort', s['ui.sort'], sorts, state.sort || this.sortDefault, (v) => this.host.sort(v === this.sortDefault ? '' : v), false);
    this.filtersButton.hidden = !this.panel.childElementCount;
    if (this.filtersButton.hidden) this.showFilters(false);

    /** @type {import('./menu.js').MenuAction[]} */
    const actions = [
      { id: 'download-png', label: s['ui.download_png'] },
      { id: 'download-svg', label: s['ui.download_svg'] },
      { id: 'download-csv', label: s['ui.download_csv'] },
      { id: 'download-citations', label: s['ui.citations'] },
    ];
    if (canCopyLink) actions.push({ id: 'copy-link', label: s['ui.copy_link'] });
    this.menu.set(s['shell.menu'] || `${s['ui.citations']}…`, actions);
    this.update(state);
  }

  /**
   * Shows the state: the selected tab, the menus' values, how many filters are on.
   * @param {ViewState} state
   */
  update(state) {
    const s = this.strings;
    for (const tab of this.tabs) {
      const selected = tab.dataset.view === state.view;
      tab.setAttribute('aria-selected', String(selected));
      // One tab in the Tab order (roving tabindex): the selected one.
      tab.tabIndex = selected ? 0 : -1;
    }
    if (!this.tabs.some((t) => t.tabIndex === 0)) this.tabs[0]?.setAttribute('tabindex', '0');
    // Measured at the next frame, when the browser lays the page out anyway: measured here, it
    // forced a layout of the freshly drawn chart in the middle of the update.
    const selected = this.selectedTab();
    requestAnimationFrame(() => {
      if (selected) this.scrollToTab(selected);
      this.markOverflow();
    });
    this.setValue('outcome', state.outcome);
    for (const key of FILTER_KEYS) this.setValue(key, (state.filters[key] || []).join(','));
    this.setValue('sort', state.sort || this.sortDefault);
    const n = activeFilters(state.filters) + (state.outcome ? 1 : 0);
    this.filtersButton.textContent = n ? format(s['shell.filters_active'] || '{n}', { n }) : s['shell.filters'] || s['ui.filter'];
  }

  /** @returns {HTMLButtonElement[]} */
  get tabs() {
    return /** @type {HTMLButtonElement[]} */ ([...this.tablist.children]);
  }

  /** The tab of the selected view, for the chart panel's label. */
  selectedTab() {
    return this.tabs.find((t) => t.getAttribute('aria-selected') === 'true') || null;
  }

  /**
   * @param {boolean} open
   */
  showFilters(open) {
    this.panel.hidden = !open;
    this.filtersButton.setAttribute('aria-expanded', String(open));
    if (open) this.panel.querySelector('select')?.focus();
  }

  /**
   * @param {boolean} open
   */
  setTable(open) {
    const s = this.strings;
    this.tableButton.setAttribute('aria-expanded', String(open));
    this.tableButton.textContent = open ? s['ui.hide_table'] : s['ui.show_table'];
  }

  /**
   * Arrow keys, Home and End move along the tabs and show that view (automatic activation:
   * a view draws in a few milliseconds).
   * @param {KeyboardEvent} e
   */
  tabKey(e) {
    const tabs = this.tabs;
    const i = tabs.findIndex((t) => t === e.target);
    if (i < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const rtl = getComputedStyle(this.tablist).direction === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next = -1;
    if (e.key === forward) next = (i + 1) % tabs.length;
    else if (e.key === back) next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const tab = tabs[next];
    tab.focus({ preventScroll: true });
    this.scrollToTab(tab);
    const view = tab.dataset.view;
    if (view) this.host.view(view);
  }

  /** Marks the sides on which the tabs go on beyond the row (`more-before`, `more-after`). */
  markOverflow() {
    const t = this.tablist;
    this.tablist.classList.toggle('more-before', t.scrollLeft > 1);
    this.tablist.classList.toggle('more-after', t.scrollLeft + t.clientWidth < t.scrollWidth - 1);
  }

  /**
   * Scrolls the tablist (only it, not the page) so that the whole tab can be seen.
   * @param {HTMLElement} tab
   */
  scrollToTab(tab) {
    const list = this.tablist.getBoundingClientRect();
    const r = tab.getBoundingClientRect();
    const margin = 24;
    if (r.left < list.left) this.tablist.scrollLeft -= list.left - r.left + margin;
    else if (r.right > list.right) this.tablist.scrollLeft += r.right - list.right + margin;
  }

  /**
   * A labelled menu in the filters panel, when there is a choice to make.
   * @param {string} name
   * @param {string} label
   * @param {string[][]} values `[value, text]` pairs
   * @param {string} current
   * @param {(value: string) => void} onChange
   * @param {boolean} [withAll] an "All" entry first
   */
  addSelect(name, label, values, current, onChange, withAll = true) {
    if (values.length < 2 && !current) return;
    const wrap = el('label', { class: 'field' });
    wrap.append(el('span', {}, label));
    const select = el('select', { 'data-control': name });
    if (withAll) select.append(el('option', { value: '' }, this.strings[`shell.all.${name}`] || this.strings['shell.all']));
    for (const [value, text] of values) select.append(el('option', { value }, text));
    select.addEventListener('change', () => onChange(select.value));
    wrap.append(select);
    this.panel.append(wrap);
    this.setValue(name, current);
  }

  /**
   * @param {string} name
   * @param {string} value
   */
  setValue(name, value) {
    const select = this.panel.querySelector(`select[data-control="${name}"]`);
    if (!(select instanceof HTMLSelectElement)) return;
    if (value && ![...select.options].some((o) => o.value === value)) select.append(el('option', { value }, value));
    select.value = value || (select.options[0]?.value ?? '');
  }
}
