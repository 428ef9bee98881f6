// Every view of the BCG reference dataset (a CSV table) in the real widget: the pooled
// views (forest diamond, funnel with trim-and-fill) need a dataset that can be pooled; and a
// Spanish table whose outcome_article column reaches the summary's words through the converter.
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
  // A Spanish editor's table that gives its outcome's article (outcome_article).
  const spanish = 'Study,Design,Outcome,Outcome article,Experimental cases,Experimental N,Control cases,Control N\nEnsayo A,rct,Recaída,la,12,100,21,98\nEnsayo B,rct,Recaída,la,9,75,15,77\nEnsayo C,rct,Recaída,la,20,160,31,158\n';
  pages['/es.csv'] = { type: 'text/csv', body: spanish };
  pages['/es.html'] = embedPage('<evidence-lens id="w" src="/es.csv" lang="es"></evidence-lens>');
  // The same table with a count written as a word, for its editor in Spanish and in French.
  pages['/bad.csv'] = { type: 'text/csv', body: spanish.replace('9,75', 'nueve,75') };
  for (const lang of ['es', 'fr']) pages[`/bad-${lang}.html`] = embedPage(`<evidence-lens id="w" src="/bad.csv" lang="${lang}" editor></evidence-lens>`, { lang });
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

test("a Spanish table's outcome_article column makes the summary name the outcome with it", async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}es.html`);
  const events = await waitForReadyOf(page, 'w');
  assert.deepEqual(events.filter((e) => e.type === 'error'), []);
  const label = await page.evaluate(() => document.querySelector('evidence-lens').shadowRoot.querySelector('canvas').getAttribute('aria-label'));
  assert.match(label, /reduc\w* la recaída/, label);
  assert.doesNotMatch(label, /resultado «recaída»/, label);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a table's problems are said in the editor's language, by row and column", async () => {
  for (const [lang, said] of [['es', 'fila 3, columna Experimental cases: "nueve" no es un recuento'], ['fr', 'ligne 3, colonne Experimental cases\u00a0: "nueve" n’est pas un effectif']]) {
    const { page, context, problems } = await openPage(browser, `${server.url}bad-${lang}.html`);
    const events = await waitForReadyOf(page, 'w');
    assert.deepEqual(events.filter((e) => e.type === 'error'), [], lang);
    const listed = await page.evaluate(() => document.querySelector('evidence-lens').shadowRoot.querySelector('.problems').textContent);
    assert.ok(listed.includes(said), `${lang}: ${listed}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
