// Where an editor's data comes from, and who is told what about it: a `src` that cannot be
// read says why and what to do, in the reader's language; a readable file's warnings and
// left-out rows are listed only for editors (the `editor` attribute).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { launch, startServer, openPage, waitForReadyOf, embedPage, WWW } from './browser.mjs';

let browser;
let server;
/** The server's pages, which a test may change while it runs. */
let pages;
let other;

const LOGIN = '<!doctype html><html><head><title>Sign in</title></head><body><form>Sign in</form></body></html>';

before(async () => {
  const template = await fs.readFile(path.join(WWW, 'template.csv'), 'utf8');
  // Another spelling of a template's header, which the editor is told how it was read.
  const warned = template.replace('Experimental cases', 'Events (treatment)');
  // One row whose count is not a number: left out, the rest shown.
  const badRow = template.replace('Example trial B (made-up numbers),2020,rct,Relapse,lower,9,', 'Example trial B (made-up numbers),2020,rct,Relapse,lower,nine,');
  // Another site, which sends no CORS permission.
  other = await startServer({ extra: { '/data.json': { type: 'application/json', body: '{"schema":"evidence-lens/1","studies":[]}' } } });
  const widgets = (ids, lang = 'en') => embedPage(ids.map(([id, src]) => `<evidence-lens id="${id}" src="${src}"></evidence-lens>`).join('\n'), { lang });
  const broken = [
    ['local', 'C:\\Users\\editor\\trials.csv'],
    ['file', 'file:///home/editor/trials.json'],
    ['cors', `${other.url}data.json`],
    ['login', '/private.json'],
    ['redirect', '/shared.json'],
    ['html', '/page.json'],
    ['review', '/review.rm5'],
    ['missing', '/nope.csv'],
  ];
  pages = {
    '/broken.html': widgets(broken),
    '/broken-es.html': widgets(broken, 'es'),
    '/broken-fr.html': widgets(broken, 'fr'),
    '/private.json': { status: 401, type: 'text/plain', body: 'sign in first' },
    '/shared.json': { status: 302, headers: { location: '/login?next=/shared.json' } },
    '/login': { type: 'text/html; charset=utf-8', body: LOGIN },
    '/page.json': { type: 'text/plain', body: `\uFEFF  ${LOGIN}` },
    '/review.rm5': { type: 'application/xml', body: '<?xml version="1.0"?><COCHRANE_REVIEW/>' },
    '/data.csv': { type: 'text/csv', body: template },
    '/bad-row.csv': { type: 'text/csv', body: badRow },
    '/warned.csv': { type: 'text/csv', body: warned },
    '/table.html': embedPage('<evidence-lens id="sheet" src="/data.csv"></evidence-lens>'),
    '/bad-measure.html': embedPage('<evidence-lens id="measure" src="/data.csv" measure="nonsense"></evidence-lens><evidence-lens id="medida" lang="es" src="/data.csv" measure="nonsense"></evidence-lens>'),
    '/readers.html': embedPage('<evidence-lens id="warned" src="/warned.csv"></evidence-lens><evidence-lens id="partial" src="/bad-row.csv"></evidence-lens>'),
    '/editors.html': embedPage('<evidence-lens id="warned" editor src="/warned.csv"></evidence-lens><evidence-lens id="partial" editor src="/bad-row.csv"></evidence-lens>'),
  };
  server = await startServer({ extra: pages });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await other?.close();
});

/** Each widget's error message, once all have settled. */
async function errorsOf(page, ids) {
  const out = {};
  for (const id of ids) {
    const events = await waitForReadyOf(page, id, 1, 30000);
    const error = events.find((e) => e.type === 'error');
    assert.ok(error, `${id}: no error event`);
    out[id] = error.detail.message;
    const status = await page.locator(`#${id}`).evaluate((el) => el.shadowRoot.querySelector('.status').textContent);
    assert.ok(status.includes(error.detail.message), `${id}: the element shows "${status}"`);
  }
  return out;
}

const IDS = ['local', 'file', 'cors', 'login', 'redirect', 'html', 'review', 'missing'];

test('a src that cannot be read says why and what to do', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}broken.html`);
  const e = await errorsOf(page, IDS);
  assert.match(e.local, /is a file on a computer, which a web page cannot read: put it on a web server/);
  assert.match(e.file, /^file:\/\/\/home\/editor\/trials\.json is a file on a computer/);
  assert.match(e.cors, /does not let other sites read its files \(it sends no CORS permission\).*Access-Control-Allow-Origin/);
  assert.ok(e.cors.includes(new URL(other.url).host), e.cors);
  assert.match(e.login, /asks for a login \(HTTP 401\)/);
  assert.match(e.redirect, /was sent on to http:\/\/127\.0\.0\.1:\d+\/login, which returned a web page, not data: perhaps a sign-in page/);
  assert.match(e.html, /sent a web page, not data\. Link to the file itself: on GitHub its “Raw” link/);
  // A review file is converted in the browser; one that is not a review of interventions says so.
  assert.match(e.review, /^\/review\.rm5 looks like a RevMan or Cochrane review file, but it could not be converted: the review has no analysis with study data\. Check that it is the review's \.rm5 file/);
  assert.match(e.missing, /there is no file at this address \(HTTP 404\)/);
  // Never the bare browser or parser wording the issue found.
  for (const [id, m] of Object.entries(e)) assert.doesNotMatch(m, /Failed to fetch|invalid JSON|line 1, column 1/, id);
  // Only the browser's own reports of the failed requests reach the console.
  assert.deepEqual(problems.filter((p) => !/Failed to load resource|CORS policy|Access-Control-Allow-Origin/.test(p)), []);
  await context.close();
});

test('a table is converted in the browser, and an unknown measure attribute is named with the ones there are', async () => {
  const { page, context } = await openPage(browser, `${server.url}bad-measure.html`);
  const e = await errorsOf(page, ['measure', 'medida']);
  assert.match(e.measure, /^\/data\.csv could not be read as a CSV table: measure: unknown measure "nonsense"; expected one of RR, OR, RD, HR/);
  // On a Spanish page, in Spanish.
  assert.match(e.medida, /^\/data\.csv no se pudo leer como tabla CSV: measure: valor desconocido de la medida del efecto: "nonsense"; se esperaba uno de estos: RR, OR, RD, HR/);
  await context.close();
});

test('a converter that did not download is said to be the site\'s to mend, and the next load gets it', async () => {
  const glue = '/pkg/table/evidence_lens_table.js';
  pages[glue] = { status: 404, type: 'text/plain', body: 'not here' };
  const { page, context } = await openPage(browser, `${server.url}table.html`);
  try {
    const e = await errorsOf(page, ['sheet']);
    assert.match(e.sheet, /^The part of evidence-lens that reads this kind of file \(\/pkg\/table\/\) could not be downloaded: copy the whole pkg folder/);
    // The folder is put back: the widget's next load gets the converter.
    delete pages[glue];
    await page.locator('#sheet').evaluate((el) => el.setAttribute('src', '/data.csv?again'));
    await page.waitForFunction(() => window.__events.some((ev) => ev.type === 'interactive' && ev.id === 'sheet'), null, { timeout: 30000 });
  } finally {
    delete pages[glue];
    await context.close();
  }
});

test('the reasons are in the reader\'s language', async () => {
  for (const [lang, words] of [
    ['es', { local: /es un archivo de un ordenador/, cors: /no deja que otros sitios lean sus archivos/, html: /envió una página web, no datos/, login: /pide iniciar sesión/ }],
    ['fr', { local: /est un fichier sur un ordinateur/, cors: /ne laisse pas d’autres sites lire ses fichiers/, html: /a envoyé une page web, pas des données/, login: /demande une connexion/ }],
  ]) {
    const { page, context } = await openPage(browser, `${server.url}broken-${lang}.html`);
    const e = await errorsOf(page, Object.keys(words));
    for (const [id, pattern] of Object.entries(words)) assert.match(e[id], pattern, `${lang} ${id}: ${e[id]}`);
    await context.close();
  }
});

/** What the problems box of a widget says, and whether it is shown. */
function problemsOf(page, id) {
  return page.locator(`#${id}`).evaluate((el) => {
    const box = el.shadowRoot.querySelector('.problems');
    return { hidden: box.hidden, text: box.textContent, items: box.querySelectorAll('li').length };
  });
}

test('readers are not shown the data\'s warnings; they learn only that entries were left out', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}readers.html`);
  const warned = (await waitForReadyOf(page, 'warned')).find((e) => e.type === 'interactive');
  const partial = (await waitForReadyOf(page, 'partial')).find((e) => e.type === 'interactive');
  assert.ok(warned && warned.detail.warnings > 0 && warned.detail.errors === 0, JSON.stringify(warned));
  assert.ok(partial && partial.detail.errors > 0, JSON.stringify(partial));
  assert.deepEqual(await problemsOf(page, 'warned'), { hidden: true, text: '', items: 0 });
  const p = await problemsOf(page, 'partial');
  assert.equal(p.hidden, false);
  assert.equal(p.text, 'Some entries could not be shown.');
  assert.equal(p.items, 0, 'no list of rows for readers');
  assert.deepEqual(problems, []);

  // An editor who adds the attribute sees the list at once, without a reload.
  await page.locator('#warned').evaluate((el) => el.setAttribute('editor', ''));
  const listed = await problemsOf(page, 'warned');
  assert.equal(listed.hidden, false);
  assert.equal(listed.items, warned.detail.warnings);
  await page.locator('#warned').evaluate((el) => el.removeAttribute('editor'));
  assert.equal((await problemsOf(page, 'warned')).hidden, true);
  await context.close();
});

test('editors get every warning and left-out row, named', async () => {
  const { page, context } = await openPage(browser, `${server.url}editors.html`);
  const warned = (await waitForReadyOf(page, 'warned')).find((e) => e.type === 'interactive');
  const partial = (await waitForReadyOf(page, 'partial')).find((e) => e.type === 'interactive');
  const w = await problemsOf(page, 'warned');
  assert.equal(w.hidden, false);
  assert.equal(w.items, warned.detail.warnings);
  assert.match(w.text, /Warning: /);
  const p = await problemsOf(page, 'partial');
  assert.equal(p.items, partial.detail.errors + partial.detail.warnings);
  assert.match(p.text, /Error: .*(row|line) \d+/i);
  assert.match(p.text, /nine/);
  await context.close();
});
