// Embedding by the documented snippet, under a strict CSP with Trusted Types, several
// widgets on one page, and every attribute.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { launch, startServer, openPage, waitForReadyOf, canvasInk, embedPage, builtinDataset, ROOT } from './browser.mjs';

let browser;
let plain;
let strict;

const tiny = {
  schema: 'evidence-lens/1',
  title: 'Tiny test dataset',
  studies: [
    {
      id: 'alpha', label: 'Alpha trial 2020', year: 2020, citation: { text: 'Alpha et al. 2020', pmid: '12345678' }, source_kind: 'paper',
      condition: 'multiple sclerosis', intervention: { therapy: 'TestCell', route: 'intravenous' }, design: 'rct', n: 120,
      outcomes: [{ id: 'relapse', name: 'Relapse', kind: 'benefit', better: 'lower', data: { measure: 'RR', ai: 10, n1i: 60, ci: 20, n2i: 60 } }],
    },
    {
      id: 'beta', label: 'Beta study 2021', year: 2021, citation: { text: 'Beta et al. 2021' }, source_kind: 'paper',
      condition: 'multiple sclerosis', intervention: { therapy: 'OtherCell', route: 'intrathecal' }, design: 'cohort', n: 80,
      outcomes: [{ id: 'relapse', name: 'Relapse', kind: 'benefit', better: 'lower', data: { measure: 'RR', ai: 8, n1i: 40, ci: 12, n2i: 40 } }],
    },
  ],
};

const pages = {
  '/snippet.html': embedPage('<h1>Host</h1><evidence-lens view="forest" id="w"></evidence-lens><p id="after">host text</p>'),
  '/three.html': embedPage('<evidence-lens view="forest" id="a"></evidence-lens><evidence-lens id="b" view="forest" theme="dark"></evidence-lens><evidence-lens view="forest" id="c" src="/tiny.json"></evidence-lens>'),
  '/tiny.json': { type: 'application/json', body: JSON.stringify(tiny) },
  '/bcg.csv': { type: 'text/csv', body: '' },
  '/csv.html': embedPage('<evidence-lens view="forest" id="w" src="/bcg.csv" measure="RR"></evidence-lens>'),
  '/inline.html': embedPage(`<evidence-lens view="forest" id="w"><script type="application/json">${JSON.stringify(tiny)}</script></evidence-lens>`),
  '/data.html': embedPage('<evidence-lens view="forest" id="w" src="/tiny.json"></evidence-lens>'),
  '/outcome.html': embedPage('<evidence-lens view="forest" id="w" outcome="relapse" src="/tiny.json"></evidence-lens>'),
  '/filter.html': embedPage('<evidence-lens view="forest" id="w" filter="therapy:AHSCT;design:rct,crossover_rct"></evidence-lens><evidence-lens view="forest" id="all"></evidence-lens>'),
  '/theme.html': embedPage('<evidence-lens view="forest" id="light" theme="light"></evidence-lens><evidence-lens view="forest" id="dark" theme="dark"></evidence-lens><evidence-lens view="forest" id="auto" theme="auto"></evidence-lens>'),
  '/lang.html': embedPage('<evidence-lens view="forest" id="es" lang="es"></evidence-lens><div lang="fr"><evidence-lens view="forest" id="fr"></evidence-lens></div>'),
  '/height.html': embedPage('<evidence-lens view="forest" id="w" height="300px"></evidence-lens><evidence-lens view="forest" id="n"></evidence-lens>'),
  '/view.html': embedPage('<evidence-lens id="w" view="map"></evidence-lens>'),
  '/bad-view.html': embedPage('<evidence-lens id="w" view="nonsense"></evidence-lens>'),
  '/big.html': embedPage(`<evidence-lens view="forest" id="w" lang="es"><script type="application/json">${JSON.stringify({ ...tiny, studies: [{ ...tiny.studies[0], n: 28235 }] })}</script></evidence-lens>`),
  '/typo.html': embedPage('<evidence-lens view="forest" id="w" editor outcome="Relapses" src="/tiny.json"></evidence-lens><evidence-lens view="forest" id="r" outcome="Relapses" src="/tiny.json"></evidence-lens>'),
};

before(async () => {
  pages['/bcg.csv'].body = await fs.readFile(path.join(ROOT, 'tests', 'data', 'bcg.csv'), 'utf8');
  // The same element from a server that sends the wasm as a generic binary (no streaming compile).
  const www = path.join(ROOT, 'www');
  pages['/octet/evidence-lens.js'] = { type: 'text/javascript', body: await fs.readFile(path.join(www, 'evidence-lens.js')) };
  pages['/octet/pkg/evidence_lens.js'] = { type: 'text/javascript', body: await fs.readFile(path.join(www, 'pkg', 'evidence_lens.js')) };
  pages['/octet/pkg/evidence_lens_bg.wasm'] = { type: 'application/octet-stream', body: await fs.readFile(path.join(www, 'pkg', 'evidence_lens_bg.wasm')) };
  pages['/octet/pkg/builtin.json'] = { type: 'application/octet-stream', body: await fs.readFile(path.join(www, 'pkg', 'builtin.json')) };
  pages['/octet.html'] = { type: 'text/html', body: '<!doctype html><html lang="en"><head><title>octet</title><link rel="icon" href="/favicon.svg"><script type="module" src="/octet/evidence-lens.js"></script></head><body><evidence-lens view="forest" id="w"></evidence-lens></body></html>' };
  plain = await startServer({ extra: pages });
  strict = await startServer({ extra: pages, strictCsp: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await plain?.close();
  await strict?.close();
});

async function chartHeight(page, id) {
  // The stage is as tall as the chart; a long chart's canvas holds only a window of it.
  return page.evaluate((i) => document.getElementById(i).shadowRoot.querySelector('.stage').getBoundingClientRect().height, id);
}

for (const [name, server] of [['a plain page', () => plain], ['a page with the strict CSP and Trusted Types', () => strict]]) {
  test(`the documented snippet works on ${name} without CSP violations`, async () => {
    const { page, context, problems } = await openPage(browser, `${server().url}snippet.html`);
    const events = await waitForReadyOf(page, 'w');
    assert.deepEqual(events.filter((e) => e.type === 'error'), []);
    const ink = await canvasInk(page, '#w');
    assert.ok(ink.ink > 5000, `blank canvas (${ink.ink})`);
    if (server() === strict) {
      const header = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
      assert.match(header, /require-trusted-types-for 'script'/);
    }
    // Tab into the controls and the chart: interaction must also stay within the policy.
    await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('.stage').focus());
    await page.keyboard.press('ArrowDown');
    await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('[data-control="table"]').click());
    await page.mouse.move(300, 300);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('height through CSSOM works under the strict CSP (the frame gets the height and scrolls)', async () => {
  const { page, context, problems } = await openPage(browser, `${strict.url}height.html`);
  await waitForReadyOf(page, 'w');
  await waitForReadyOf(page, 'n');
  const frame = await page.evaluate(() => {
    const f = document.getElementById('w').shadowRoot.querySelector('.frame');
    const cs = getComputedStyle(f);
    return { height: f.getBoundingClientRect().height, overflowY: cs.overflowY, scroll: f.scrollHeight };
  });
  assert.equal(Math.round(frame.height), 300);
  assert.equal(frame.overflowY, 'auto');
  assert.ok(frame.scroll > 300, 'the chart should be taller than the frame and scroll');
  // The natural-height widget is as tall as its chart, which CSSOM also sized.
  assert.ok((await chartHeight(page, 'n')) > 300);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a server that sends the wasm without its MIME type still works (slower compile, same chart)', async () => {
  const { page, context, problems } = await openPage(browser, `${plain.url}octet.html`);
  const events = await waitForReadyOf(page, 'w');
  assert.ok(events.some((e) => e.type === 'interactive'), JSON.stringify(events));
  assert.ok((await canvasInk(page, '#w')).ink > 1000);
  assert.deepEqual(problems.filter((p) => !/favicon/.test(p)), []);
  await context.close();
});

test('three widgets on one page share one wasm instance and all draw', async () => {
  const { page, context, problems } = await openPage(browser, `${strict.url}three.html`);
  for (const id of ['a', 'b', 'c']) {
    const ev = await waitForReadyOf(page, id);
    assert.ok(ev.some((e) => e.type === 'interactive'), `${id} not ready`);
  }
  const wasmFetches = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm')).length);
  assert.equal(wasmFetches, 1, 'the wasm should be fetched once');
  const inks = await Promise.all(['#a', '#b', '#c'].map((s) => canvasInk(page, s)));
  for (const ink of inks) assert.ok(ink.ink > 1000);
  const labels = await page.evaluate(() => [...document.getElementById('c').shadowRoot.querySelectorAll('tbody th')].map((t) => t.textContent));
  assert.ok(labels.some((l) => l.includes('Alpha trial')), labels.join('|'));
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('src JSON, src CSV with measure, inline JSON and the data property', async () => {
  const rowsOf = (page) => page.evaluate(() => [...document.getElementById('w').shadowRoot.querySelectorAll('tbody th')].map((t) => t.textContent));
  for (const url of ['data.html', 'inline.html']) {
    const { page, context, problems } = await openPage(browser, `${strict.url}${url}`);
    await waitForReadyOf(page, 'w');
    const rows = await rowsOf(page);
    assert.ok(rows.some((r) => r.includes('Alpha trial')) && rows.some((r) => r.includes('Beta study')), `${url}: ${rows.join('|')}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
  {
    const { page, context, problems } = await openPage(browser, `${strict.url}csv.html`);
    const events = await waitForReadyOf(page, 'w');
    assert.deepEqual(events.filter((e) => e.type === 'error'), []);
    const rows = await rowsOf(page);
    assert.ok(rows.some((r) => r.includes('Aronson')), rows.join('|'));
    const values = await page.evaluate(() => [...document.getElementById('w').shadowRoot.querySelectorAll('tbody td:nth-child(3)')].map((t) => t.textContent));
    assert.ok(values.some((v) => /RR/.test(v)), `the measure should be RR: ${values.join('|')}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
  {
    const { page, context, problems } = await openPage(browser, `${strict.url}snippet.html`);
    await waitForReadyOf(page, 'w');
    await page.evaluate((d) => {
      document.getElementById('w').data = d;
    }, tiny);
    await waitForReadyOf(page, 'w', 2);
    const rows = await rowsOf(page);
    assert.ok(rows.some((r) => r.includes('Beta study')) && !rows.some((r) => r.includes('MESEMS')), rows.join('|'));
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('view, outcome and filter attributes', async () => {
  {
    const { page, context } = await openPage(browser, `${plain.url}outcome.html`);
    const events = await waitForReadyOf(page, 'w');
    assert.deepEqual(events.filter((e) => e.type === 'error'), []);
    const details = await page.evaluate(() => [...document.getElementById('w').shadowRoot.querySelectorAll('tbody td:nth-child(2)')].map((t) => t.textContent));
    assert.ok(details.length >= 2 && details.every((d) => d.includes('Relapse')), details.join('|'));
    await context.close();
  }
  {
    const { page, context } = await openPage(browser, `${plain.url}filter.html`);
    await waitForReadyOf(page, 'w');
    await waitForReadyOf(page, 'all');
    const count = (id) => page.evaluate((i) => document.getElementById(i).shadowRoot.querySelectorAll('tbody tr').length, id);
    const [filtered, all] = [await count('w'), await count('all')];
    assert.ok(filtered > 0 && filtered < all, `filtered ${filtered} of ${all}`);
    const state = await page.evaluate(() => document.getElementById('w').state.filters);
    assert.deepEqual(state, { therapy: ['AHSCT'], design: ['rct', 'crossover_rct'] });
    await context.close();
  }
  {
    const { page, context } = await openPage(browser, `${plain.url}view.html`);
    const events = await waitForReadyOf(page, 'w');
    assert.deepEqual(events.filter((e) => e.type === 'error'), []);
    assert.equal(events.find((e) => e.type === 'interactive').detail.view, 'map');
    await context.close();
  }
  {
    // A misspelt outcome keeps no study: the editor's list names the outcomes there are, and
    // the line goes once the outcome is one of them; a reader's widget lists nothing.
    const { page, context } = await openPage(browser, `${plain.url}typo.html`);
    await waitForReadyOf(page, 'w');
    await waitForReadyOf(page, 'r');
    const problems = (id) => page.evaluate((i) => [...document.getElementById(i).shadowRoot.querySelectorAll('.problems li')].map((li) => li.textContent), id);
    const rows = (id) => page.evaluate((i) => document.getElementById(i).shadowRoot.querySelectorAll('tbody tr').length, id);
    assert.equal(await rows('w'), 0);
    assert.deepEqual(await problems('w'), ['Warning: outcome: "Relapses" is not the id or name of an outcome in these data, so no study is shown; their outcomes: Relapse']);
    assert.deepEqual(await problems('r'), []);
    await page.evaluate(() => document.getElementById('w').setAttribute('outcome', 'Relapse'));
    await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelectorAll('tbody tr').length > 0);
    assert.deepEqual(await problems('w'), []);
    await context.close();
  }
  {
    // A study's people in its details as the reader's language writes the number.
    const { page, context } = await openPage(browser, `${plain.url}big.html`);
    await waitForReadyOf(page, 'w');
    const text = await page.locator('#w').evaluate(async (el) => {
      const key = el.__testHook.keys().find((k) => el.__testHook.item(k)?.n === 28235);
      el.select(key);
      await new Promise((r) => requestAnimationFrame(r));
      return el.shadowRoot.querySelector('.details').textContent;
    });
    assert.match(text, /28\.235 participantes/, text);
    await context.close();
  }
  {
    const { page, context } = await openPage(browser, `${plain.url}bad-view.html`);
    const events = await waitForReadyOf(page, 'w');
    const error = events.find((e) => e.type === 'error');
    assert.ok(error && /nonsense/.test(error.detail.message), JSON.stringify(events));
    const status = await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.status').textContent);
    assert.match(status, /nonsense/);
    await context.close();
  }
});

test('themes: light, dark, and auto following an emulated dark scheme and its change', async () => {
  const { page, context } = await openPage(browser, `${plain.url}theme.html`, { colorScheme: 'dark' });
  for (const id of ['light', 'dark', 'auto']) await waitForReadyOf(page, id);
  // What a reader sees (the canvas over the widget's background): the corner's colour, and
  // how many pixels are light and dark (the text follows the theme too).
  const seen = (id) => page.evaluate((i) => {
    const root = document.getElementById(i).shadowRoot;
    const canvas = root.querySelector('canvas');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const bg = getComputedStyle(root.querySelector('.stage')).backgroundColor.match(/\d+/g).map(Number);
    const red = (p) => Math.round(data[p] * (data[p + 3] / 255) + bg[0] * (1 - data[p + 3] / 255));
    let light = 0;
    let dark = 0;
    for (let p = 0; p < data.length; p += 4) {
      if (data[p + 3] === 0) continue;
      if (red(p) > 200) light++;
      if (red(p) < 60) dark++;
    }
    const corner = 4 * (canvas.width + 1);
    return { corner: red(corner), light, dark };
  }, id);
  const light = await seen('light');
  const dark = await seen('dark');
  assert.ok(light.corner > 200 && dark.corner < 60, `light ${JSON.stringify(light)}, dark ${JSON.stringify(dark)}`);
  assert.ok(light.dark > 1000 && dark.light > 1000, 'the text follows the theme');
  assert.deepEqual(await seen('auto'), dark, 'auto should follow the dark scheme');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => getComputedStyle(document.getElementById('auto').shadowRoot.querySelector('.stage')).backgroundColor === 'rgb(255, 255, 255)');
  assert.deepEqual(await seen('auto'), light, 'auto follows the change to light');
  // Under the transparent canvas, the stage has the chart theme's own background (as a PNG
  // paints it), also in forced-colours mode, where the page's colours are replaced.
  const backgrounds = (i) => page.evaluate(async (id) => {
    const el = document.getElementById(id);
    const stage = getComputedStyle(el.shadowRoot.querySelector('.stage')).backgroundColor;
    const bitmap = await createImageBitmap(await el.toPNG());
    const probe = Object.assign(document.createElement('canvas'), { width: 1, height: 1 });
    const ctx = probe.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    return [stage, `rgb(${[...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3).join(', ')})`];
  }, i);
  for (const id of ['light', 'dark']) {
    const [stage, png] = await backgrounds(id);
    assert.equal(stage, png, `${id}: the stage's background is not the theme's`);
  }
  await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
  for (const id of ['light', 'dark']) {
    const [stage, png] = await backgrounds(id);
    assert.equal(stage, png, `${id} in forced colours`);
  }
  await context.close();
});

test('lang es and fr (own attribute and inherited from an ancestor) translate the shell', async () => {
  const { page, context, problems } = await openPage(browser, `${plain.url}lang.html`);
  await waitForReadyOf(page, 'es');
  await waitForReadyOf(page, 'fr');
  const words = (id) => page.evaluate((i) => {
    const root = document.getElementById(i).shadowRoot;
    return { lang: root.querySelector('.root').getAttribute('lang'), toggle: root.querySelector('[data-control="table"]').textContent, head: [...root.querySelectorAll('thead th')].map((t) => t.textContent) };
  }, id);
  const es = await words('es');
  const fr = await words('fr');
  assert.equal(es.lang, 'es');
  assert.equal(fr.lang, 'fr');
  assert.equal(es.toggle, 'Mostrar tabla');
  assert.equal(fr.toggle, 'Afficher le tableau');
  assert.ok(es.head.includes('Estudio'), es.head.join('|'));
  assert.ok(fr.head.includes('Étude'), fr.head.join('|'));
  assert.deepEqual(problems, []);
  await context.close();
});
