// Accessibility: axe-core finds no violations on the two pages (light and dark; the explorer
// also in Spanish, the embed page also in French), the pages work at 320 px (also in French and
// Spanish, whose words are longer), and a right-to-left host page does not break the layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { launch, startServer, openPage, waitForReady, waitForReadyOf, embedPage, tapItem, ROOT } from './browser.mjs';

let browser;
let server;
let axeSource;

const pages = {
  '/rtl.html': embedPage('<h1>עמוד בדיקה</h1><evidence-lens id="w" lang="en"></evidence-lens>', { lang: 'he', dir: 'rtl' }),
};

before(async () => {
  axeSource = await fs.readFile(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  // axe is injected as an inline script, which the strict CSP would block: these pages are served without it.
  server = await startServer({ extra: pages });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function axe(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

for (const [name, url] of [['index.html', ''], ['embed.html', 'embed.html'], ['index.html in Spanish', '?lang=es'], ['embed.html in French', 'embed.html?lang=fr']]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe-core finds no violations on ${name} (${colorScheme}), with the table shown and an item selected, what its words mean unfolded`, async () => {
      const { page, context, problems } = await openPage(browser, `${server.url}${url}`, { colorScheme });
      await waitForReady(page);
      await page.locator('evidence-lens').first().evaluate((el) => {
        el.shadowRoot.querySelector('[data-control="table"]').click();
        el.select(el.__testHook.keys()[0] ?? null);
      });
      // A summary answer's details explain its words: checked unfolded.
      const unfolded = await page.locator('evidence-lens').first().evaluate((el) => {
        const glossary = el.shadowRoot.querySelector('.details .glossary');
        glossary?.setAttribute('open', '');
        return !!glossary;
      });
      if (name.startsWith('index.html')) assert.ok(unfolded, 'the first answer explains its words');
      const violations = await axe(page);
      assert.deepEqual(violations, []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('axe-core finds no violations on a 390 px phone with the filters open, the menu open and the details of an item in the sheet', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context, problems } = await openPage(browser, server.url, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, colorScheme });
    await waitForReady(page);
    const w = page.locator('evidence-lens');
    await w.locator('[data-control="filters"]').tap();
    await tapItem(page, /^MIST/, { at: 300, view: 'forest' });
    assert.deepEqual(await axe(page), [], `${colorScheme}, sheet and filters open`);
    await w.locator('[data-control="menu"]').tap();
    assert.equal(await w.locator('[data-control="menu"]').getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await axe(page), [], `${colorScheme}, menu open`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the pages work at 320 px: nothing wider than the screen', async () => {
  for (const url of ['', 'embed.html', '?lang=fr', 'embed.html?lang=es']) {
    const { page, context, problems } = await openPage(browser, `${server.url}${url}`, { viewport: { width: 320, height: 700 } });
    // On a narrow screen the embed page's preview is below its form: it loads when near.
    await page.locator('evidence-lens').scrollIntoViewIfNeeded();
    await waitForReady(page);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, canvas: document.querySelector('evidence-lens').shadowRoot.querySelector('canvas').getBoundingClientRect().width }));
    assert.ok(widths.page <= 320, `${url || 'index'}: page is ${widths.page}px wide`);
    assert.ok(widths.canvas > 200 && widths.canvas <= 320, `canvas ${widths.canvas}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a right-to-left host page: the widget keeps its layout and the chart reads left to right', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}rtl.html`);
  await waitForReadyOf(page, 'w');
  const layout = await page.locator('#w').evaluate((el) => {
    const root = el.shadowRoot;
    const host = el.getBoundingClientRect();
    const canvas = root.querySelector('canvas').getBoundingClientRect();
    return {
      hostDir: getComputedStyle(el).direction,
      stageDir: getComputedStyle(root.querySelector('.stage')).direction,
      inside: canvas.left >= host.left - 1 && canvas.right <= host.right + 1,
      pageWidth: document.documentElement.scrollWidth,
    };
  });
  assert.equal(layout.hostDir, 'rtl');
  assert.equal(layout.stageDir, 'ltr');
  assert.ok(layout.inside, 'canvas outside the element');
  assert.ok(layout.pageWidth <= 1000);
  // Keyboard and hover still work.
  await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('.stage').focus());
  await page.keyboard.press('ArrowDown');
  const live = await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('[aria-live]').textContent);
  assert.match(live, /2 of/);
  // The focus ring's overlay sits on the focused row of the chart, not mirrored.
  const ring = await page.locator('#w').evaluate((el) => {
    const root = el.shadowRoot;
    const canvas = root.querySelector('canvas').getBoundingClientRect();
    const overlay = root.querySelector('canvas.overlay').getBoundingClientRect();
    const item = el.__testHook.bounds(el.__testHook.interaction().focused);
    return {
      left: overlay.left - canvas.left, top: overlay.top - canvas.top, right: overlay.right - canvas.left,
      bottom: overlay.bottom - canvas.top, item,
    };
  });
  const { item } = ring;
  assert.ok(ring.left <= item.x && ring.top <= item.y, JSON.stringify(ring));
  assert.ok(ring.right >= item.x + item.width && ring.bottom >= item.y + item.height, JSON.stringify(ring));
  assert.ok(ring.bottom - ring.top < item.height + 10, JSON.stringify(ring));
  assert.deepEqual(problems, []);
  await context.close();
});
