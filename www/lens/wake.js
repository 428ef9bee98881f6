// When a widget is wanted: the engine (about 400 KB) and the data download only then, so a
// widget far down an article costs its readers nothing until they come near it.
//
// A widget on screen is wanted at once; one within a screen's height of it when the browser
// is next idle (reading ahead, so it is drawn by the time the reader scrolls to it); any
// widget as soon as the reader points at, taps or tabs into it, or a script asks for it
// (`whenReady()`, `focus()`, the exports).

/** How far outside the screen a widget counts as near: one screen height either way. */
const NEAR = '100% 0px';
/** The longest an idle callback waits for a busy page before the near widget loads anyway. */
const IDLE_TIMEOUT_MS = 2000;

export class Wake {
  /** @param {HTMLElement} host */
  constructor(host) {
    this.host = host;
    /** @type {() => void} */
    this.resolve = () => {};
    /** Resolves once the widget is wanted; stays resolved. @type {Promise<void>} */
    this.wanted = new Promise((resolve) => {
      this.resolve = () => resolve();
    });
    this.woken = false;
    /** @type {IntersectionObserver | null} */
    this.onScreen = null;
    /** @type {IntersectionObserver | null} */
    this.near = null;
    this.idle = 0;
    this.onInput = () => this.now();
  }

  /** Starts watching (on connect). */
  watch() {
    if (this.woken) return;
    // On screen already: no need to wait a frame for the observer to say so.
    const r = this.host.getBoundingClientRect();
    if ((r.width > 0 || r.height > 0) && r.bottom >= 0 && r.top <= window.innerHeight && r.right >= 0 && r.left <= window.innerWidth) {
      this.now();
      return;
    }
    for (const type of ['pointerdown', 'keydown', 'focusin', 'pointerenter']) this.host.addEventListener(type, this.onInput, { passive: true });
    this.onScreen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.now();
    });
    this.onScreen.observe(this.host);
    this.near = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting) || this.idle) return;
        const idle = window.requestIdleCallback ?? ((/** @type {() => void} */ f) => setTimeout(f, 1));
        this.idle = Number(idle(() => this.now(), { timeout: IDLE_TIMEOUT_MS }));
      },
      { rootMargin: NEAR },
    );
    this.near.observe(this.host);
  }

  /** Stops watching (on disconnect); a later connect watches again. */
  unwatch() {
    for (const type of ['pointerdown', 'keydown', 'focusin', 'pointerenter']) this.host.removeEventListener(type, this.onInput);
    this.onScreen?.disconnect();
    this.near?.disconnect();
    if (this.idle) (window.cancelIdleCallback ?? clearTimeout)(this.idle);
    this.onScreen = null;
    this.near = null;
    this.idle = 0;
  }

  /** The widget is wanted now. */
  now() {
    if (this.woken) return;
    this.woken = true;
    this.unwatch();
    this.resolve();
  }
}
