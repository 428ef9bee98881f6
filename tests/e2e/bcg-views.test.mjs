// Every view of the BCG reference dataset (a CSV table) in the real widget: the pooled
// views (forest diamond, funnel with trim-and-fill) need a dataset that can be pooled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { launch, startServer, openPage, waitForReadyOf, canvasInk, embedPage, ROOT } from './browser.mjs';

const VIEWS = ['forest', 'map', 'harms', 'claims', 'funnel'];
let browser;
let server;

before(async () => {
  const csv = await fs.readFile(path.join(ROOT, 'tests', 'data', 'bcg.csv'), 'utf8');
  const pages = { '/bcg.csv': { type: 'text/csv', body: csv } };
  for (const view of VIEWS) {
    pages[`/${view}.html`] = embedPage(`<evidence-lens id="w" src="/bcg.csv" measure="RR" view="${view}"></evidence-lens>`);
  }
  server = await startServer({ extra: pages });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const view of VIEWS) {
  test(`the ${view} view draws the BCG dataset`, async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}${view}.html`);
    const events = await waitForReadyOf(page, 'w');
    assert.deepEqual(events.filter((e) => e.type === 'error'), []);
    const ink = await canvasInk(page);
    assert.ok(ink.ink > 2000 && ink.colours >= 2, `${view}: ${JSON.stringify(ink)}`);
    const label = await page.evaluate(() => document.querySelector('evidence-lens').shadowRoot.querySelector('canvas').getAttribute('aria-label'));
    if (view === 'funnel') {
      // 13 trials pool, so the funnel is a plot, not the "needs at least 10 studies" message.
      assert.match(label, /13/, label);
    }
    if (view === 'forest') {
      const rows = await page.evaluate(() => document.querySelector('evidence-lens').shadowRoot.querySelectorAll('tbody tr').length);
      assert.ok(rows >= 13, `${rows} table rows`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
