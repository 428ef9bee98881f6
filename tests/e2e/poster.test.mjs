// The poster first: the first chart as an SVG the engine drew ahead of time, on screen (and
// `ready`) before the wasm arrives; the engine's chart replaces it (`interactive`), and a tap
// on the poster is not lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { launch, startServer, openPage, waitForReadyOf, embedPage } from './browser.mjs';

let browser;
let server;
/** The server's pages, which a test may add to. */
let extra;

const DATA = JSON.stringify({
  schema: 'evidence-lens/1',
  studies: [{ id: 'a', label: 'A', condition: 'x', intervention: { therapy: 't' }, design: 'rct', citation: { text: 'A' }, source_kind: 'paper',
    outcomes: [{ id: 'o', name: 'O', kind: 'benefit', better: 'lower', status: 'verified', data: { measure: 'RR', estimate: 0.8, ci_lb: 0.6, ci_ub: 1.1 } }] }],
});

// As a phone lays the page out (without it, a phone browser lays it out 980 px wide).
const PHONE = '<meta name="viewport" content="width=device-width, initial-scale=1">';

before(async () => {
  server = await startServer({
    extra: (extra = {
      '/builtin.html': embedPage('<evidence-lens id="w"></evidence-lens>', { head: PHONE }),
      '/builtin-dark.html': embedPage('<evidence-lens id="w" theme="dark"></evidence-lens>', { lang: 'fr' }),
      '/forest.html': embedPage('<evidence-lens id="w" view="forest"></evidence-lens>'),
      '/own.html': embedPage('<evidence-lens id="w" src="/d.json"></evidence-lens><evidence-lens id="p" src="/d.json" poster="/pkg/posters/en-{band}-{theme}.svg"></evidence-lens>'),
      '/d.json': { type: 'application/json', body: DATA },
    }),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The poster's picture in the widget, if shown. */
function posterOf(page, id = 'w') {
  return page.locator(`#${id}`).evaluate((el) => {
    const box = el.shadowRoot.querySelector('.poster');
    const img = box.querySelector('img');
    return box.hidden || !img ? null : { src: new URL(img.src).pathname, width: img.naturalWidth, height: img.getBoundingClientRect().height, complete: img.complete };
  });
}

/**
 * Opens a page with the wasm held back until `release()` is called, so that what shows
 * before the engine can be looked at.
 */
async function openHeld(path, options) {
  const { page, context, problems } = await openPage(browser, `${server.url}${path}`, options);
  /** @type {() => void} */
  let release = () => {};
  const held = new Promise((r) => { release = r; });
  await page.route('**/evidence_lens_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  return { page, context, problems, release };
}

test('on a phone, the built-in poster is on screen and ready before the engine; the chart replaces it in place', async () => {
  const { page, context, problems, release } = await openHeld('builtin.html', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'ready'));
  const before = await posterOf(page);
  assert.deepEqual({ src: before?.src, width: before?.width }, { src: '/pkg/posters/en-narrow-light.svg', width: 390 });
  const ready = await page.evaluate(() => window.__events.filter((e) => e.type === 'ready' || e.type === 'interactive'));
  assert.deepEqual(ready.map((e) => [e.type, e.detail.poster]), [['ready', true]], 'ready with the poster, not yet interactive');
  const posterTop = await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('.poster').getBoundingClientRect().top);
  release();
  await waitForReadyOf(page, 'w');
  assert.equal(await posterOf(page), null, 'the poster is gone once the chart is drawn');
  const events = await page.evaluate(() => window.__events.filter((e) => e.type === 'ready' || e.type === 'interactive').map((e) => e.type));
  assert.deepEqual(events, ['ready', 'interactive'], 'one ready (the poster) and one interactive');
  // The chart takes the poster's place: its height is the poster's within a tenth, and it
  // starts no further down than the controls that came with it. The stage is the whole chart;
  // a chart over WINDOW_FROM tall draws only a window of it on its canvas.
  const after = await page.locator('#w').evaluate((el) => {
    const c = el.shadowRoot.querySelector('.stage').getBoundingClientRect();
    return { top: c.top, height: c.height };
  });
  assert.ok(Math.abs(after.height - before.height) <= 0.1 * before.height, `poster ${before.height} px, chart ${after.height} px`);
  assert.ok(after.top - posterTop <= 100, `the chart starts ${after.top - posterTop} px below where the poster did`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the poster follows the reader\'s theme, language and width band, and the engine waits for it', async () => {
  const init = () => document.addEventListener('ready', () => { window.__readyAt ??= performance.now(); }, true);
  const { page, context, release } = await openHeld('builtin-dark.html', { viewport: { width: 1000, height: 800 }, init });
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'ready'));
  assert.equal((await posterOf(page))?.src, '/pkg/posters/fr-wide-dark.svg');
  release();
  await waitForReadyOf(page, 'w');
  // The engine was asked for only once the poster was on screen.
  const { readyAt, wasmAt } = await page.evaluate(() => ({
    readyAt: window.__readyAt,
    wasmAt: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.startTime,
  }));
  assert.ok(wasmAt >= readyAt, `the wasm was requested at ${wasmAt} ms, the poster was ready at ${readyAt} ms`);
  await context.close();
});

test('a tap on the poster before the engine arrives selects what was tapped once it has', async () => {
  const { page, context, release } = await openHeld('builtin.html', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'ready'));
  const box = await page.locator('#w').evaluate((el) => {
    const r = el.shadowRoot.querySelector('.poster img').getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: Math.min(r.height, innerHeight - r.top) };
  });
  // The middle of the poster's part on the first screen: inside the first therapy's answer.
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height * 0.5);
  release();
  await waitForReadyOf(page, 'w');
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'select'));
  const selected = await page.evaluate(() => document.getElementById('w').state.selected);
  assert.equal(selected, 'answer/AHSCT', 'the answer under the finger on the poster');
  await context.close();
});

test('no poster for another view or the editor\'s data without one; the editor\'s own poster shows', async () => {
  for (const path of ['forest.html', 'own.html']) {
    const { page, context } = await openPage(browser, `${server.url}${path}`);
    await waitForReadyOf(page, 'w');
    const events = await page.evaluate(() => window.__events.filter((e) => e.id === 'w' && (e.type === 'ready' || e.type === 'interactive')));
    assert.deepEqual(events.map((e) => e.type), ['ready', 'interactive'], path);
    assert.equal(events[0].detail.poster, undefined, `${path}: a poster of another chart would mislead`);
    if (path === 'own.html') {
      await waitForReadyOf(page, 'p');
      const p = await page.evaluate(() => window.__events.filter((e) => e.id === 'p' && e.type === 'ready'));
      assert.equal(p[0].detail.poster, true, 'the poster attribute');
    }
    await context.close();
  }
});

test('the embed page makes the posters of the preview, and its code shows them first, and without JavaScript', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}embed.html`);
  await page.locator('input[name=src]').fill(`${server.url}d.json`);
  await page.locator('input[name=src]').press('Tab');
  await page.locator('select[name=view]').selectOption('forest');
  await page.waitForFunction(() => document.querySelectorAll('#poster-links a').length === 4, null, { timeout: 30000 });
  assert.equal(await page.locator('#posters').isHidden(), false);

  // The four files the `poster` attribute names, in the preview's language, drawn by its engine.
  const files = {};
  for (const link of await page.locator('#poster-links a').all()) {
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    files[download.suggestedFilename()] = await fs.readFile(await download.path());
  }
  assert.deepEqual(Object.keys(files).sort(), ['en-narrow-dark.svg', 'en-narrow-light.svg', 'en-wide-dark.svg', 'en-wide-light.svg']);
  for (const [name, svg] of Object.entries(files)) {
    const text = svg.toString('utf8');
    assert.match(text, new RegExp(`<svg[^>]* width="${name.includes('narrow') ? 390 : 800}"`), name);
    // The preview's chart: its study, in the forest the editor chose.
    assert.match(text, /^A · RCT$/m, name);
  }
  assert.notEqual(files['en-wide-light.svg'].toString(), files['en-wide-dark.svg'].toString());
  assert.equal(await page.locator('#poster-links a').first().textContent(), 'en-narrow-light.svg (390\u00a0px wide, light)');

  // With the folder's address, the code names the posters and carries the fallback picture; the
  // preview is not redrawn for it.
  const folder = `${server.url}charts`;
  const drawn = () => page.evaluate(() => window.__events.filter((e) => e.type === 'interactive').length);
  const before = await drawn();
  await page.locator('input[name=poster]').fill(folder);
  await page.waitForTimeout(500); // past the form's pause before it redraws the preview
  const code = await page.locator('#snippet').inputValue();
  assert.match(code, new RegExp(`poster="${folder}/\\{lang\\}-\\{band\\}-\\{theme\\}\\.svg"`));
  // The form follows the reader's setting: the element says so too (a widget without `theme` is
  // light), so a reader in dark mode gets the dark picture, then a dark poster and chart.
  assert.match(code, /<evidence-lens [^>]*theme="auto"/);
  assert.match(code, /<picture><source media="\(prefers-color-scheme: dark\) and \(max-width: 599px\)" srcset="[^"]*\/charts\/en-narrow-dark\.svg 390w" sizes="100vw">/);
  assert.match(code, / alt="Forest plot of 1 result from 1 study\./);
  assert.equal(await page.locator('#poster-links a').count(), 4);
  assert.equal(await drawn(), before);
  assert.deepEqual(problems, []);
  await context.close();

  // The editor's site: the posters in the folder, the code in an article.
  for (const [name, body] of Object.entries(files)) extra[`/charts/${name}`] = { type: 'image/svg+xml', body };
  extra['/article.html'] = embedPage(code.replace('<evidence-lens ', '<evidence-lens id="w" '), { head: PHONE });

  // Without JavaScript (a search engine, a reader who turned it off): the narrow picture on a
  // phone whatever its pixel density, sized to the screen; the wide one on a wide screen.
  for (const [viewport, deviceScaleFactor, file] of [[{ width: 390, height: 844 }, 3, '/charts/en-narrow-light.svg'], [{ width: 1000, height: 800 }, 1, '/charts/en-wide-light.svg']]) {
    const noJs = await browser.newContext({ viewport, deviceScaleFactor, javaScriptEnabled: false });
    const still = await noJs.newPage();
    await still.goto(`${server.url}article.html`);
    const img = await still.locator('evidence-lens img').evaluate(async (el) => {
      await el.decode();
      return { src: new URL(el.currentSrc).pathname, width: el.getBoundingClientRect().width, alt: el.alt };
    });
    assert.equal(img.src, file);
    assert.ok(img.width > 0.75 * Math.min(viewport.width, 800) && img.width <= Math.min(viewport.width, 800), `${img.width} px`);
    // The chart in words; not "the table that follows": without JavaScript there is none.
    assert.match(img.alt, /^Forest plot of 1 result from 1 study\./, img.alt);
    assert.doesNotMatch(img.alt, /\btable\b/, img.alt);
    await noJs.close();
  }

  // With it: the poster is the first chart, then the engine's.
  const reader = await openPage(browser, `${server.url}article.html`, { viewport: { width: 390, height: 844 } });
  const events = await waitForReadyOf(reader.page, 'w', 1, 30000);
  assert.deepEqual(events.map((e) => e.type), ['ready', 'interactive']);
  assert.equal(events[0].detail.poster, true);
  assert.deepEqual(reader.problems, []);
  await reader.context.close();
});
