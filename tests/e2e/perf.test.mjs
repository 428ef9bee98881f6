// Memory over many updates, and large datasets: what the performance budget promises.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, openPage, embedPage, canvasInk, waitForReadyOf } from './browser.mjs';

/** A deterministic dataset of n trials with hazard ratios. */
function generate(n) {
  let s = 12345;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const designs = ['rct', 'crossover_rct', 'cohort'];
  return {
    schema: 'evidence-lens/1',
    title: `${n} generated trials`,
    studies: Array.from({ length: n }, (_, i) => {
      const se = 0.1 + 0.5 * rand();
      const y = -0.3 + 0.6 * (rand() - 0.5);
      return {
        id: `t${i + 1}`, label: `Trial ${i + 1}`, year: 2000 + (i % 25), citation: { text: 'Generated', url: 'https://example.org/' },
        source_kind: 'paper', condition: 'multiple sclerosis', intervention: { therapy: i % 2 ? 'MSC' : 'AHSCT' },
        design: designs[i % 3], n: 20 + Math.floor(rand() * 500),
        outcomes: [{ id: 'progression', name: 'Disability progression', kind: 'benefit', better: 'lower', status: 'verified',
          data: { measure: 'HR', estimate: +Math.exp(y).toFixed(4), ci_lb: +Math.exp(y - 1.96 * se).toFixed(4), ci_ub: +Math.exp(y + 1.96 * se).toFixed(4) } }],
      };
    }),
  };
}

// The page reads the wasm memory through the same module instance as the widget's.
const probe = `<script type="module">
import init from '/pkg/evidence_lens.js';
window.__wasmBytes = async () => (await init()).memory.buffer.byteLength;
</script>`;

let browser;
let server;

before(async () => {
  server = await startServer({
    extra: {
      '/d50.json': { type: 'application/json', body: JSON.stringify(generate(50)) },
      '/d10000.json': { type: 'application/json', body: JSON.stringify(generate(10000)) },
      '/m50.html': embedPage('<div style="width:900px"><evidence-lens view="forest" id="w" src="/d50.json"></evidence-lens></div>', { head: probe }),
      '/m10000.html': embedPage('<div style="width:900px"><evidence-lens view="forest" id="w" src="/d10000.json"></evidence-lens></div>'),
      // The widget in a scroller inside another component's shadow root, whose scroll events
      // never reach the page.
      '/shadow-scroller.html': embedPage(`<x-scroller><evidence-lens view="forest" id="w" src="/d10000.json"></evidence-lens></x-scroller>
<script>customElements.define('x-scroller', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<div id="s" style="height:600px;width:900px;overflow:auto"><slot></slot></div>'; }
});</script>`),
    },
  });
  browser = await launch({ args: ['--js-flags=--expose-gc', '--enable-precise-memory-info'] });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('memory stays flat over 300 view and filter changes (attributes and API)', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}m50.html`);
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'interactive' || e.type === 'error'), null, { timeout: 30000 });
  let fetches = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/d50.json')) fetches++;
  });
  const result = await page.evaluate(async () => {
    const el = document.getElementById('w');
    const heap = () => {
      window.gc();
      return performance.memory.usedJSHeapSize;
    };
    const round = async (from, to) => {
      for (let i = from; i < to; i++) {
        if (i % 2) {
          el.setAttribute('filter', i % 4 === 1 ? 'design:rct' : '');
          el.setAttribute('view', i % 3 ? 'map' : 'forest');
        } else {
          el.setFilter(i % 4 === 0 ? { therapy: 'AHSCT' } : {});
          el.setView(i % 3 ? 'forest' : 'map');
        }
      }
      await new Promise((r) => setTimeout(r, 200));
    };
    await round(0, 50); // warm-up: caches and compiled code
    const heap0 = heap();
    const wasm0 = await window.__wasmBytes();
    await round(50, 200);
    const wasm1 = await window.__wasmBytes();
    await round(200, 350);
    return { growth: heap() - heap0, wasm0, wasm1, wasm2: await window.__wasmBytes() };
  });
  assert.ok(result.growth < 1.5e6, `JS heap grew by ${(result.growth / 1e6).toFixed(2)} MB over 300 updates`);
  // The allocator may take one more 64 KiB page for a larger block; a leak takes many.
  assert.ok(result.wasm2 - result.wasm1 <= 65536 && result.wasm2 - result.wasm0 <= 4 * 65536, `wasm memory kept growing: ${result.wasm0} → ${result.wasm1} → ${result.wasm2}`);
  // A view or filter attribute redraws the loaded data; it does not fetch the source again.
  assert.equal(fetches, 0, 'the data was fetched again for a view or filter change');
  const errors = await page.evaluate(() => window.__events.filter((e) => e.type === 'error'));
  assert.deepEqual(errors, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('one fetch per widget: attributes heard at upgrade or changed while the data loads do not fetch again', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => { window.EVIDENCE_LENS_TEST = true; });
  const page = await context.newPage();
  let fetches = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/d50.json')) fetches++;
  });
  await page.goto(`${server.url}m50.html`);
  await page.waitForFunction(() => document.getElementById('w').__testHook?.loaded());
  // The page's own widget, upgraded from HTML, fetched its src once.
  assert.equal(fetches, 1);
  const view = await page.evaluate(() => new Promise((resolve) => {
    const el = document.createElement('evidence-lens');
    el.setAttribute('src', '/d50.json');
    el.addEventListener('interactive', (e) => resolve(e.detail.view), { once: true });
    document.body.append(el);
    // Below the first chart, it would wait to come near the screen: asked for, it loads now.
    el.whenReady();
    // During the download, and again a moment later while the wasm may still compile.
    el.setAttribute('view', 'harms');
    setTimeout(() => el.setAttribute('view', 'map'), 0);
  }));
  assert.equal(view, 'map');
  assert.equal(fetches, 2);
  await context.close();
});

test('10,000 studies: the forest draws, within the canvas limit, and says how many are not drawn', async () => {
  // A ticker of zero-delay timers counts the tasks the page gets to run after the data was
  // read and before the chart is ready: with one long task from reading to drawing, none.
  const init = () => {
    window.__ticksWhileLoading = 0;
    let ready = false;
    document.addEventListener('interactive', (e) => {
      ready = true;
      // The hidden table's rows come after the chart is painted (100 rows took 30 ms).
      window.__rowsAtInteractive = /** @type {HTMLElement} */ (e.target).shadowRoot?.querySelectorAll('tbody tr').length;
    }, true);
    const tick = () => {
      if (ready) return;
      // Once the data has been read: while it is appraised and drawn.
      if (['appraise', 'draw'].includes(document.getElementById('w')?.__testHook?.step())) window.__ticksWhileLoading += 1;
      setTimeout(tick, 0);
    };
    tick();
  };
  const { page, context, problems } = await openPage(browser, `${server.url}m10000.html`, { deviceScaleFactor: 2, init });
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'interactive' || e.type === 'error'), null, { timeout: 60000 });
  assert.deepEqual(await page.evaluate(() => window.__events.filter((e) => e.type === 'error')), []);
  const ticks = await page.evaluate(() => window.__ticksWhileLoading);
  assert.ok(ticks >= 1, 'the widget did not yield to the page between reading and drawing 10,000 studies');
  const info = await page.locator('#w').evaluate((el) => {
    const c = el.shadowRoot.querySelector('canvas');
    const ctx = c.getContext('2d');
    // Ink near the top and near the bottom: the whole backing store is drawn on.
    const inkIn = (y0) => {
      const { data } = ctx.getImageData(0, y0, c.width, 200);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 128 && data[i] < 200) n++;
      return n;
    };
    return { width: c.width, height: c.height, cssHeight: parseFloat(c.style.height), chartHeight: el.shadowRoot.querySelector('.stage').getBoundingClientRect().height, top: inkIn(0), bottom: inkIn(c.height - 400), keys: el.__testHook.keys().length, items: el.__testHook.itemCount(), rows: el.shadowRoot.querySelectorAll('tbody tr').length, caption: el.shadowRoot.querySelector('caption').textContent };
  });
  // The chart (the stage) stays within the canvas limit; the canvas holds a window of it.
  assert.ok(info.chartHeight * 2 <= 16000 + 2 && info.chartHeight > 3000, `chart ${info.chartHeight} CSS px`);
  assert.ok(info.height > 1000 && info.height < info.chartHeight * 2, `canvas ${info.width}×${info.height}`);
  assert.ok(Math.abs(info.cssHeight * 2 - info.height) <= 2, `CSS height ${info.cssHeight} for a canvas of ${info.height}`);
  assert.ok(info.top > 500 && info.bottom > 500, `blank canvas: ${JSON.stringify(info)}`);
  // Keyboard moves over what is drawn; the items (table, CSV) keep every result, and the
  // table shows them a page at a time, saying so in its caption.
  assert.ok(info.keys > 50 && info.keys < 10000, `${info.keys} keys`);
  assert.ok(info.items >= 10000, `${info.items} items`);
  assert.equal(info.rows, 100);
  assert.equal(await page.evaluate(() => window.__rowsAtInteractive), 0, 'the chart waited for the hidden table');
  assert.ok(info.caption.includes(`rows 1–100 of ${info.items.toLocaleString('en-US')}`), info.caption);
  const more = await page.locator('#w').evaluate((el) => {
    const button = el.shadowRoot.querySelector('[data-control="table-more"]');
    const text = button.textContent;
    const firstBefore = el.shadowRoot.querySelector('tbody tr');
    button.click();
    const focused = el.shadowRoot.activeElement;
    return {
      text,
      rows: el.shadowRoot.querySelectorAll('tbody tr').length,
      kept: firstBefore === el.shadowRoot.querySelector('tbody tr'),
      caption: el.shadowRoot.querySelector('caption').textContent,
      focusedRow: [...el.shadowRoot.querySelectorAll('tbody tr')].indexOf(focused?.parentElement),
      hidden: el.shadowRoot.querySelector('.table-box').classList.contains('visually-hidden'),
      expanded: el.shadowRoot.querySelector('[data-control="table"]').getAttribute('aria-expanded'),
    };
  });
  assert.equal(more.text, 'Show 100 more rows');
  assert.equal(more.rows, 200);
  assert.ok(more.kept, 'the rows already there are kept, not rebuilt');
  assert.ok(more.caption.includes('rows 1–200 of'), more.caption);
  assert.equal(more.focusedRow, 100, 'focus moves to the first added row');
  // Focus inside the hidden table opens it, as the "Show table" button would.
  assert.equal(more.hidden, false);
  assert.equal(more.expanded, 'true');
  // Or every row at once.
  const all = await page.locator('#w').evaluate((el) => {
    const button = el.shadowRoot.querySelector('[data-control="table-all"]');
    const text = button.textContent;
    button.click();
    const rows = [...el.shadowRoot.querySelectorAll('tbody tr')];
    return {
      text,
      rows: rows.length,
      focusedRow: rows.indexOf(el.shadowRoot.activeElement?.parentElement),
      caption: el.shadowRoot.querySelector('caption').textContent,
      buttons: el.shadowRoot.querySelectorAll('[data-control^="table-more"], [data-control="table-all"]').length,
    };
  });
  assert.equal(all.text, `Show all ${info.items.toLocaleString('en-US')} rows`);
  assert.equal(all.rows, info.items);
  assert.equal(all.focusedRow, 200, 'focus moves to the first added row');
  assert.ok(!all.caption.includes('rows 1–'), all.caption);
  assert.equal(all.buttons, 0);
  const label = await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('canvas').getAttribute('aria-label'));
  assert.match(label, /10,?000/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a long chart is drawn a window at a time: what can be seen, redrawn as the page scrolls', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}m10000.html`, { deviceScaleFactor: 2, viewport: { width: 1000, height: 700 } });
  await waitForReadyOf(page, 'w');
  const look = () => page.locator('#w').evaluate((el) => {
    const stage = el.shadowRoot.querySelector('.stage').getBoundingClientRect();
    const c = el.shadowRoot.querySelector('canvas.chart');
    const r = c.getBoundingClientRect();
    // Ink in the part of the canvas that is on screen.
    const from = Math.max(0, -r.top);
    const to = Math.min(r.height, innerHeight - r.top);
    let ink = 0;
    if (to > from) {
      const { data } = c.getContext('2d').getImageData(0, Math.round(from * 2), c.width, Math.round((to - from) * 2));
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 128) ink++;
    }
    return { stageHeight: stage.height, top: r.top - stage.top, height: r.height, backing: c.height, ink, onScreen: to - from };
  });
  const first = await look();
  assert.ok(first.stageHeight > 6000, `the chart is ${first.stageHeight} px tall`);
  assert.equal(first.top, 0);
  assert.ok(first.height < first.stageHeight / 2 && first.height >= 700, JSON.stringify(first));
  assert.ok(Math.abs(first.backing - first.height * 2) <= 2, JSON.stringify(first));
  assert.ok(first.ink > 5000, `nothing drawn on screen: ${JSON.stringify(first)}`);
  // Scrolled to the middle of the chart: the window follows, and what is seen is drawn.
  await page.evaluate(() => {
    const stage = document.getElementById('w').shadowRoot.querySelector('.stage');
    window.scrollTo(0, stage.getBoundingClientRect().top + scrollY + 4000);
  });
  await page.waitForFunction(() => {
    const c = document.getElementById('w').shadowRoot.querySelector('canvas.chart').getBoundingClientRect();
    return c.top <= 0 && c.bottom >= innerHeight;
  }, null, { timeout: 5000 });
  const middle = await look();
  assert.ok(middle.top > 2000 && middle.top <= 4000, JSON.stringify(middle));
  assert.ok(middle.onScreen >= 699 && middle.ink > 5000, `nothing drawn on screen: ${JSON.stringify(middle)}`);
  // The pointer finds the row under it there.
  await page.mouse.move(300, 350);
  await page.waitForFunction(() => !document.getElementById('w').shadowRoot.querySelector('.tooltip').hidden, null, { timeout: 5000 });
  const hovered = await page.locator('#w').evaluate((el) => {
    const key = el.__testHook.interaction().hovered;
    const b = key && el.__testHook.clientRect(key);
    return { key, y: b && b.top, height: b && b.height };
  });
  assert.ok(hovered.key && hovered.y <= 350 && hovered.y + hovered.height >= 350, JSON.stringify(hovered));
  // In a frame of fixed height (the height attribute), the window follows the frame's scrolling.
  await page.evaluate(() => { window.scrollTo(0, 0); document.getElementById('w').setAttribute('height', '500px'); });
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.frame').clientHeight === 500);
  await page.locator('#w').evaluate((el) => { el.shadowRoot.querySelector('.frame').scrollTop = 5000; });
  await page.waitForFunction(() => {
    const root = document.getElementById('w').shadowRoot;
    const frame = root.querySelector('.frame').getBoundingClientRect();
    const c = root.querySelector('canvas.chart').getBoundingClientRect();
    return c.top <= frame.top && c.bottom >= frame.bottom;
  }, null, { timeout: 5000 });
  // Printing draws all of it; afterwards the window comes back.
  const printing = async (type) => {
    await page.evaluate((t) => window.dispatchEvent(new Event(t)), type);
    return page.locator('#w').evaluate((el) => ({
      canvas: el.shadowRoot.querySelector('canvas.chart').getBoundingClientRect().height,
      chart: el.shadowRoot.querySelector('.stage').getBoundingClientRect().height,
    }));
  };
  const during = await printing('beforeprint');
  assert.ok(Math.abs(during.canvas - during.chart) <= 1, JSON.stringify(during));
  const after = await printing('afterprint');
  assert.ok(after.canvas < after.chart / 2, JSON.stringify(after));
  // The end of the chart is drawn when scrolled to, and says how many results it left out.
  await page.locator('#w').evaluate((el) => { const f = el.shadowRoot.querySelector('.frame'); f.scrollTop = f.scrollHeight; });
  await page.waitForFunction(() => {
    const root = document.getElementById('w').shadowRoot;
    const frame = root.querySelector('.frame').getBoundingClientRect();
    const c = root.querySelector('canvas.chart').getBoundingClientRect();
    return c.bottom >= frame.bottom - 1 && c.top <= frame.top;
  }, null, { timeout: 5000 });
  const end = await page.locator('#w').evaluate((el) => {
    const root = el.shadowRoot;
    const c = root.querySelector('canvas.chart');
    const stage = root.querySelector('.stage').getBoundingClientRect();
    const { data } = c.getContext('2d').getImageData(0, c.height - 1000, c.width, 1000);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 128) ink++;
    return { bottom: c.getBoundingClientRect().bottom - stage.top, chart: stage.height, ink };
  });
  assert.ok(Math.abs(end.bottom - end.chart) <= 1 && end.ink > 2000, JSON.stringify(end));
  assert.match(await page.locator('#w').evaluate((el) => el.toSVG()), /more results/);
  // The PNG has the whole chart.
  const png = await page.locator('#w').evaluate(async (el) => {
    const bitmap = await createImageBitmap(await el.toPNG());
    return { width: bitmap.width, height: bitmap.height };
  });
  assert.equal(png.width, 1800);
  assert.ok(Math.abs(png.height - first.stageHeight * 2) <= 2, `${png.height} for a chart of ${first.stageHeight}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a long chart in a scroller inside another component follows its scrolling', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}shadow-scroller.html`, { viewport: { width: 1000, height: 700 } });
  await waitForReadyOf(page, 'w');
  const scrollTo = (y) => page.evaluate((top) => { document.querySelector('x-scroller').shadowRoot.getElementById('s').scrollTop = top; }, y);
  const covered = () => page.waitForFunction(() => {
    const box = document.querySelector('x-scroller').shadowRoot.getElementById('s').getBoundingClientRect();
    const c = document.getElementById('w').shadowRoot.querySelector('canvas.chart').getBoundingClientRect();
    return c.top <= box.top && c.bottom >= box.bottom;
  }, null, { timeout: 5000 });
  for (const y of [3000, 6000, 1500]) {
    await scrollTo(y);
    await covered();
  }
  assert.deepEqual(problems, []);
  await context.close();
});
