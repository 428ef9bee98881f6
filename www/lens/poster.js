// The poster: the widget's first chart as an SVG picture the same engine drew ahead of time
// (`evidence-lens render --poster`, and scripts/build.sh for the built-in data), shown at once
// while the engine loads. It is only a picture: a tap on it asks for the engine and is kept,
// so that once the chart is drawn the reader gets the item they tapped.

import { el } from './dom.js';

/** Widgets narrower than this (CSS px) show the `narrow` poster (drawn at 390 px), others the `wide` one (800 px), as `chart::POSTER_BANDS`. */
export const NARROW_BELOW = 600;

/** The built-in dataset's posters, one per language, band and theme (made by scripts/build.sh). */
export const BUILTIN_POSTER = `${new URL('../pkg/posters/', import.meta.url).href}{lang}-{band}-{theme}.svg`;

export class Poster {
  constructor() {
    this.node = el('div', { class: 'poster', hidden: '' });
    /**
     * Where the reader tapped the poster, as fractions of its width and height, and the size
     * (CSS px) the picture was drawn at (0 when unknown).
     * @type {{x: number, y: number, width: number, height: number} | null}
     */
    this.tap = null;
    /** The last shown picture's bytes had already arrived when it was shown. */
    this.arrived = false;
    this.node.addEventListener('click', (e) => {
      const r = this.node.getBoundingClientRect();
      // As fractions of the picture, with the size it was drawn at (its lines wrap there).
      const img = this.node.querySelector('img');
      if (r.width > 0 && r.height > 0) this.tap = { x: (e.clientX - r.left) / r.width, y: (e.clientY - r.top) / r.height, width: img?.naturalWidth || 0, height: img?.naturalHeight || 0 };
    });
  }

  /**
   * Shows the poster for a widget `width` CSS px wide; resolves true once it is on screen,
   * false when there is none (it failed to load: the widget waits for its engine).
   * @param {string} template a URL with `{band}`, `{theme}` and `{lang}` placeholders
   * @param {{width: number, theme: string, lang: string}} how
   * @returns {Promise<boolean>}
   */
  show(template, { width, theme, lang }) {
    const band = width > 0 && width < NARROW_BELOW ? 'narrow' : 'wide';
    const src = template.replaceAll('{band}', band).replaceAll('{theme}', theme).replaceAll('{lang}', lang);
    // Decorative: the chart's own label says it is loading, and then describes the chart.
    const img = /** @type {HTMLImageElement} */ (el('img', { alt: '', decoding: 'async' }));
    img.src = src;
    // A picture the page has already loaded (the snippet's fallback picture is the same file)
    // is complete at once: its bytes no longer compete with the engine's.
    this.arrived = img.complete && img.naturalWidth > 0;
    this.node.replaceChildren(img);
    this.node.hidden = false;
    return img.decode().then(
      () => img.isConnected && !this.node.hidden,
      () => {
        this.hide();
        return false;
      },
    );
  }

  /** The engine's chart is on screen: the poster goes. */
  hide() {
    this.node.hidden = true;
    this.node.replaceChildren();
  }

  /** The tap kept from before the chart was drawn, once. */
  takeTap() {
    const tap = this.tap;
    this.tap = null;
    return tap;
  }
}
