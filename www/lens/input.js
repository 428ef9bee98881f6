// Pointer and keyboard on the chart. The pointer hovers and taps items; the keyboard moves
// along them (arrows, Home, End), Enter or Space selects, Escape clears. Focus that a pointer
// gives the chart does not move the keyboard to the first item: the tap decides what is
// selected (a click on MIST once showed MESEMS's numbers because of that).

/**
 * What input asks of the element.
 * @typedef {object} InputHost
 * @property {() => boolean} live whether a chart is loaded and working
 * @property {(x: number, y: number) => string | null} hit the item at a point in the chart's CSS pixels
 * @property {(key: string | null) => void} hover
 * @property {(key: string, how: 'mouse' | 'touch' | 'keyboard') => void} choose select an item
 * @property {() => void} focusIn the keyboard entered the chart
 * @property {() => void} focusOut
 * @property {(key: string) => void} moveTo move the keyboard focus to an item
 * @property {() => string[]} keys the items in keyboard order
 * @property {() => string | null} focused the item with the keyboard focus
 * @property {() => void} escape
 * @property {(error: unknown) => void} fail
 */

/**
 * @param {HTMLElement} stage
 * @param {InputHost} host
 */
export function bindInput(stage, host) {
  /** @param {MouseEvent} e @returns {[number, number]} */
  const point = (e) => {
    const r = stage.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  /**
   * When the last pointer press on the chart began: the focus it gives the chart comes at
   * once for a mouse, and only after the finger lifts for a touch (the compatibility mousedown).
   */
  let pressedAt = -Infinity;
  /** @type {'mouse' | 'touch'} */
  let pointerType = 'mouse';
  /** @param {() => void} fn */
  const guard = (fn) => {
    if (!host.live()) return;
    try {
      fn();
    } catch (error) {
      host.fail(error);
    }
  };

  stage.addEventListener('pointerdown', (e) => {
    pressedAt = performance.now();
    pointerType = e.pointerType === 'mouse' ? 'mouse' : 'touch';
  });
  stage.addEventListener('pointermove', (e) => {
    if (e.pointerType !== 'mouse') return; // a finger has no hover: the tap selects
    guard(() => {
      const key = host.hit(...point(e));
      host.hover(key);
      stage.style.cursor = key ? 'pointer' : '';
    });
  });
  stage.addEventListener('pointerleave', () => guard(() => host.hover(null)));
  stage.addEventListener('click', (e) => {
    guard(() => {
      const key = host.hit(...point(e));
      if (key) host.choose(key, pointerType);
    });
  });
  stage.addEventListener('focus', () => {
    // The press that focused the chart says which item, with its click.
    if (performance.now() - pressedAt < 1500) return;
    guard(() => host.focusIn());
  });
  stage.addEventListener('blur', () => guard(() => host.focusOut()));
  stage.addEventListener('keydown', (e) => {
    pressedAt = -Infinity;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Escape') {
      guard(() => host.escape());
      e.preventDefault();
      return;
    }
    const keys = host.live() ? host.keys() : [];
    if (!keys.length) return;
    const i = keys.indexOf(host.focused() ?? '');
    const last = keys.length - 1;
    /** @type {string | undefined} */
    let next;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        next = keys[i < 0 ? 0 : Math.min(last, i + 1)];
        break;
      case 'ArrowUp':
      case 'ArrowLeft':
        next = keys[i < 0 ? 0 : Math.max(0, i - 1)];
        break;
      case 'Home':
        next = keys[0];
        break;
      case 'End':
        next = keys[last];
        break;
      case 'Enter':
      case ' ': {
        const key = host.focused();
        e.preventDefault();
        if (key) guard(() => host.choose(key, 'keyboard'));
        return;
      }
      default:
        return;
    }
    e.preventDefault();
    if (next) {
      const key = next;
      guard(() => host.moveTo(key));
    }
  });
}
