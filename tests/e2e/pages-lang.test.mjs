// The explorer and embed pages in Spanish and French (?lang=es|fr): every text of the page
// itself (outside the widget) is translated, as much of it as in English, with the same
// headings, paragraphs, list items, links and labels and the same numbers; the widget inside
// follows the page's language; the switcher links work and keep the chart's state. Served
// with the strict CSP. The texts are in www/page-text.js, applied by www/page-lang.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, openPage, waitForReady } from './browser.mjs';
import { TEXT } from '../../www/page-text.js';

const PAGES = [['index.html', ''], ['embed.html', 'embed.html']];
const LANGS = { es: { table: 'Mostrar tabla' }, fr: { table: 'Afficher le tableau' } };

let browser;
let server;

before(async () => {
  server = await startServer({ strictCsp: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** `[words]{n}` → words, `{n}` → the n-th child's text: a template as the reader reads it. */
function plain(template, childTexts) {
  return template.replace(/\[([^\]]*)\]\{(\d+)\}|\{(\d+)\}/g, (_, words, _i, n) => (words !== undefined ? words : childTexts[Number(n)] ?? ''));
}

const normal = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * What the page itself says, outside the widget: its text nodes (those in code, samples,
 * translate="no" parts and the data's source list marked as exempt from translation), the
 * number of elements of each kind that have text, its attributes for readers, and the
 * elements marked for translation with their text.
 */
function pageText() {
  const normal = (s) => s.replace(/\s+/g, ' ').trim();
  const EXEMPT = 'code, samp, kbd, [translate="no"], #sources li';
  const nodes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('evidence-lens, script, style, template, textarea')) continue;
    if (!parent.checkVisibility() && !parent.closest('option')) continue;
    const text = normal(node.data);
    if (text) nodes.push({ text, exempt: Boolean(parent.closest(EXEMPT)) });
  }
  const counts = {};
  for (const tag of ['h1', 'h2', 'h3', 'p', 'li', 'a', 'label', 'dt', 'dd', 'option', 'button', 'code', 'strong', 'span']) {
    counts[tag] = [...document.body.querySelectorAll(tag)].filter((el) => !el.closest('evidence-lens') && normal(el.textContent)).length;
  }
  const attrs = [];
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], meta[name="description"]')) {
    if (el.closest('evidence-lens')) continue;
    for (const a of ['aria-label', 'placeholder', 'title', 'content']) if (el.hasAttribute(a)) attrs.push(`${el.localName}[${a}]=${el.getAttribute(a)}`);
  }
  const marked = [...document.querySelectorAll('[data-text]')].map((el) => ({
    key: el.getAttribute('data-text'), text: normal(el.textContent), children: [...el.children].map((c) => c.textContent),
  }));
  return { nodes, counts, attrs, marked, title: document.title, lang: document.documentElement.lang };
}

/** Opens a page and waits for its chart (and, on the explorer, its source list). */
async function open(url) {
  const opened = await openPage(browser, `${server.url}${url}`);
  const events = await waitForReady(opened.page);
  assert.deepEqual(events.filter((e) => e.type === 'error'), [], `${url}: the widget reported an error`);
  if (await opened.page.locator('#sources').count()) await opened.page.waitForFunction(() => document.querySelectorAll('#sources li a').length > 0);
  return opened;
}

const widgetWords = (page) => page.locator('evidence-lens').first().evaluate((el) => {
  const root = el.shadowRoot;
  return { lang: root.querySelector('.root').getAttribute('lang'), table: root.querySelector('[data-control="table"]').textContent, tabs: [...root.querySelectorAll('[role="tab"]')].map((t) => t.textContent) };
});

test('the texts table: every key has English, Spanish and French with the same parts, and French spacing', () => {
  for (const [key, entry] of Object.entries(TEXT)) {
    assert.deepEqual(Object.keys(entry).sort(), ['en', 'es', 'fr'], key);
    const parts = (s) => [...s.matchAll(/\{(\d+|[a-z]+)\}/g)].map((m) => m[1]).sort().join(',');
    for (const lang of ['es', 'fr']) {
      assert.ok(entry[lang].trim(), `${key}: no ${lang}`);
      assert.equal(parts(entry[lang]), parts(entry.en), `${key} (${lang}) names other parts than the English`);
      // Numbers as in English (a percentage may take a no-break space before its sign).
      const numbers = (s) => (s.match(/\d+/g) ?? []).sort().join(',');
      assert.equal(numbers(entry[lang].replace(/\{\d+\}/g, '')), numbers(entry.en.replace(/\{\d+\}/g, '')), `${key} (${lang}): numbers differ`);
    }
    assert.doesNotMatch(entry.fr, / [:;?!»]|« /, `${key}: French wants a no-break space there`);
    assert.doesNotMatch(entry.fr, /'/, `${key}: French uses the typographic apostrophe`);
  }
});

for (const [name, url] of PAGES) {
  test(`${name}: the English page says what the texts table says in English, and every marked text has a translation`, async () => {
    const { page, context, problems } = await open(url);
    const en = await page.evaluate(pageText);
    assert.equal(en.lang, 'en');
    assert.ok(en.marked.length >= 20, `${en.marked.length} marked texts`);
    for (const m of en.marked) {
      assert.ok(TEXT[m.key], `no text for data-text="${m.key}"`);
      assert.equal(m.text, normal(plain(TEXT[m.key].en, m.children)), `data-text="${m.key}": the HTML and page-text.js differ`);
    }
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const [lang, expect] of Object.entries(LANGS)) {
    test(`${name}?lang=${lang}: the page and the widget speak ${lang}, with as much text as in English`, async () => {
      const english = await open(url);
      const en = await english.page.evaluate(pageText);
      await english.context.close();
      const sep = url.includes('?') ? '&' : '?';
      const { page, context, problems } = await open(`${url}${sep}lang=${lang}`);
      const xx = await page.evaluate(pageText);
      assert.equal(xx.lang, lang);

      // No English sentence of the English page is left (code, column names and the sources'
      // bibliographic data excepted).
      const own = xx.nodes.filter((n) => !n.exempt).map((n) => n.text).join('\n');
      const sentences = en.nodes.filter((n) => !n.exempt && n.text.split(' ').length >= 4).map((n) => n.text);
      assert.ok(sentences.length >= 15, `only ${sentences.length} English sentences found`);
      const left = sentences.filter((s) => own.includes(s));
      assert.deepEqual(left, [], `English left on the ${lang} page`);
      assert.notEqual(xx.title, en.title);
      // Attributes for readers (aria-label, placeholder, description) are translated too.
      assert.equal(xx.attrs.length, en.attrs.length);
      for (let i = 0; i < en.attrs.length; i++) assert.notEqual(xx.attrs[i], en.attrs[i], `not translated: ${en.attrs[i]}`);

      // As much to read: at least 90% of the characters, the same elements, the same numbers.
      const chars = (t) => t.nodes.reduce((n, x) => n + x.text.length, 0);
      assert.ok(chars(xx) >= 0.9 * chars(en), `${lang}: ${chars(xx)} characters against ${chars(en)} in English`);
      assert.deepEqual(xx.counts, en.counts, 'headings, paragraphs, list items, links, labels…');
      const numbers = (t) => new Set(t.nodes.flatMap((x) => x.text.match(/\d+/g) ?? []));
      const all = numbers(xx);
      assert.deepEqual([...numbers(en)].filter((n) => !all.has(n)), [], 'numbers of the English page missing');

      // The widget follows <html lang>.
      const words = await widgetWords(page);
      assert.equal(words.lang, lang);
      assert.equal(words.table, expect.table);

      // Links between the two pages keep the language.
      const other = await page.evaluate(() => [...document.querySelectorAll('a[data-keep-lang]')].map((a) => a.href));
      assert.ok(other.length >= 1 && other.every((h) => new URL(h).searchParams.get('lang') === lang), other.join(' '));
      assert.deepEqual(await page.evaluate(() => window.__csp), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test(`${name}: the switcher links English · Español · Français, and clicking Español switches the page and the widget, keeping the chart's state`, async () => {
    const { page, context, problems } = await open(url);
    const links = await page.evaluate(() => [...document.querySelectorAll('nav.langs a')].map((a) => ({
      text: a.textContent, lang: a.lang, hreflang: a.hreflang, href: a.href, current: a.getAttribute('aria-current'), visible: a.checkVisibility(),
    })));
    assert.deepEqual(links.map((l) => [l.text, l.lang, l.hreflang]), [['English', 'en', 'en'], ['Español', 'es', 'es'], ['Français', 'fr', 'fr']]);
    assert.ok(links.every((l) => l.visible), 'the switcher is hidden');
    assert.deepEqual(links.map((l) => l.current), ['true', null, null]);
    assert.equal(new URL(links[1].href).searchParams.get('lang'), 'es');
    assert.equal(await page.locator('nav.langs').getAttribute('aria-label'), 'Language');
    // The chart's state in the address (its permalink) goes along, on the explorer.
    const permalink = name === 'index.html';
    if (permalink) {
      await page.locator('evidence-lens').evaluate((el) => el.setView('map'));
      await page.waitForFunction(() => location.hash.includes('el-explorer'));
    }
    await page.evaluate(() => (window.__before = true));
    await Promise.all([page.waitForURL(/lang=es/), page.getByRole('link', { name: 'Español' }).click()]);
    await page.waitForFunction(() => !window.__before && document.documentElement.lang === 'es');
    await waitForReady(page);
    const words = await widgetWords(page);
    assert.equal(words.lang, 'es');
    assert.equal(words.table, 'Mostrar tabla');
    assert.equal(await page.locator('nav.langs').getAttribute('aria-label'), 'Idioma');
    assert.equal(await page.locator('nav.langs a[aria-current="true"]').textContent(), 'Español');
    if (permalink) assert.equal(await page.locator('evidence-lens').evaluate((el) => el.state.view), 'map');
    // And back to English.
    await Promise.all([page.waitForURL((u) => !u.searchParams.has('lang')), page.getByRole('link', { name: 'English' }).click()]);
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the embed page in Spanish: its messages are Spanish; the chart language is the form\'s choice, in the snippet as lang', async () => {
  const { page, context } = await open('embed.html?lang=es');
  // Left to the page: no lang in the snippet, the preview follows this page (Spanish).
  assert.doesNotMatch(await page.inputValue('#snippet'), / lang=/);
  assert.equal((await widgetWords(page)).lang, 'es');
  // Chosen: French in the snippet and the preview, the page stays Spanish.
  await page.selectOption('select[name=lang]', 'fr');
  await page.waitForFunction(() => document.querySelector('#preview evidence-lens')?.getAttribute('lang') === 'fr');
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'interactive').length >= 2);
  assert.match(await page.inputValue('#snippet'), /<evidence-lens theme="auto" lang="fr"><\/evidence-lens>/);
  assert.equal((await widgetWords(page)).lang, 'fr');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  // The status line while the preview loads and when the chart reports a problem.
  await page.fill('input[name=src]', new URL('missing.json', server.url).href);
  await page.locator('input[name=src]').dispatchEvent('change');
  assert.match(await page.textContent('#preview-status'), /^(Cargando la vista previa…|El gráfico informa de un problema: )/);
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'error'));
  await page.waitForFunction(() => document.getElementById('preview-status').textContent.startsWith('El gráfico informa de un problema: '));
  // Copying: the clipboard is refused without permission, so the page asks for Ctrl+C.
  await page.click('#copy');
  await page.waitForFunction(() => document.getElementById('copy-status').textContent !== '');
  assert.match(await page.textContent('#copy-status'), /^(Copiado\.|Pulse Ctrl\+C \(o ⌘C\) para copiar el código seleccionado\.)$/);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await context.close();
});

test('an unknown ?lang falls back to English', async () => {
  const { page, context, problems } = await open('?lang=de');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal((await widgetWords(page)).lang, 'en');
  assert.deepEqual(problems, []);
  await context.close();
});
