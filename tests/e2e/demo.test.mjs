// The demo page end to end: the built-in dataset drawn by the real widget in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, openPage, waitForReady, canvasInk } from './browser.mjs';

let browser;
let server;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the demo page draws a forest plot of the built-in dataset and logs no errors', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const events = await waitForReady(page);
  assert.deepEqual(events.filter((e) => e.type === 'error'), [], 'the widget reported an error');
  const ready = events.find((e) => e.type === 'ready');
  assert.ok(ready.detail.studies >= 5, `only ${ready.detail.studies} studies loaded`);

  const ink = await canvasInk(page);
  assert.ok(ink.width >= 600 && ink.height >= 300, `canvas is ${ink.width}x${ink.height}`);
  assert.ok(ink.ink > 5000, `canvas looks blank (${ink.ink} inked pixels)`);
  assert.ok(ink.colours >= 3, 'the chart should use text, neutral and result colours');

  // The accessible table mirrors the chart and names real studies from the dataset.
  const rows = await page.evaluate(() => [...document.querySelector('evidence-lens').shadowRoot.querySelectorAll('tbody th')].map((th) => th.textContent));
  assert.ok(rows.some((r) => r.includes('MESEMS')), `table rows: ${rows.join(' | ')}`);
  assert.ok(rows.some((r) => r.includes('MIST')), `table rows: ${rows.join(' | ')}`);

  assert.deepEqual(problems, []);
  await context.close();
});
