// When a widget is wanted: the engine (about 400 KB) and the data download only then, so a
// widget far down an article costs its readers nothing until they come near it.
//
// A widget on screen is wanted at once (or, when it shows a poster meanwhile, once the poster
// is on screen); one within a screen's height of it when the browser is next idle (reading
// ahead, so it is drawn by the time the reader scrolls to it); any widget as soon as the reader
// points at, taps or tabs into it, or a script asks for it (`whenReady()`, `focus()`, the exports).

/** How far outside the screen a widget counts as near: one screen height either way. */
const NEAR = '100% 0px';
/** The longest an idle callback waits for a busy page before the near widget loads anyway. */
const IDLE_TIMEOUT_MS = 2000;
/** What the reader does to a widget that wants it now. */
const INPUTS = ['pointerdown', 'keydown', 'focusin', 'pointerenter'];

/**
 * Whether a box is (partly) within the window.
 * @param {DOMRect} r
 */
function isOnScreen(r) {
  return (r.width > 0 || r.height > 0) && r.bottom >= 0 && r.top <= window.innerHeight && r.right >= 0 && r.left <= window.innerWidth;
}

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
    /** Shows a poster meanwhile: even on screen it waits until the poster is shown. */
    this.patient = false;
    /** The patient widget's poster is on screen or failed. */
    this.settled = false;
    /** Seen near or on screen: to wake at the next idle time. */
    this.wantedAtIdle = false;
    /** Seen on screen: a patient widget wakes as soon as its poster is shown. */
    this.onScreenSeen = false;
    /** @type {IntersectionObserver | null} */
    this.onScreen = null;
    /** @type {IntersectionObserver | null} */
    this.near = null;
    this.idle = 0;
    this.onInput = () => this.now();
  }

  /**
   * Starts watching (on connect). `patient`: the widget has a poster to show meanwhile, so even
   * on screen it waits until the poster is shown (the poster's bytes come first, the engine's after).
   * @param {boolean} [patient]
   */
  watch(patient = false) {
    if (this.woken) return;
    // On screen already: no need to wait a frame for the observer to say so. (A patient widget
    // waits for its poster anyway: it does not ask, since asking lays the page out.)
    if (!patient && isOnScreen(this.host.getBoundingClientRect())) {
      this.now();
      return;
    }
    // A new watch (a reconnected widget) learns again where it is and whether its poster is shown.
    this.patient = patient;
    this.settled = false;
    this.wantedAtIdle = false;
    this.onScreenSeen = false;
    for (const type of INPUTS) this.host.addEventListener(type, this.onInput, { passive: true });
    this.onScreen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this.onScreenSeen = true;
      if (!this.patient || this.settled) this.now();
    });
    this.onScreen.observe(this.host);
    this.near = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) this.whenIdle();
      },
      { rootMargin: NEAR },
    );
    this.near.observe(this.host);
  }

  /** The poster is on screen (or could not be shown): a patient widget on screen wakes now, a near one at idle. */
  posterSettled() {
    this.settled = true;
    // Asked once, now that the poster is shown: at most one layout, where waiting for the
    // observer to say so took up to a frame and the tasks queued before it. (Not asked after
    // an unwatch: a disconnected widget stays asleep.)
    if (this.onScreenSeen || (this.onScreen && isOnScreen(this.host.getBoundingClientRect()))) this.now();
    else if (this.wantedAtIdle) this.whenIdle();
  }

  /** Wakes when the browser is next idle (or after IDLE_TIMEOUT_MS of a busy page), and a
   * patient widget's poster has settled: the engine never competes with the poster. */
  whenIdle() {
    this.wantedAtIdle = true;
    if (this.idle || this.woken || (this.patient && !this.settled)) return;
    const idle = window.requestIdleCallback ?? ((/** @type {() => void} */ f) => setTimeout(f, 1));
    this.idle = Number(idle(() => this.now(), { timeout: IDLE_TIMEOUT_MS }));
  }

  /** Stops watching (on disconnect); a later connect watches again. */
  unwatch() {
    for (const type of INPUTS) this.host.removeEventListener(type, this.onInput);
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
