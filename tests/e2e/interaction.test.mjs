// Keyboard and pointer use, the data table, exports, permalinks and resizing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, openPage, waitForReadyOf, embedPage, itemByLabel } from './browser.mjs';

let browser;
let server;

const pages = {
  '/one.html': embedPage('<p><a href="#x" id="before">a link before the widget</a></p><div id="box"><evidence-lens id="w"></evidence-lens></div>'),
  '/forest.html': embedPage('<evidence-lens id="w" view="forest"></evidence-lens>'),
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
    const hook = el.__testHook;
    for (const key of hook.keys()) {
      const b = hook.clientRect(key);
      if (b && b.height > 4) return { key, x: b.left + b.width / 2, y: b.top + b.height / 2 };
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
      items: el.__testHook.itemCount(),
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
  // Open, it follows the view at once (hidden, once the chart is painted): no rows of the view
  // before are left to read.
  const after = await shadow(page, (el) => {
    el.setAttribute('view', el.getAttribute('view') === 'forest' ? 'map' : 'forest');
    return { rows: el.shadowRoot.querySelectorAll('tbody tr').length, items: el.__testHook.itemCount(), view: el.state?.view };
  });
  assert.equal(after.rows, after.items, JSON.stringify(after));
  await shadow(page, (el) => el.shadowRoot.querySelector('[data-control="table"]').click());
  const hidden = await shadow(page, (el) => {
    el.setAttribute('view', 'summary');
    const now = el.shadowRoot.querySelectorAll('tbody tr').length;
    return new Promise((resolve) => setTimeout(() => resolve({ now, later: el.shadowRoot.querySelectorAll('tbody tr').length, items: el.__testHook.itemCount() }), 50));
  });
  assert.deepEqual(hidden, { now: 0, later: hidden.items, items: hidden.items });
  assert.ok(hidden.items > 0);
  // The columns are named for what the view's rows are: therapies' answers, claims, studies.
  const headers = async (view) => {
    await shadow(page, (el, v) => el.setAttribute('view', v), view);
    await page.waitForTimeout(50);
    return shadow(page, (el) => [...el.shadowRoot.querySelectorAll('thead th')].slice(0, 3).map((th) => th.textContent));
  };
  assert.deepEqual(await headers('summary'), ['Treatment', 'Answer', 'What the studies found']);
  assert.deepEqual(await headers('claims'), ['Claim', 'Who said it', 'What the evidence says']);
  assert.deepEqual(await headers('forest'), ['Study', 'Result', 'Estimate [95% CI]']);
  await context.close();
});

test('exports: PNG of the right size, SVG, CSV with the rows, citations with http(s) links', async () => {
  // The forest, whose rows are studies (the default summary's are therapies).
  const { page, context, problems } = await openPage(browser, `${server.url}forest.html`, { deviceScaleFactor: 2 });
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
  const items = await shadow(page, (el) => el.__testHook.itemCount());
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
  // The second widget stands below the first's summary, more than a screen down: it wakes when
  // a reader comes near it.
  const near = () => page.locator('#v').scrollIntoViewIfNeeded();
  await near();
  await waitForReadyOf(page, 'v');
  const key = await shadow(page, (el) => {
    el.setFilter({ therapy: 'AHSCT' });
    const k = el.__testHook.keys()[0];
    el.select(k);
    return k;
  });
  await page.locator('#v').evaluate((el) => el.setView('map'));
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /el-w=/);
  assert.match(hash, /el-v=/);
  await page.reload();
  await waitForReadyOf(page, 'w');
  await near();
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

/** The forest's item whose label matches, scrolled to the middle of the screen, and a point on it to aim at. */
async function itemOnScreen(page, pattern) {
  await shadow(page, (el) => el.state.view === 'forest' || el.setView('forest'));
  const item = await itemByLabel(page, pattern, { at: 450, selector: '#w' });
  return item && { ...item, x: item.rect.left + Math.min(item.rect.width / 2, 120), y: item.rect.top + item.rect.height / 2 };
}

const seen = (page) => shadow(page, (el) => {
  const root = el.shadowRoot;
  const tip = root.querySelector('.tooltip');
  const details = root.querySelector('.details');
  return {
    ...el.__testHook.interaction(),
    stateSelected: el.state.selected,
    tooltipText: tip.hidden ? null : tip.textContent,
    detailsText: details.hidden ? null : details.textContent,
    live: root.querySelector('[aria-live]').textContent,
  };
});

test('hover, click and keyboard agree: clicking MIST selects MIST and every part shows MIST (not MESEMS)', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}one.html`);
  await waitForReadyOf(page, 'w');
  const mist = await itemOnScreen(page, /^MIST/);
  assert.ok(mist, 'no MIST row');
  // Hover: the tooltip is MIST's.
  await page.mouse.move(mist.x, mist.y);
  let s = await seen(page);
  assert.equal(s.hovered, mist.key);
  assert.equal(s.tooltip, mist.key);
  assert.ok(s.tooltipText.includes('MIST') && !s.tooltipText.includes('MESEMS'), s.tooltipText);
  // Click (which also focuses the chart): MIST is selected, its details are open beside it, and
  // the tooltip, if any, is MIST's. Focusing the chart by the click once moved the keyboard to
  // the first row (MESEMS) and showed its numbers.
  // Everything the live region says from now on.
  await shadow(page, (el) => {
    const live = el.shadowRoot.querySelector('[aria-live]');
    window.__said = [];
    new MutationObserver(() => window.__said.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
  });
  await page.mouse.click(mist.x, mist.y);
  s = await seen(page);
  const said = await page.evaluate(() => window.__said);
  assert.ok(said.length >= 1 && said.every((t) => !t.includes('MESEMS')), `announced: ${JSON.stringify(said)}`);
  assert.equal(s.selected, mist.key);
  assert.equal(s.stateSelected, mist.key);
  assert.equal(s.details, mist.key);
  assert.equal(s.focused, mist.key, 'the keyboard continues from the clicked item');
  assert.ok([null, mist.key].includes(s.tooltip), JSON.stringify(s));
  assert.ok(!s.tooltipText || !s.tooltipText.includes('MESEMS'), s.tooltipText);
  assert.ok(s.detailsText.includes(mist.label) && !s.detailsText.includes('MESEMS'), s.detailsText);
  const selects = await page.evaluate(() => window.__events.filter((e) => e.type === 'select').map((e) => e.detail.key));
  assert.deepEqual(selects, [mist.key]);
  // The popover is beside the item: just below it (or just above), overlapping neither far away.
  const place = await shadow(page, (el, key) => {
    const d = el.shadowRoot.querySelector('.details').getBoundingClientRect();
    const r = el.__testHook.clientRect(key);
    return { gapBelow: d.top - r.bottom, gapAbove: r.top - d.bottom, position: getComputedStyle(el.shadowRoot.querySelector('.details')).position };
  }, mist.key);
  assert.equal(place.position, 'absolute');
  assert.ok((place.gapBelow >= 0 && place.gapBelow < 20) || (place.gapAbove >= 0 && place.gapAbove < 20), JSON.stringify(place));
  // The keyboard goes on from MIST: the next item is focused and its tooltip shown; the
  // details stay with the selection.
  await page.mouse.move(1, 1);
  await page.keyboard.press('ArrowDown');
  s = await seen(page);
  const keys = await shadow(page, (el) => el.__testHook.keys());
  assert.equal(s.focused, keys[keys.indexOf(mist.key) + 1]);
  assert.equal(s.tooltip, s.focused);
  assert.equal(s.details, mist.key);
  // Enter selects the focused item: the details follow, and the selection is announced.
  await page.keyboard.press('Enter');
  s = await seen(page);
  assert.equal(s.selected, s.focused);
  assert.equal(s.details, s.focused);
  assert.match(s.live, /^Selected result: /);
  assert.deepEqual(problems, []);
  await context.close();
});

test('announcements say the result, its certainty and what it means in words; view changes are announced', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}one.html`);
  await waitForReadyOf(page, 'w');
  const mist = await itemOnScreen(page, /^MIST/);
  await shadow(page, (el) => el.focus());
  // Home, then down to MIST.
  const keys = await shadow(page, (el) => el.__testHook.keys());
  await page.keyboard.press('Home');
  for (let i = 0; i < keys.indexOf(mist.key); i++) await page.keyboard.press('ArrowDown');
  const item = await shadow(page, (el, k) => ({ ...el.__testHook.item(k), statement: el.__testHook.statement(k) }), mist.key);
  assert.match(item.statement, /may reduce/);
  let live = (await seen(page)).live;
  assert.ok(live.includes(item.value), `no result in "${live}"`);
  assert.ok(live.includes(`Certainty: ${item.certainty}`), `no certainty in "${live}"`);
  assert.ok(live.includes(item.statement), `no meaning in words in "${live}"`);
  assert.match(live, new RegExp(`${keys.indexOf(mist.key) + 1} of ${keys.length}`));
  await page.keyboard.press('Enter');
  live = (await seen(page)).live;
  assert.ok(live.startsWith('Selected result: ') && live.includes(item.value) && live.includes(item.certainty) && live.includes(item.statement), live);
  // The details show the same words.
  assert.ok((await seen(page)).detailsText.includes(item.statement));
  // A view change is announced with the view's summary.
  await shadow(page, (el) => el.setView('map'));
  live = (await seen(page)).live;
  assert.match(live, /^Evidence map\. Evidence map of \d+ studies/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('views are tabs: roles, one tab in the Tab order, arrow keys, Home and End switch the view', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}one.html`);
  await waitForReadyOf(page, 'w');
  const tabs = () => shadow(page, (el) => {
    const root = el.shadowRoot;
    const list = root.querySelector('[role="tablist"]');
    return {
      label: list.getAttribute('aria-label'),
      tabs: [...list.querySelectorAll('[role="tab"]')].map((t) => ({ view: t.dataset.view, selected: t.getAttribute('aria-selected'), tabindex: t.tabIndex, controls: t.getAttribute('aria-controls'), id: t.id })),
      panel: root.getElementById('panel').getAttribute('role'),
      labelledby: root.getElementById('panel').getAttribute('aria-labelledby'),
      focused: root.activeElement?.dataset?.view ?? null,
      view: el.state.view,
    };
  });
  let t = await tabs();
  assert.equal(t.label, 'View');
  assert.equal(t.panel, 'tabpanel');
  assert.equal(t.tabs[0].view, t.view, 'the default view is the engine\'s first');
  assert.equal(t.tabs.filter((x) => x.selected === 'true').length, 1);
  assert.equal(t.tabs.filter((x) => x.tabindex === 0).length, 1);
  assert.ok(t.tabs.every((x) => x.controls === 'panel'));
  assert.equal(t.labelledby, t.tabs.find((x) => x.selected === 'true').id);
  await page.focus('#before');
  await page.keyboard.press('Tab');
  assert.equal((await tabs()).focused, t.view, 'Tab reaches the selected tab');
  await page.keyboard.press('ArrowRight');
  t = await tabs();
  assert.equal(t.view, t.tabs[1].view);
  assert.equal(t.focused, t.tabs[1].view);
  assert.equal(t.tabs[1].selected, 'true');
  await page.keyboard.press('End');
  t = await tabs();
  assert.equal(t.view, t.tabs.at(-1).view);
  await page.keyboard.press('ArrowRight');
  assert.equal((await tabs()).view, t.tabs[0].view, 'the arrows wrap around');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await tabs()).view, t.tabs.at(-1).view);
  await page.keyboard.press('Home');
  assert.equal((await tabs()).view, t.tabs[0].view);
  const changes = await page.evaluate(() => window.__events.filter((e) => e.type === 'viewchange').length);
  assert.equal(changes, 5);
  assert.deepEqual(problems, []);
  await context.close();
});

test('filters and sort sit behind one Filters button; downloads and the link in one menu', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}one.html`);
  await waitForReadyOf(page, 'w');
  const w = page.locator('#w');
  const toggle = w.locator('[data-control="filters"]');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await w.locator('.filters').isVisible(), false);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await w.locator('.filters').isVisible());
  const names = await w.locator('.filters select').evaluateAll((s) => s.map((x) => x.dataset.control));
  assert.ok(['outcome', 'therapy', 'design', 'sort'].every((n) => names.includes(n)), names.join(','));
  const before = await shadow(page, (el) => el.__testHook.itemCount());
  await w.locator('select[data-control="therapy"]').selectOption('AHSCT');
  const after = await shadow(page, (el) => ({ count: el.__testHook.itemCount(), filters: el.state.filters }));
  assert.deepEqual(after.filters, { therapy: ['AHSCT'] });
  assert.ok(after.count > 0 && after.count < before, `${after.count} of ${before}`);
  assert.equal(await toggle.textContent(), 'Filters (1)');
  // The select says its own value; the live region says what the chart shows now, in the first
  // sentence of its description.
  const said = await shadow(page, (el) => ({ live: el.shadowRoot.querySelector('[aria-live]').textContent, label: el.shadowRoot.querySelector('canvas').getAttribute('aria-label') }));
  assert.ok(said.live.length > 10 && /[.!?]$/.test(said.live) && said.label.startsWith(said.live) && said.live.length < said.label.length, JSON.stringify(said));
  // Escape closes the panel and gives the focus back to its button.
  await w.locator('select[data-control="design"]').focus();
  await page.keyboard.press('Escape');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await shadow(page, (el) => el.shadowRoot.activeElement?.dataset.control), 'filters');

  // The menu: a menu button with menu items; arrows move, Escape returns to the button.
  const menu = w.locator('[data-control="menu"]');
  assert.equal(await menu.getAttribute('aria-haspopup'), 'menu');
  await menu.focus();
  await page.keyboard.press('Enter');
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  const items = await w.locator('[role="menuitem"]').evaluateAll((b) => b.map((x) => x.dataset.control));
  assert.deepEqual(items, ['download-png', 'download-svg', 'download-csv', 'download-citations', 'copy-link']);
  const active = () => shadow(page, (el) => el.shadowRoot.activeElement?.dataset.control);
  assert.equal(await active(), 'download-png');
  await page.keyboard.press('ArrowDown');
  assert.equal(await active(), 'download-svg');
  await page.keyboard.press('End');
  assert.equal(await active(), 'copy-link');
  await page.keyboard.press('ArrowDown');
  assert.equal(await active(), 'download-png', 'the arrows wrap around');
  await page.keyboard.press('Escape');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await active(), 'menu');
  // A download from the menu.
  await menu.click();
  const [download] = await Promise.all([page.waitForEvent('download'), w.locator('[data-control="download-csv"]').click()]);
  assert.equal(download.suggestedFilename(), 'evidence.csv');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  // A click elsewhere closes an open menu.
  await menu.click();
  await page.mouse.click(5, 5);
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.deepEqual(problems, []);
  await context.close();
});

test('passing over a treatment\'s answer with the keys says its headline; Enter says it all', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}one.html`);
  await waitForReadyOf(page, 'w');
  await shadow(page, (el) => el.focus());
  await page.keyboard.press('Home');
  const key = await shadow(page, (el) => el.__testHook.interaction().focused);
  assert.match(key, /^answer\//);
  const item = await shadow(page, (el, k) => el.__testHook.item(k), key);
  assert.ok(item.value.length > 200, item.value);
  const live = () => shadow(page, (el) => el.shadowRoot.querySelector('[aria-live]').textContent);
  const passing = await live();
  assert.ok(passing.includes(item.detail.replace(/\.$/, '')), passing);
  assert.ok(!passing.includes(item.value) && passing.length < item.value.length, passing);
  assert.match(passing, /1 of \d+/);
  await page.keyboard.press('Enter');
  const selected = await live();
  assert.ok(selected.startsWith('Selected treatment: ') && selected.includes(item.value), selected);
  assert.deepEqual(problems, []);
  await context.close();
});
