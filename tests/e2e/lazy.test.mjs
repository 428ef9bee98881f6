// The engine when it is wanted: a widget far down a page downloads nothing (no wasm, no data)
// until the reader comes near it, taps or tabs into it, or a script asks for its chart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, openPage, waitForReadyOf, embedPage } from './browser.mjs';

let browser;
let server;

const FAR = '<div style="height: 4000px">article text</div>';

before(async () => {
  server = await startServer({
    extra: {
      '/far.html': embedPage(`<evidence-lens id="top" view="forest"></evidence-lens>${FAR}<evidence-lens id="far" src="/far.json"></evidence-lens>`),
      '/only-far.html': embedPage(`${FAR}<evidence-lens id="far"></evidence-lens>`),
      '/on-screen.html': embedPage('<evidence-lens id="near"></evidence-lens>'),
      // The snippet's fallback picture is the poster the widget shows: loaded before the script runs.
      '/poster-loaded.html': embedPage('<img id="early" src="/pkg/posters/en-wide-light.svg" alt="" width="8" height="8" onload="customElements.whenDefined(\'evidence-lens\').then(() => document.body.append(Object.assign(document.createElement(\'evidence-lens\'), { id: \'near\' })))">', { head: '<script>addEventListener("ready", () => { window.__readyAt ??= performance.now(); }, true);</script>' }),
      '/far.json': { type: 'application/json', body: '{"schema":"evidence-lens/1","studies":[{"id":"a","label":"A","condition":"x","intervention":{"therapy":"t"},"design":"rct","citation":{"text":"A"},"source_kind":"paper","outcomes":[{"id":"o","name":"O","kind":"benefit","better":"lower","status":"verified","data":{"measure":"RR","estimate":0.8,"ci_lb":0.6,"ci_ub":1.1}}]}]}' },
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The paths the page has requested so far. */
function requested(page) {
  return page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
}

test('a widget far down the page loads nothing until the reader scrolls near it', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}far.html`);
  await waitForReadyOf(page, 'top');
  await page.waitForTimeout(500);
  assert.ok(!(await requested(page)).includes('/far.json'), 'the far widget fetched its data before it was near');
  assert.equal(await page.evaluate(() => window.__events.filter((e) => e.id === 'far').length), 0);
  await page.locator('#far').scrollIntoViewIfNeeded();
  await waitForReadyOf(page, 'far');
  assert.ok((await requested(page)).includes('/far.json'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a page whose only widget is far away downloads no engine until it is wanted', async () => {
  const { page, context } = await openPage(browser, `${server.url}only-far.html`);
  await page.waitForTimeout(800);
  let paths = await requested(page);
  assert.ok(!paths.some((p) => p.endsWith('.wasm') || p.endsWith('builtin.json')), paths.join(' '));
  // A script that asks for the chart gets it.
  const svg = await page.evaluate(() => document.getElementById('far').toSVG());
  assert.match(svg, /^<svg/);
  paths = await requested(page);
  assert.ok(paths.some((p) => p.endsWith('.wasm')) && paths.some((p) => p.endsWith('builtin.json')), paths.join(' '));
  await context.close();
});

test('tabbing into a far widget loads it at once', async () => {
  const { page, context } = await openPage(browser, `${server.url}only-far.html`);
  await page.waitForTimeout(300);
  await page.keyboard.press('Tab');
  await waitForReadyOf(page, 'far');
  const ready = await page.evaluate(() => window.__events.find((e) => e.id === 'far' && e.type === 'interactive'));
  assert.ok(ready, 'no ready after Tab');
  await context.close();
});

test('a widget on screen asks for its engine as soon as its poster is shown, not when an observer next reports', async () => {
  // Observers that never report, as on a page too busy to deliver them yet: the widget must not
  // wait for them once it can see for itself that it is on screen.
  const { page, context, problems } = await openPage(browser, `${server.url}on-screen.html`, {
    init: () => {
      window.IntersectionObserver = class {
        observe() {}
        unobserve() {}
        disconnect() {}
        takeRecords() { return []; }
      };
    },
  });
  // Long enough for the engine on a slow machine, short of the usual 20 s: without the fix it never comes.
  await waitForReadyOf(page, 'near', 1, 10000);
  const events = await page.evaluate(() => window.__events.filter((e) => e.id === 'near').map((e) => [e.type, !!e.detail?.poster]));
  // The poster came first, then the engine's chart.
  assert.deepEqual(events.slice(0, 2), [['ready', true], ['interactive', false]]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a poster whose picture the page has already loaded does not hold the engine back', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}poster-loaded.html`);
  await waitForReadyOf(page, 'near');
  const { wasmAt, readyAt, early } = await page.evaluate(() => ({
    wasmAt: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.startTime,
    readyAt: window.__readyAt,
    early: document.getElementById('early').complete,
  }));
  assert.ok(early, 'the picture loaded before the widget');
  // The engine is asked for at once, not after the poster is decoded and `ready` said.
  assert.ok(wasmAt < readyAt, `engine requested at ${wasmAt} ms, ready at ${readyAt} ms`);
  assert.deepEqual(problems, []);
  await context.close();
});
