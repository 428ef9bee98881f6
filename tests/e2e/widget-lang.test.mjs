// In the browser, Spanish and French readers of the widget get every sentence the engine
// writes in their language, and as much of it as English readers: the summary, claims and
// forest views as drawn (their SVG) and as described to screen readers (the chart's label).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, openPage, waitForReadyOf, embedPage, builtinDataset } from './browser.mjs';

let browser;
let server;
const VIEWS = ['summary', 'claims', 'forest'];

before(async () => {
  const pages = {};
  for (const lang of ['en', 'es', 'fr']) pages[`/${lang}.html`] = embedPage(`<evidence-lens id="w" lang="${lang}"></evidence-lens>`, { lang });
  // Data with a problem, for its editor (a study's year in quotes), and data that cannot be read.
  const data = await builtinDataset();
  data.studies[0].year = String(data.studies[0].year);
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  for (const lang of ['en', 'es', 'fr']) {
    pages[`/notes-${lang}.html`] = embedPage(`<evidence-lens id="w" editor lang="${lang}"><script type="application/json">${json}</script></evidence-lens>`, { lang });
    pages[`/broken-${lang}.html`] = embedPage(`<evidence-lens id="w" lang="${lang}"><script type="application/json">{"schema": "evidence-lens/1", "studies": [}</script></evidence-lens>`, { lang });
  }
  pages['/two-es.html'] = embedPage('<evidence-lens id="a" view="forest"></evidence-lens><evidence-lens id="b" view="claims"></evidence-lens>', { lang: 'es' });
  server = await startServer({ extra: pages });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Each view's drawn text and accessible description, in the widget's language. */
async function read(lang) {
  const { page, context, problems } = await openPage(browser, `${server.url}${lang}.html`);
  await waitForReadyOf(page, 'w');
  const out = {};
  for (const view of VIEWS) {
    out[view] = await page.evaluate(async (v) => {
      const el = /** @type {any} */ (document.getElementById('w'));
      el.setView(v);
      await el.whenReady();
      const svg = await el.toSVG();
      const drawn = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement.textContent ?? '';
      const label = el.shadowRoot.querySelector('canvas.chart').getAttribute('aria-label') ?? '';
      return { drawn: drawn.replace(/\s+/g, ' ').trim(), label: label.replace(/\s+/g, ' ').trim() };
    }, view);
  }
  // The catalogue's English sentence pieces (14 characters or more, between placeholders)
  // that this language does not share: none may be shown to its readers.
  const fragments = lang === 'en' ? [] : await page.evaluate(async (l) => {
    const m = await import('/pkg/evidence_lens.js');
    await m.default();
    const en = new Map(m.uiStrings('en'));
    const other = new Map(m.uiStrings(l));
    const out = new Set();
    for (const [key, text] of en) {
      for (const part of String(text).split(/[{}]/)) {
        const p = part.trim();
        if (p.length >= 14 && p.includes(' ') && !String(other.get(key) ?? '').includes(p)) out.add(p);
      }
    }
    return [...out];
  }, lang);
  assert.deepEqual(problems, []);
  await context.close();
  return { text: out, fragments };
}

test('Spanish and French readers get no English sentence of the engine\'s, and as much as English readers', async () => {
  const en = await read('en');
  for (const lang of ['es', 'fr']) {
    const { text, fragments } = await read(lang);
    assert.ok(fragments.length > 100, `${lang}: the catalogue's English pieces were not found (${fragments.length})`);
    // The check can fail: the English widget shows many of these pieces.
    const inEnglish = VIEWS.flatMap((v) => fragments.filter((f) => en.text[v].drawn.includes(f) || en.text[v].label.includes(f)));
    assert.ok(inEnglish.length >= 10, `${lang}: only ${inEnglish.length} English pieces found in the English widget`);
    for (const view of VIEWS) {
      for (const part of ['drawn', 'label']) {
        const shown = text[view][part];
        const english = fragments.filter((f) => shown.includes(f));
        assert.deepEqual(english, [], `${lang} ${view} ${part}: English left in "${shown.slice(0, 300)}…"`);
        const ratio = shown.length / en.text[view][part].length;
        assert.ok(ratio >= 0.95, `${lang} ${view} ${part}: ${shown.length} characters against ${en.text[view][part].length} in English`);
      }
    }
  }
});

test('the words shown before the engine has loaded are the catalogue\'s, in each language', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}es.html`);
  const { before, engine } = await page.evaluate(async () => {
    const { BEFORE_WASM } = await import('/lens/strings.js');
    const m = await import('/pkg/evidence_lens.js');
    await m.default();
    // The engine carries English; the shell gives it the reader's language from pkg/i18n/.
    for (const l of ['es', 'fr']) if (!m.hasLanguage(l)) m.installLanguage(l, await (await fetch(`/pkg/i18n/${l}.json`)).text());
    return { before: BEFORE_WASM, engine: Object.fromEntries(['en', 'es', 'fr'].map((l) => [l, Object.fromEntries(m.uiStrings(l))])) };
  });
  for (const lang of ['en', 'es', 'fr']) {
    assert.ok(Object.keys(before[lang]).length >= 5, lang);
    for (const [key, text] of Object.entries(before[lang])) assert.equal(text, engine[lang][key], `${lang} ${key}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the engine carries English; a Spanish page downloads its texts once, an English one never, and without them the chart still comes, in English', async () => {
  /** The requests for pkg/i18n/ of a page, and its widgets' labels once drawn. */
  async function visit(path, { block = false } = {}) {
    const { page, context, problems } = await openPage(browser, `${server.url}${path}`);
    const asked = [];
    page.on('request', (r) => { if (r.url().includes('/pkg/i18n/')) asked.push(new URL(r.url()).pathname); });
    if (block) await page.route('**/pkg/i18n/**', (route) => route.fulfill({ status: 404, body: '' }));
    await page.reload();
    const ids = await page.evaluate(() => [...document.querySelectorAll('evidence-lens')].map((e) => e.id));
    for (const id of ids) await waitForReadyOf(page, id, 1, 30000);
    const labels = await page.evaluate(() => [...document.querySelectorAll('evidence-lens')].map((e) => e.shadowRoot.querySelector('canvas.chart').getAttribute('aria-label') ?? ''));
    await context.close();
    return { asked, labels, problems };
  }
  const en = await visit('en.html');
  assert.deepEqual(en.asked, []);
  const es = await visit('two-es.html');
  assert.deepEqual(es.asked, ['/pkg/i18n/es.json']);
  assert.match(es.labels[0], /^Diagrama de bosque de \d+ resultados/);
  assert.deepEqual(es.problems, []);
  const offline = await visit('two-es.html', { block: true });
  assert.match(offline.labels[0], /^Forest plot of \d+ results/);
  // Only the browser's own note of the missing file (the widget warns; it shows no error).
  assert.deepEqual(offline.problems.filter((p) => !/status of 404/.test(p)), []);
});

test('French announcements and tooltips space the colon before a certainty, as French writes it', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}fr.html`);
  await waitForReadyOf(page, 'w');
  await page.evaluate(async () => {
    const el = /** @type {any} */ (document.getElementById('w'));
    el.setView('forest');
    await el.whenReady();
    el.focus();
  });
  // To the first row with a certainty: the forest's first item is a study with one.
  await page.keyboard.press('Home');
  const said = await page.evaluate(() => {
    const root = /** @type {ShadowRoot} */ (document.getElementById('w')?.shadowRoot);
    return { live: root.querySelector('[aria-live]')?.textContent ?? '', tip: root.querySelector('.tooltip')?.textContent ?? '' };
  });
  assert.match(said.live, /Certitude\u00a0: /, said.live);
  assert.doesNotMatch(said.live, /Certitude: /, said.live);
  assert.match(said.tip, /Certitude\u00a0: /, said.tip);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a Spanish reader\'s condition and route menus name the data\'s words in Spanish, and a choice still filters', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}es.html`);
  await waitForReadyOf(page, 'w');
  const w = page.locator('#w');
  await w.locator('[data-control="filters"]').click();
  const options = (control) => w.locator(`select[data-control="${control}"] option`).evaluateAll((o) => o.map((x) => ({ value: x.value, text: x.textContent })));
  const routes = await options('route');
  const conditions = await options('condition');
  const outcomes = (await options('outcome')).map((o) => o.text);
  assert.ok(outcomes.some((t) => t.startsWith('Progresión de la discapacidad')), outcomes.join(' | '));
  for (const [list, spanish, english] of [[routes, 'intratecal', 'intrathecal'], [routes, 'intravenosa', 'intravenous'], [conditions, 'esclerosis múltiple', 'multiple sclerosis'], [routes, 'intratecal, intravenosa o ambas (intrathecal or intravenous)', 'intrathecal or intravenous']]) {
    const shown = list.map((o) => o.text);
    assert.ok(shown.includes(spanish), `${spanish}: ${shown.join(' | ')}`);
    assert.ok(!shown.includes(english), `${english}: ${shown.join(' | ')}`);
  }
  const intrathecal = routes.find((o) => o.text === 'intratecal');
  const before = await page.evaluate(() => /** @type {any} */ (document.getElementById('w')).__testHook.itemCount());
  await w.locator('select[data-control="route"]').selectOption(intrathecal.value);
  const after = await page.evaluate(() => {
    const el = /** @type {any} */ (document.getElementById('w'));
    return { count: el.__testHook.itemCount(), filters: el.state.filters };
  });
  assert.deepEqual(after.filters, { route: [intrathecal.value] });
  assert.ok(after.count > 0 && after.count < before, `${after.count} of ${before}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the data\'s problems are said in the reader\'s language: the editor\'s notes and a failure', async () => {
  const said = {
    en: ['expected a whole number, found the string', 'invalid JSON'],
    es: ['se esperaba un número entero, se encontró la cadena de texto', 'JSON no válido'],
    fr: ['il faut un nombre entier, mais on trouve la chaîne', 'JSON invalide'],
  };
  for (const [lang, [note, failure]] of Object.entries(said)) {
    const notes = await openPage(browser, `${server.url}notes-${lang}.html`);
    const events = await waitForReadyOf(notes.page, 'w');
    assert.deepEqual(events.filter((e) => e.type === 'error'), [], lang);
    const listed = await notes.page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.problems').textContent);
    assert.ok(listed.includes(`studies[0].year`) && listed.includes(note), `${lang}: ${listed}`);
    await notes.context.close();

    const broken = await openPage(browser, `${server.url}broken-${lang}.html`);
    const [error] = (await waitForReadyOf(broken.page, 'w')).filter((e) => e.type === 'error');
    assert.ok(error?.detail?.message.includes(failure), `${lang}: ${JSON.stringify(error)}`);
    const shown = await broken.page.evaluate(() => document.getElementById('w').shadowRoot.textContent);
    assert.ok(shown.includes(failure), `${lang}: ${shown.slice(0, 300)}`);
    await broken.context.close();
  }
});
