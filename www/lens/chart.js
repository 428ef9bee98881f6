// The chart on screen: the frame (the tab panel) holding the stage, its two canvases (the
// chart and a small overlay for the highlighted item's ring) and the tooltip; drawing at
// the container's width × devicePixelRatio, and a long chart a window at a time.

import { el } from './dom.js';

/** @typedef {import('./types.js').Box} Box */
/** @typedef {import('./engine.js').Connection} Connection */

/**
 * Charts taller than this (CSS pixels) are drawn a window at a time: what can be seen and a
 * screen above and below it, redrawn as the page scrolls. A canvas as tall as a forest of
 * thousands of studies cost most of its first draw to allocate, paint and composite.
 */
export const WINDOW_FROM = 3000;

export class ChartView {
  constructor() {
    this.frame = el('div', { class: 'frame', role: 'tabpanel', id: 'panel' });
    this.stage = el('div', { class: 'stage', tabindex: '0', role: 'group' });
    this.canvas = el('canvas', { class: 'chart', role: 'img' });
    this.overlay = el('canvas', { class: 'overlay', 'aria-hidden': 'true' });
    // An empty box laid over the focused item, so that the browser can scroll it into view
    // within whatever scrolls the chart (the frame, the page, a host's scroller).
    this.marker = el('div', { class: 'marker', 'aria-hidden': 'true' });
    this.stage.append(this.canvas, this.overlay, this.marker);
    this.frame.append(this.stage);
    /** @type {{width: number, dpr: number, height: number, window: [number, number] | null}} */
    this.drawn = { width: 0, dpr: 0, height: 0, window: null };
  }

  /** Whether the frame has a fixed height (the `height` attribute) and scrolls. */
  get fixed() {
    return this.frame.classList.contains('fixed');
  }

  /** The width to draw at, in CSS pixels. */
  width(fallback = 600) {
    return this.stage.clientWidth || fallback;
  }

  /**
   * A fixed CSS height for the frame (the chart scrolls inside it), or none.
   * @param {string} attr the `height` attribute
   */
  applyHeight(attr) {
    const h = attr.trim();
    const value = /^\d+(\.\d+)?$/.test(h) ? `${h}px` : h;
    const fixed = !!value && CSS.supports('height', value);
    this.frame.style.height = fixed ? value : '';
    this.frame.classList.toggle('fixed', fixed);
  }

  /**
   * Sizes the chart for the current options and draws what can be seen of it.
   * @param {Connection} conn
   * @param {number} width CSS pixels
   * @param {number} dpr
   */
  draw(conn, width, dpr) {
    const height = conn.call((w) => w.resize(width, dpr));
    this.stage.style.height = `${height}px`;
    this.drawn = { width, dpr, height, window: null };
    this.drawWindow(conn);
  }

  /** Forgets the drawn window (new data is coming: scrolling has nothing to move). */
  forget() {
    this.drawn.window = null;
  }

  /** What can be seen of the chart: `top` and `bottom` in its CSS pixels, and the screen's height. */
  seen() {
    const view = this.fixed ? this.frame.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    const stageTop = this.stage.getBoundingClientRect().top;
    return { top: view.top - stageTop, bottom: view.bottom - stageTop, screen: view.bottom - view.top };
  }

  /**
   * The part of the chart to draw, `[top, height]` in CSS pixels (see WINDOW_FROM).
   * @returns {[number, number]}
   */
  window() {
    const height = this.drawn.height || 0;
    if (height <= WINDOW_FROM) return [0, height];
    const seen = this.seen();
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
  windowStale() {
    const drawn = this.drawn.window;
    const height = this.drawn.height;
    if (!drawn || drawn[1] >= height) return false;
    const seen = this.seen();
    const top = Math.max(0, seen.top);
    const bottom = Math.min(height, seen.bottom);
    if (top >= bottom) return false;
    const margin = seen.screen / 2;
    return Math.max(0, top - margin) < drawn[0] || Math.min(height, bottom + margin) > drawn[0] + drawn[1];
  }

  /**
   * Draws a window of the chart, `[top, height]` in CSS pixels: by default around what can be seen now.
   * @param {Connection} conn
   * @param {[number, number]} [range]
   */
  drawWindow(conn, range = this.window()) {
    conn.call((w) => {
      w.setWindow(...range);
      w.draw();
    });
    this.drawn.window = range;
  }

  /** Whether a long chart is drawn a window at a time (printing then draws all of it). */
  get windowed() {
    return !!this.drawn.window && this.drawn.height > WINDOW_FROM;
  }

  /**
   * Lays the marker over an item (a box in the chart's CSS pixels) and returns it.
   * @param {Box} box
   */
  mark(box) {
    const m = this.marker;
    m.style.left = `${box.x}px`;
    m.style.top = `${box.y}px`;
    m.style.width = `${Math.max(1, box.width)}px`;
    m.style.height = `${Math.max(1, box.height)}px`;
    return m;
  }

  /**
   * Scrolls the item into view in every scroller around the chart, as little as needed.
   * @param {Box} box
   */
  reveal(box) {
    this.mark(box).scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /**
   * Where an item is on the screen (viewport CSS pixels).
   * @param {Box} box
   */
  clientRect(box) {
    const r = this.stage.getBoundingClientRect();
    return { left: r.left + box.x, top: r.top + box.y, right: r.left + box.x + box.width, bottom: r.top + box.y + box.height, width: box.width, height: box.height };
  }
}
