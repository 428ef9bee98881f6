// Shared set-up for end-to-end tests: serve www/ on 127.0.0.1 and drive Debian's
// Chromium with playwright-core (no browser download: see shared toolchain notes).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW = path.join(ROOT, 'www');

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch({ args = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...args],
  });
}

export async function startServer(options = {}) {
  return serve({ root: WWW, ...options });
}

/**
 * Opens a page that records `ready` and `error` events of every widget, page errors
 * and console errors, so tests can wait for the first chart and assert silence. The widgets'
 * test hook (`el.__testHook`) is on. `hasTouch` and `isMobile` emulate a phone.
 */
export async function openPage(browser, url, { viewport = { width: 1000, height: 900 }, deviceScaleFactor = 1, colorScheme = 'light', reducedMotion, hasTouch = false, isMobile = false, init } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, colorScheme, reducedMotion, hasTouch, isMobile });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    // The widgets' supported test hook (`el.__testHook`, `TestHook` in www/lens/types.js).
    window.EVIDENCE_LENS_TEST = true;
    window.__events = [];
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    for (const type of ['ready', 'interactive', 'error', 'select', 'viewchange']) {
      document.addEventListener(type, (e) => window.__events.push({ type, id: e.target.id || null, detail: e.detail ?? null }), true);
    }
  });
  if (init) await page.addInitScript(init);
  await page.goto(url);
  return { page, context, problems };
}

/** Waits until `count` widgets have signalled `interactive` (their engine's chart is drawn; or any signalled an error). */
export async function waitForReady(page, count = 1, timeout = 20000) {
  await page.waitForFunction(
    (n) => window.__events.filter((e) => e.type === 'interactive').length >= n || window.__events.some((e) => e.type === 'error'),
    count,
    { timeout },
  );
  return page.evaluate(() => window.__events);
}

/** Pixel statistics of the widget's canvas: size and how many pixels are not background. */
export async function canvasInk(page, selector = 'evidence-lens') {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const canvas = root.querySelector('canvas');
    const ctx = canvas.getContext('2d');
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    // What a reader sees: the canvas over the stage's background.
    const bg = getComputedStyle(root.querySelector('.stage')).backgroundColor.match(/\d+/g).map(Number);
    let ink = 0;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4) {
      const a = data[i + 3] / 255;
      const r = Math.round(data[i] * a + bg[0] * (1 - a));
      const g = Math.round(data[i + 1] * a + bg[1] * (1 - a));
      const b = Math.round(data[i + 2] * a + bg[2] * (1 - a));
      if (Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 60) {
        ink++;
        colours.add(`${r >> 4},${g >> 4},${b >> 4}`);
      }
    }
    return { width: canvas.width, height: canvas.height, ink, colours: colours.size };
  }, selector);
}

/** An HTML page that embeds the widget the documented way; `body` is trusted test markup. */
export function embedPage(body, { lang = 'en', dir = 'ltr', title = 'test page', head = '' } = {}) {
  return {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${title}</title>
<link rel="icon" href="/favicon.svg"><script type="module" src="/evidence-lens.js"></script>${head}</head><body>${body}</body></html>`,
  };
}

/** The built-in dataset as an object, to derive test datasets from. */
export async function builtinDataset() {
  const fs = await import('node:fs/promises');
  return JSON.parse(await fs.readFile(path.join(ROOT, 'src', 'data', 'ms-stem-cells.json'), 'utf8'));
}

/** Waits until the widget `sel` has fired `ready` `n` times in total (or any error). */
export async function waitForReadyOf(page, id, n = 1, timeout = 20000) {
  await page.waitForFunction(
    ([i, k]) => window.__events.filter((e) => e.type === 'interactive' && e.id === i).length >= k || window.__events.some((e) => e.type === 'error' && e.id === i),
    [id, n],
    { timeout },
  );
  return page.evaluate((i) => window.__events.filter((e) => e.id === i), id);
}

/**
 * The first item of the widget `selector` whose label matches `pattern`, scrolled so that its
 * middle is `at` CSS px from the top of the screen: `{key, label, rect}` (rect on screen), or null.
 */
export async function itemByLabel(page, pattern, { at = 400, selector = 'evidence-lens' } = {}) {
  return page.locator(selector).evaluate((el, [source, y]) => {
    const hook = el.__testHook;
    const re = new RegExp(source);
    const key = hook.keys().find((k) => re.test(hook.item(k)?.label ?? ''));
    if (!key) return null;
    const r = hook.clientRect(key);
    window.scrollBy(0, r.top + r.height / 2 - y);
    return { key, label: hook.item(key).label, rect: hook.clientRect(key) };
  }, [pattern.source, at]);
}

/**
 * Taps that item with a finger (the context needs `hasTouch`) and waits for its details.
 * `view` shows that view first (the forest has a row per study and outcome, whatever the default).
 */
export async function tapItem(page, pattern, options = {}) {
  if (options.view) await page.locator(options.selector ?? 'evidence-lens').evaluate((el, v) => el.state.view === v || el.setView(v), options.view);
  const item = await itemByLabel(page, pattern, options);
  if (!item) throw new Error(`no item matches ${pattern}`);
  await page.touchscreen.tap(item.rect.left + Math.min(60, item.rect.width / 2), item.rect.top + item.rect.height / 2);
  await page.locator(options?.selector ?? 'evidence-lens').evaluate((el) => new Promise((resolve) => {
    const check = () => (el.shadowRoot.querySelector('.details').hidden ? requestAnimationFrame(check) : resolve());
    check();
  }));
  return item;
}
