// A menu button (WAI-ARIA Authoring Practices' "menu button" pattern): the button opens a
// list of actions; arrow keys, Home and End move in it, Enter or Space runs the action,
// Escape closes it and gives the focus back to the button, Tab or a click elsewhere closes it.

import { el } from './dom.js';

/** @typedef {{id: string, label: string}} MenuAction */

export class MenuButton {
  /**
   * @param {string} id the menu's id (unique in the shadow root)
   * @param {(id: string) => void} onAction
   */
  constructor(id, onAction) {
    this.onAction = onAction;
    this.wrap = el('div', { class: 'menu-wrap' });
    this.button = el('button', { type: 'button', id: `${id}-button`, 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': id, 'data-control': 'menu' });
    this.list = el('div', { class: 'menu', role: 'menu', id, 'aria-labelledby': `${id}-button`, hidden: '' });
    this.wrap.append(this.button, this.list);
    this.button.addEventListener('click', () => (this.isOpen ? this.close(false) : this.open(0)));
    this.button.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        this.open(e.key === 'ArrowDown' ? 0 : -1);
      }
    });
    this.list.addEventListener('keydown', (e) => this.key(e));
    // Focus moving to something else (Tab, Shift+Tab) closes it. Focus going nowhere is left
    // to the pointer listener: Safari gives a clicked button no focus, and closing then would
    // take the menu away before its item's click.
    this.wrap.addEventListener('focusout', (e) => {
      const to = e.relatedTarget;
      if (this.isOpen && to instanceof Node && !this.wrap.contains(to)) this.close(false);
    });
    /** @param {Event} e */
    this.outside = (e) => {
      if (this.isOpen && !e.composedPath().includes(this.wrap)) this.close(false);
    };
  }

  get isOpen() {
    return !this.list.hidden;
  }

  /** @returns {HTMLButtonElement[]} */
  get items() {
    return [...this.list.querySelectorAll('button')];
  }

  /**
   * @param {string} label the button's text
   * @param {MenuAction[]} actions
   */
  set(label, actions) {
    this.button.textContent = label;
    this.list.replaceChildren();
    for (const { id, label: text } of actions) {
      const item = el('button', { type: 'button', role: 'menuitem', tabindex: '-1', 'data-control': id }, text);
      item.addEventListener('click', () => {
        this.close(true);
        this.onAction(id);
      });
      this.list.append(item);
    }
  }

  /**
   * Opens the menu and focuses an item (`-1`: the last).
   * @param {number} index
   */
  open(index) {
    this.list.hidden = false;
    // It hangs from the button's end, unless that would put its start off the widget's side (a
    // narrow screen wraps the button to the start of a row): then from the button's start.
    this.list.classList.remove('from-start');
    const host = /** @type {ShadowRoot} */ (this.wrap.getRootNode()).host;
    const side = Math.max(0, host ? host.getBoundingClientRect().left : 0);
    if (this.list.getBoundingClientRect().left < side) this.list.classList.add('from-start');
    this.button.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', this.outside, true);
    this.items.at(index)?.focus();
  }

  /**
   * Closes the menu; `focusButton` gives the focus back to the button.
   * @param {boolean} focusButton
   */
  close(focusButton) {
    if (!this.isOpen) return;
    this.list.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', this.outside, true);
    if (focusButton) this.button.focus();
  }

  /** @param {KeyboardEvent} e */
  key(e) {
    const items = this.items;
    const root = this.list.getRootNode();
    const active = root instanceof ShadowRoot || root instanceof Document ? root.activeElement : null;
    const i = items.findIndex((b) => b === active);
    /** @type {number | null} */
    let next = null;
    switch (e.key) {
      case 'ArrowDown':
        next = (i + 1) % items.length;
        break;
      case 'ArrowUp':
        next = (i - 1 + items.length) % items.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        this.close(true);
        return;
      case 'Tab':
        this.close(false);
        return;
      default:
        return;
    }
    e.preventDefault();
    items[next]?.focus();
  }
}
