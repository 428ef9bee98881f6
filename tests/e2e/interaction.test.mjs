// Keyboard and pointer use, the data table, exports, permalinks and resizing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, openPage, waitForReadyOf, embedPage } from './browser.mjs';

let browser;
let server;

const pages = {
  '/one.html': embedPage('<p><a href="#x" id="before">a link before the widget</a></p><div id="box"><evidence-lens id="w"></evidence-lens></div>'),
  '/two.html': embedPage('<evidence-lens id="w"></evidence-lens><evidence-lens id="v"></evidence-lens>'),
  '/resize.html': embedPage('<div id="box"><evidence-lens id="w"></evidence-lens></div>'),
};

before(async () => {
  server = await startServer({ extra: pages, strictCsp: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const shadow = (page, fn, arg) => page.locator('#w').evaluate(fn, arg);

test('keyboard only: Tab into the chart, arrows move, Enter selects, Escape clears; aria-live follows', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}one.html`);
  await waitForReadyOf(page, 'w');
  await page.focus('#before');
  // Tab through the controls until the chart itself has focus.
  let onStage = false;
  for (let i = 0; i < 40 && !onStage; i++) {
    await page.keyboard.press('Tab');
    onStage = await shadow(page, (el) => el.shadowRoot.activeElement?.classList.contains('stage') ?? false);
  }
  assert.ok(onStage, 'Tab never reached the chart');
  const live = () => shadow(page, (el) => el.shadowRoot.querySelector('[aria-live]').textContent);
  const first = await live();
  assert.match(first, /1 of \d+/);
  await page.keyboard.press('ArrowDown');
  const second = await live();
  assert.notEqual(second, first);
  assert.match(second, /2 of \d+/);
  await page.keyboard.press('End');
  assert.match(await live(), /(\d+) of \1/);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  assert.equal(await live(), second);
  // The focused item is visible in a tooltip, and the focus ring is drawn on the overlay.
  assert.equal(await shadow(page, (el) => el.shadowRoot.querySelector('.tooltip').hidden), false);
  const overlayInk = await shadow(page, (el) => {
    const c = el.shadowRoot.querySelector('canvas.overlay');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
  assert.ok(overlayInk > 50, `no highlight on the overlay (${overlayInk})`);
  const outline = await shadow(page, (el) => getComputedStyle(el.shadowRoot.querySelector('.stage')).outlineStyle);
  assert.equal(outline, 'solid', 'visible focus ring');
  await page.keyboard.press('Enter');
  const selects = await page.evaluate(() => window.__events.filter((e) => e.type === 'select'));
  assert.equal(selects.length, 1);
  assert.ok(selects[0].detail.key && selects[0].detail.label, JSON.stringify(selects[0]));
  assert.equal(await shadow(page, (el) => el.shadowRoot.querySelector('.details').hidden), false);
  assert.equal(await shadow(page, (el) => el.state.selected), selects[0].detail.key);
  await page.keyboard.press('Escape');
  assert.equal(await shadow(page, (el) => el.state.selected), null);
  assert.equal(await shadow(page, (el) => el.shadowRoot.querySelector('.details').hidden), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('hover shows a tooltip with the numbers; click selects; the tooltip holds only text', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}one.html`);
  await waitForReadyOf(page, 'w');
  const target = await shadow(page, (el) => {
    const keys = el._keyList();
    const canvas = el.shadowRoot.querySelector('canvas');
    const r = canvas.getBoundingClientRect();
    for (const key of keys) {
      const b = el._widget.bounds(key);
      if (b && b.height > 4) return { key, x: r.left + b.x + b.width / 2, y: r.top + b.y + b.height / 2 };
    }
    return null;
  });
  assert.ok(target, 'no item with bounds');
  await page.mouse.move(target.x, target.y);
  await page.waitForFunction(() => !document.getElementById('w').shadowRoot.querySelector('.tooltip').hidden);
  const tip = await shadow(page, (el) => {
    const t = el.shadowRoot.querySelector('.tooltip');
    return { text: t.textContent, elements: [...t.querySelectorAll('*')].map((n) => n.localName) };
  });
  assert.ok(tip.text.length > 10, tip.text);
  assert.ok(tip.elements.every((n) => ['p', 'ul', 'li'].includes(n)), tip.elements.join(','));
  await page.mouse.click(target.x, target.y);
  const selects = await page.evaluate(() => window.__events.filter((e) => e.type === 'select'));
  assert.equal(selects.at(-1).detail.key, target.key);
  await page.mouse.move(1, 1);
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.tooltip').hidden);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the data table: caption, column and row headers, and a button that shows it', async () => {
  const { page, context } = await openPage(browser, `${server.url}one.html`);
  await waitForReadyOf(page, 'w');
  const table = await shadow(page, (el) => {
    const t = el.shadowRoot.querySelector('table');
    return {
      caption: t.caption?.textContent,
      cols: [...t.querySelectorAll('thead th')].map((th) => th.getAttribute('scope')),
      rows: [...t.querySelectorAll('tbody th')].map((th) => th.getAttribute('scope')),
      items: el._itemsInfo.count,
      hidden: t.parentElement.classList.contains('visually-hidden'),
    };
  });
  assert.ok(table.caption);
  assert.ok(table.cols.length >= 4 && table.cols.every((s) => s === 'col'));
  assert.equal(table.rows.length, table.items);
  assert.ok(table.rows.every((s) => s === 'row'));
  assert.ok(table.hidden);
  await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('[data-control="table"]').click());
  const shown = await shadow(page, (el) => {
    const box = el.shadowRoot.querySelector('.table-box');
    return { hidden: box.classList.contains('visually-hidden'), height: box.getBoundingClientRect().height, expanded: el.shadowRoot.querySelector('[data-control="table"]').getAttribute('aria-expanded') };
  });
  assert.equal(shown.hidden, false);
  assert.ok(shown.height > 100);
  assert.equal(shown.expanded, 'true');
  await context.close();
});

test('exports: PNG of the right size, SVG, CSV with the rows, citations with http(s) links', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}one.html`, { deviceScaleFactor: 2 });
  await waitForReadyOf(page, 'w');
  const png = await shadow(page, async (el) => {
    const blob = await el.toPNG();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const view = new DataView(bytes.buffer);
    const canvas = el.shadowRoot.querySelector('canvas');
    // Decoded: opaque, the theme's background in the corner, and the chart's ink.
    const bitmap = await createImageBitmap(blob);
    const probe = Object.assign(document.createElement('canvas'), { width: bitmap.width, height: bitmap.height });
    const ctx = probe.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    let transparent = 0;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] < 255) transparent++;
      if (data[i] < 100) dark++;
    }
    return {
      sig: [...bytes.slice(0, 8)], w: view.getUint32(16), h: view.getUint32(20), cw: canvas.width, ch: canvas.height,
      css: canvas.getBoundingClientRect().width, type: blob.type, corner: [...data.slice(0, 3)], transparent, dark,
    };
  });
  assert.deepEqual(png.corner, [255, 255, 255]);
  assert.equal(png.transparent, 0, 'the image has see-through pixels');
  assert.ok(png.dark > 2000, `no chart in the image (${png.dark} dark pixels)`);
  assert.deepEqual(png.sig, [137, 80, 78, 71, 13, 10, 26, 10]);
  assert.equal(png.type, 'image/png');
  assert.equal(png.w, png.cw);
  assert.equal(png.h, png.ch);
  assert.equal(png.w, Math.round(png.css * 2));
  const svg = await shadow(page, (el) => el.toSVG());
  assert.match(svg, /^<svg[\s\S]*<\/svg>\s*$/);
  assert.match(svg, /MESEMS/);
  const csv = await shadow(page, (el) => el.toCSV());
  const lines = csv.trim().split(/\r\n/);
  const items = await shadow(page, (el) => el._itemsInfo.count);
  assert.ok(lines.length >= items + 1, `${lines.length} CSV lines for ${items} items`);
  assert.match(lines[0], /^key,/);
  assert.ok(csv.includes('MESEMS'));
  const citations = await shadow(page, (el) => el.citations());
  assert.ok(citations.length >= 5);
  for (const c of citations) for (const l of c.links) assert.match(l.url, /^https?:\/\//);
  assert.deepEqual(problems, []);
  await context.close();
});

test('permalink: state goes to #el-<id>=…, a reload restores it, and two widgets coexist', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}two.html`);
  await waitForReadyOf(page, 'w');
  await waitForReadyOf(page, 'v');
  const key = await shadow(page, (el) => {
    el.setFilter({ therapy: 'AHSCT' });
    const k = el._call((w) => w.itemsIn(0, 1))[0].key;
    el.select(k);
    return k;
  });
  await page.locator('#v').evaluate((el) => el.setView('map'));
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /el-w=/);
  assert.match(hash, /el-v=/);
  await page.reload();
  await waitForReadyOf(page, 'w');
  await waitForReadyOf(page, 'v');
  const w = await shadow(page, (el) => el.state);
  const v = await page.locator('#v').evaluate((el) => el.state);
  assert.deepEqual(w.filters, { therapy: ['AHSCT'] });
  assert.equal(w.selected, key);
  assert.equal(v.view, 'map');
  assert.equal(await shadow(page, (el) => el.shadowRoot.querySelector('.details').hidden), false);
  const viewchanges = await page.evaluate(() => window.__events.filter((e) => e.type === 'viewchange'));
  assert.equal(viewchanges.length, 0, 'restoring is not a change by the reader');
  assert.deepEqual(problems, []);
  await context.close();
});

test('resize: the backing store follows the container (320 → 1200 → 320) × devicePixelRatio 2', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}resize.html`, { viewport: { width: 1300, height: 900 }, deviceScaleFactor: 2 });
  await waitForReadyOf(page, 'w');
  // An item keeps the keyboard focus through the resizes, so the overlay has a ring to show.
  await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('.stage').focus());
  await page.keyboard.press('ArrowDown');
  const sizes = [];
  for (const width of [320, 1200, 320]) {
    await page.evaluate((w) => {
      document.getElementById('box').style.width = `${w}px`;
    }, width);
    await page.waitForFunction((w) => {
      const c = document.getElementById('w').shadowRoot.querySelector('canvas');
      return Math.abs(c.width - Math.round(c.getBoundingClientRect().width * 2)) <= 1 && c.getBoundingClientRect().width <= w && c.getBoundingClientRect().width > w - 40;
    }, width, { timeout: 5000 });
    sizes.push(await shadow(page, (el) => {
      const c = el.shadowRoot.querySelector('canvas');
      const o = el.shadowRoot.querySelector('canvas.overlay');
      const r = c.getBoundingClientRect();
      const q = o.getBoundingClientRect();
      return {
        w: c.width, h: c.height, cssW: r.width, cssH: r.height, ow: o.width, oh: o.height, oCssW: q.width, oCssH: q.height,
        overlayInside: q.left >= r.left - 1 && q.right <= r.right + 1 && q.top >= r.top - 1 && q.bottom <= r.bottom + 1,
      };
    }));
  }
  for (const s of sizes) {
    assert.ok(Math.abs(s.w - s.cssW * 2) <= 1, JSON.stringify(s));
    assert.ok(Math.abs(s.h - s.cssH * 2) <= 2, JSON.stringify(s));
    // The overlay covers the focused item only, at the same pixel ratio as the chart.
    assert.ok(s.ow > 0 && Math.abs(s.ow - s.oCssW * 2) <= 1 && Math.abs(s.oh - s.oCssH * 2) <= 1, JSON.stringify(s));
    assert.ok(s.overlayInside && s.oh < s.h / 2, JSON.stringify(s));
  }
  assert.ok(sizes[1].w > sizes[0].w * 3);
  assert.equal(sizes[2].w, sizes[0].w);
  assert.deepEqual(problems, []);
  await context.close();
});
