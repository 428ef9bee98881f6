// Browser benchmark: evidence-lens against the same forest plot in Vega-Lite
// (vega-embed) and Chart.js, on generated data, in headless Chromium, in one run.
//   node bench/run.mjs [--sizes 10,50,2000,10000] [--libs ours,vega,chartjs] [--loads 5]
// Prints a table of bytes (raw and gzipped), time to the first chart, hover and
// filter redraw times, and memory after repeated updates, each also as a ratio to ours.
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const SIZES = arg('--sizes', '10,50,2000,10000').split(',').map(Number);
const LIBS = arg('--libs', 'ours,vega,chartjs').split(',');
const LOADS = Math.max(1, Number(arg('--loads', '5')));
const NAMES = { ours: 'evidence-lens', vega: 'Vega-Lite', chartjs: 'Chart.js' };

/** A deterministic dataset of n trials with hazard ratios (SplitMix64). */
function generate(n) {
  let s = BigInt(n);
  const rand = () => {
    s = (s + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
    let z = s;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
    return Number((z ^ (z >> 31n)) >> 11n) / 2 ** 53;
  };
  const designs = ['rct', 'crossover_rct', 'cohort', 'single_arm'];
  const rows = [];
  for (let i = 0; i < n; i++) {
    const se = 0.1 + 0.5 * rand();
    const y = -0.3 + 0.6 * (rand() - 0.5);
    rows.push({
      label: `Trial ${i + 1}`, design: designs[i % 3], n: 20 + Math.floor(rand() * 500),
      est: Math.exp(y), lo: Math.exp(y - 1.96 * se), hi: Math.exp(y + 1.96 * se), weight: 1 / (se * se),
    });
  }
  const dataset = {
    schema: 'evidence-lens/1',
    title: `${n} generated trials`,
    studies: rows.map((r, i) => ({
      id: `t${i + 1}`, label: r.label, year: 2000 + (i % 25), citation: { text: 'Generated for the benchmark', url: 'https://example.org/' },
      source_kind: 'paper', condition: 'multiple sclerosis', intervention: { therapy: i % 2 ? 'MSC' : 'AHSCT' },
      design: r.design === 'single_arm' ? 'rct' : r.design, n: r.n,
      outcomes: [{ id: 'progression', name: 'Disability progression', kind: 'benefit', better: 'lower', status: 'verified',
        data: { measure: 'HR', estimate: +r.est.toFixed(4), ci_lb: +r.lo.toFixed(4), ci_ub: +r.hi.toFixed(4) } }],
    })),
  };
  for (const r of rows) if (r.design === 'single_arm') r.design = 'rct';
  return { rows, dataset };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] : NaN; };

/**
 * Opens the page in a fresh context (nothing cached) and waits for its first chart. With
 * `keepBodies`, it also keeps what was downloaded, to count the bytes: copying 5 MB out of the
 * browser while the page loads slowed the page, so timed loads leave it out.
 */
async function open(browser, base, lib, n, { keepBodies = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const bodies = [];
  if (keepBodies) {
    page.on('response', async (response) => {
      try { bodies.push(await response.body()); } catch { /* redirects have no body */ }
    });
  }
  await page.goto(`${base}bench/pages/${lib}.html?n=${n}`);
  await page.waitForFunction(() => window.__readyAt || window.__error, null, { timeout: 120000 });
  const error = await page.evaluate(() => window.__error);
  if (error) throw new Error(`${lib} n=${n}: ${error}`);
  return { context, page, bodies, readyMs: await page.evaluate(() => window.__readyAt) };
}

/**
 * Time to the first chart of each library: the median of LOADS fresh loads, the libraries
 * taking turns, so a slow spell of a shared machine falls on all of them alike (one load
 * varies by a quarter either way, and runs minutes apart by more).
 */
async function firstCharts(browser, base, n) {
  const loads = Object.fromEntries(LIBS.map((lib) => [lib, []]));
  for (let i = 0; i < LOADS; i++) {
    for (const lib of LIBS) {
      process.stderr.write(`  first chart of ${NAMES[lib]} with ${n} studies, load ${i + 1} of ${LOADS}\n`);
      const { context, readyMs } = await open(browser, base, lib, n);
      loads[lib].push(readyMs);
      await context.close();
    }
  }
  return Object.fromEntries(LIBS.map((lib) => [lib, median(loads[lib])]));
}

/** Bytes, interaction times and memory, on one more fresh load. */
async function measure(browser, base, lib, n) {
  const { context, page, bodies } = await open(browser, base, lib, n, { keepBodies: true });
  await page.waitForTimeout(200);
  const raw = bodies.reduce((a, b) => a + b.length, 0);
  const gz = bodies.reduce((a, b) => a + zlib.gzipSync(b, { level: 6 }).length, 0);

  // Work per interaction: synchronous handling plus the work done in the next
  // animation frame (where throttled libraries draw), bracketed by two rAF callbacks.
  const timings = await page.evaluate(async ({ moves, filters }) => {
    const frameWork = () => new Promise((resolve) => {
      let start = 0;
      requestAnimationFrame(() => { start = performance.now(); });
      resolve(() => new Promise((done) => requestAnimationFrame(() => done(performance.now() - start))));
    });
    const canvas = window.__bench.canvas();
    const rect = canvas.getBoundingClientRect();
    const hover = [];
    for (let i = 0; i < moves; i++) {
      const x = rect.left + rect.width * (0.3 + 0.4 * ((i * 7) % 10) / 10);
      const y = rect.top + rect.height * ((i * 37) % 97) / 97;
      const finish = await frameWork();
      const t0 = performance.now();
      for (const type of ['pointermove', 'mousemove']) {
        const Ctor = type.startsWith('pointer') ? PointerEvent : MouseEvent;
        canvas.dispatchEvent(new Ctor(type, { clientX: x, clientY: y, bubbles: true, composed: true, pointerType: 'mouse' }));
      }
      if (window.__bench.afterHover) await window.__bench.afterHover();
      const sync = performance.now() - t0;
      hover.push(sync + (await finish()));
    }
    const filter = [];
    for (let i = 0; i < filters; i++) {
      const finish = await frameWork();
      const t0 = performance.now();
      await window.__bench.filter(i);
      const sync = performance.now() - t0;
      filter.push(sync + (await finish()));
    }
    return { hover, filter };
  }, { moves: n >= 10000 ? 30 : 100, filters: n >= 10000 ? 6 : 20 });

  const updates = n <= 50 ? 1000 : n <= 2000 ? 100 : 20;
  const memory = await page.evaluate(async (count) => {
    const heap = () => { if (window.gc) window.gc(); return performance.memory.usedJSHeapSize; };
    const before = heap();
    for (let i = 0; i < count; i++) {
      await window.__bench.filter(i);
      await window.__bench.view(i);
    }
    await new Promise((r) => setTimeout(r, 100));
    return { before, after: heap(), wasm: await window.__bench.wasmBytes(), count };
  }, updates);
  await context.close();
  return { raw, gz, hover: timings.hover, filter: timings.filter, memory };
}

const fmtBytes = (b) => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} kB`);
const ratio = (x, ours) => (Number.isFinite(x) && Number.isFinite(ours) && ours > 0 ? `${(x / ours).toFixed(1)}×` : '–');

const server = await serve({
  root: ROOT,
  extra: Object.fromEntries(SIZES.flatMap((n) => {
    const { rows, dataset } = generate(n);
    return [
      [`/bench-data/${n}.json`, { type: 'application/json', body: JSON.stringify(dataset) }],
      [`/bench-data/${n}-rows.json`, { type: 'application/json', body: JSON.stringify(rows) }],
    ];
  })),
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const results = {};
try {
  for (const n of SIZES) {
    const ready = await firstCharts(browser, server.url, n);
    for (const lib of LIBS) {
      process.stderr.write(`measuring ${NAMES[lib]} with ${n} studies…\n`);
      results[`${lib}/${n}`] = { ...(await measure(browser, server.url, lib, n)), readyMs: ready[lib] };
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const header = ['studies', 'library', 'bytes (gzip)', 'ratio', 'bytes (raw)', `first chart (median of ${LOADS})`, 'ratio', 'hover median', 'hover p95', 'ratio', 'filter', 'ratio', 'JS heap after', 'growth', 'wasm memory', 'updates'];
const lines = [header];
for (const n of SIZES) {
  const ours = results[`ours/${n}`];
  for (const lib of LIBS) {
    const r = results[`${lib}/${n}`];
    const hm = median(r.hover);
    lines.push([
      String(n), NAMES[lib], fmtBytes(r.gz), ratio(r.gz, ours?.gz), fmtBytes(r.raw),
      `${r.readyMs.toFixed(0)} ms`, ratio(r.readyMs, ours?.readyMs),
      `${hm.toFixed(2)} ms`, `${p95(r.hover).toFixed(2)} ms`, ratio(hm, ours ? median(ours.hover) : NaN),
      `${median(r.filter).toFixed(1)} ms`, ratio(median(r.filter), ours ? median(ours.filter) : NaN),
      fmtBytes(r.memory.after), fmtBytes(r.memory.after - r.memory.before),
      r.memory.wasm == null ? '–' : fmtBytes(r.memory.wasm), String(r.memory.count),
    ]);
  }
}
const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
console.log(`Chromium ${browser.version ? '' : ''}benchmark, ${new Date().toISOString().slice(0, 10)}; ratios are to evidence-lens in the same run`);
for (const [i, l] of lines.entries()) {
  console.log(`| ${l.map((c, j) => c.padEnd(widths[j])).join(' | ')} |`);
  if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
}
