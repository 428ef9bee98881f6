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

test('the demo page answers first: the summary of the built-in dataset, with no errors', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const events = await waitForReady(page);
  assert.deepEqual(events.filter((e) => e.type === 'error'), [], 'the widget reported an error');
  const ready = events.find((e) => e.type === 'interactive');
  assert.ok(ready.detail.studies >= 5, `only ${ready.detail.studies} studies loaded`);

  const ink = await canvasInk(page);
  assert.ok(ink.width >= 600 && ink.height >= 300, `canvas is ${ink.width}x${ink.height}`);
  assert.ok(ink.ink > 5000, `canvas looks blank (${ink.ink} inked pixels)`);
  assert.ok(ink.colours >= 3, 'the chart should use text, neutral and result colours');

  // The accessible table mirrors the chart: one row per therapy's answer.
  const rows = await page.evaluate(() => [...document.querySelector('evidence-lens').shadowRoot.querySelectorAll('tbody th')].map((th) => th.textContent));
  for (const therapy of ['AHSCT', 'MSC-NP', 'MSC (']) {
    assert.ok(rows.some((r) => r.includes(therapy)), `table rows: ${rows.join(' | ')}`);
  }
  // What the reader sees drawn states each answer with its certainty, the natural frequencies
  // and the risk of death (the same drawing as SVG text).
  const svg = await page.evaluate(() => document.querySelector('evidence-lens').toSVG());
  const drawn = svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  for (const words of ['In people with relapsing-remitting MS with relapses despite treatment, AHSCT may reduce disability progression', 'low certainty',
    'very low certainty', 'Main benefit', 'Main harm', 'Deaths within 100 days', 'about 3 in 100', 'out of 100 people, about 37 in the comparison group and about 33 with MSC-NP']) {
    assert.ok(drawn.includes(words), `the summary does not say "${words}"`);
  }

  // The page lists the sources, with http(s) links only.
  await page.waitForFunction(() => document.querySelectorAll('#sources li a').length > 0);
  const sources = await page.evaluate(() => ({ items: document.querySelectorAll('#sources li').length, hrefs: [...document.querySelectorAll('#sources a')].map((a) => a.href) }));
  assert.ok(sources.items >= 10, `${sources.items} sources`);
  assert.ok(sources.hrefs.every((h) => /^https?:\/\//.test(h)), sources.hrefs.join(' '));

  assert.deepEqual(problems, []);
  await context.close();
});

test('the embed page previews the chosen options live and gives the snippet as text', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}embed.html`);
  await waitForReady(page);
  await page.selectOption('select[name=view]', 'map');
  await page.selectOption('select[name=lang]', 'es');
  await page.fill('input[name=filter]', 'therapy:AHSCT');
  await page.fill('input[name=height]', '400px');
  await page.locator('input[name=height]').dispatchEvent('change');
  await page.waitForFunction(() => {
    const w = document.querySelector('#preview evidence-lens');
    return w && w.getAttribute('view') === 'map' && w.getAttribute('filter') === 'therapy:AHSCT' && w.getAttribute('height') === '400px';
  });
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'interactive').length >= 2);
  const snippet = await page.inputValue('#snippet');
  assert.match(snippet, /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/evidence-lens\.js"><\/script>/);
  assert.match(snippet, /<evidence-lens view="map" theme="auto" lang="es" filter="therapy:AHSCT" height="400px"><\/evidence-lens>/);
  // Markup typed by the editor is escaped in the snippet, never rendered.
  await page.fill('input[name=outcome]', '"><img src=x onerror=alert(1)>');
  await page.locator('input[name=outcome]').dispatchEvent('change');
  const escaped = await page.inputValue('#snippet');
  assert.match(escaped, /outcome="&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;"/);
  assert.equal(await page.locator('img').count(), 0);
  // Each field is named by its label's words and described by its hint, not named by both.
  for (const [role, name] of [['textbox', 'Posters (address of a folder)'], ['textbox', 'Outcome'], ['combobox', 'Language of the chart']]) {
    const field = page.getByRole(role, { name, exact: true });
    assert.equal(await field.count(), 1, name);
    assert.ok((await field.getAttribute('aria-describedby'))?.endsWith('-hint'), name);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the embed page links the CSV template and a field guide, and the template draws without errors under the strict CSP', async () => {
  const strict = await startServer({ strictCsp: true });
  try {
    const { page, context, problems } = await openPage(browser, `${strict.url}embed.html`);
    await waitForReady(page);
    const links = await page.evaluate(() => [...document.querySelectorAll('a[href="template.csv"]')].map((a) => ({ text: a.textContent, download: a.hasAttribute('download') })));
    assert.ok(links.length >= 1 && links.every((l) => l.download), JSON.stringify(links));
    const guide = await page.evaluate(() => document.getElementById('field-guide')?.textContent ?? '');
    for (const words of ['Experimental cases', 'semicolons', 'decimal commas', 'Windows-1252', 'not rated as randomised']) {
      assert.ok(guide.includes(words), `the field guide does not mention ${words}`);
    }
    const template = await page.evaluate(async () => {
      const r = await fetch('template.csv');
      return { ok: r.ok, text: await r.text() };
    });
    assert.ok(template.ok);
    assert.match(template.text, /^Study,Year,Design,Outcome,Better,Experimental cases,Experimental N,Control cases,Control N/);
    assert.match(template.text, /made-up numbers/);
    // The template as the editor's data: drawn, with no errors (its notes are warnings).
    await page.fill('input[name=src]', new URL('template.csv', strict.url).href);
    await page.locator('input[name=src]').dispatchEvent('change');
    await page.waitForFunction(() => window.__events.filter((e) => e.type === 'interactive' || e.type === 'error').length >= 2);
    const last = await page.evaluate(() => window.__events.filter((e) => e.type === 'interactive' || e.type === 'error').at(-1));
    assert.equal(last.type, 'interactive', JSON.stringify(last));
    assert.equal(last.detail?.errors ?? 0, 0, JSON.stringify(last.detail));
    assert.equal(last.detail?.studies, 3, JSON.stringify(last.detail));
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await strict.close();
  }
});
