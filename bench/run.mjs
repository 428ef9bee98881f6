// Browser benchmark: evidence-lens against the same forest plot in Vega-Lite
// (vega-embed) and Chart.js, on generated data, in headless Chromium, in one run.
//   node bench/run.mjs [--sizes 10,50,2000,10000] [--libs ours,vega,chartjs] [--loads 5]
// Prints a table of bytes (raw and gzipped, and what arrived before the first chart), time to
// the first chart (`ready`: for evidence-lens its poster, made by `evidence-lens render --poster`,
// on a page of the code the embed page gives for it, fallback picture included, as an editor
// would) and to a working chart (`interactive`), hover and filter redraw times,
// and memory after repeated updates, each also as a ratio to ours; then the whole engine's size.
import zlib from 'node:zlib';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { fallbackPicture } from '../www/snippet.js';

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
      try { bodies.push({ url: response.url(), body: await response.body() }); } catch { /* redirects have no body */ }
    });
  }
  await page.goto(pageUrl(base, lib, n));
  // The other libraries' first chart is also their working one.
  await page.waitForFunction(() => (window.__readyAt && (window.__interactiveAt ?? window.__readyAt) > 0) || window.__error, null, { timeout: 120000 });
  await page.waitForFunction(() => window.__interactiveAt || !document.querySelector('evidence-lens') || window.__error, null, { timeout: 120000 });
  const error = await page.evaluate(() => window.__error);
  if (error) throw new Error(`${lib} n=${n}: ${error}`);
  const { readyMs, interactiveMs } = await page.evaluate(() => ({ readyMs: window.__readyAt, interactiveMs: window.__interactiveAt ?? window.__readyAt }));
  return { context, page, bodies, readyMs, interactiveMs };
}

/**
 * Time to the first chart of each library: the median of LOADS fresh loads, the libraries
 * taking turns (each load led by another), so a slow spell of a shared machine falls on all of
 * them alike (one load varies by a quarter either way, and runs minutes apart by more).
 */
async function firstCharts(browser, base, n) {
  const loads = Object.fromEntries(LIBS.map((lib) => [lib, { ready: [], interactive: [] }]));
  for (let i = 0; i < LOADS; i++) {
    // Each load starts with another library, so that none is always the first after a pause.
    for (const lib of [...LIBS.slice(i % LIBS.length), ...LIBS.slice(0, i % LIBS.length)]) {
      process.stderr.write(`  first chart of ${NAMES[lib]} with ${n} studies, load ${i + 1} of ${LOADS}\n`);
      const { context, readyMs, interactiveMs } = await open(browser, base, lib, n);
      loads[lib].ready.push(readyMs);
      loads[lib].interactive.push(interactiveMs);
      await context.close();
    }
  }
  return Object.fromEntries(LIBS.map((lib) => [lib, { ready: median(loads[lib].ready), interactive: median(loads[lib].interactive) }]));
}

/** Bytes, interaction times and memory, on one more fresh load. */
async function measure(browser, base, lib, n) {
  const { context, page, bodies, readyMs } = await open(browser, base, lib, n, { keepBodies: true });
  await page.waitForTimeout(200);
  const gzip = (b) => zlib.gzipSync(b, { level: 6 }).length;
  const raw = bodies.reduce((a, b) => a + b.body.length, 0);
  const gz = bodies.reduce((a, b) => a + gzip(b.body), 0);
  // What had arrived when the first chart was on screen, by each response's end.
  const ends = await page.evaluate(() => Object.fromEntries([...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => [e.name, e.responseEnd])));
  const gzBeforeReady = bodies.filter((b) => (ends[b.url] ?? Infinity) <= readyMs).reduce((a, b) => a + gzip(b.body), 0);

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
  return { raw, gz, gzBeforeReady, hover: timings.hover, filter: timings.filter, memory };
}

const fmtBytes = (b) => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} kB`);
const ratio = (x, ours) => (Number.isFinite(x) && Number.isFinite(ours) && ours > 0 ? `${(x / ours).toFixed(1)}×` : '–');

/**
 * The posters an editor makes for the data (`evidence-lens render --poster`, the forest), with
 * the release CLI that scripts/build.sh builds.
 */
function posters(n, dataset) {
  const cli = path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'release', 'evidence-lens');
  if (!fs.existsSync(cli)) spawnSync('cargo', ['build', '--quiet', '--release', '--bin', 'evidence-lens'], { cwd: ROOT, stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'el-bench-'));
  fs.writeFileSync(path.join(dir, 'data.json'), JSON.stringify(dataset));
  const run = spawnSync(cli, ['render', path.join(dir, 'data.json'), '--view', 'forest', '--poster', '-o', path.join(dir, 'posters')]);
  if (run.status !== 0) throw new Error(`posters for ${n} studies: ${run.stderr}`);
  return fs.readdirSync(path.join(dir, 'posters')).map((f) => [`/bench-posters/${n}/${f}`, { type: 'image/svg+xml', body: fs.readFileSync(path.join(dir, 'posters', f)) }]);
}

/**
 * Our page for `n` studies: the element as the embed page writes it for an editor who made the
 * posters, with its fallback picture (www/snippet.js, the same code), in bench/pages/ours.html.
 * Two differences, neither in what is timed: the posters' names have no language (`render
 * --poster` writes `{band}-{theme}.svg`; the embed page's downloads add one), and the alt text
 * is a title rather than the chart in words.
 */
function oursPage(n) {
  const picture = fallbackPicture(`/bench-posters/${n}/`, 'light', `Forest plot of ${n} generated trials`);
  const element = `<evidence-lens id="bench" view="forest" src="/bench-data/${n}.json" poster="/bench-posters/${n}/{band}-{theme}.svg">${picture}</evidence-lens>`;
  const body = fs.readFileSync(path.join(ROOT, 'bench', 'pages', 'ours.html'), 'utf8').replace('{element}', () => element);
  return [`/bench/pages/ours-${n}.html`, { type: 'text/html; charset=utf-8', body }];
}

/** The page of `lib` with `n` studies. */
const pageUrl = (base, lib, n) => (lib === 'ours' ? `${base}bench/pages/ours-${n}.html` : `${base}bench/pages/${lib}.html?n=${n}`);

const server = await serve({
  root: ROOT,
  extra: Object.fromEntries(SIZES.flatMap((n) => {
    const { rows, dataset } = generate(n);
    return [
      [`/bench-data/${n}.json`, { type: 'application/json', body: JSON.stringify(dataset) }],
      [`/bench-data/${n}-rows.json`, { type: 'application/json', body: JSON.stringify(rows) }],
      ...(LIBS.includes('ours') ? [...posters(n, dataset), oursPage(n)] : []),
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
  // One untimed load of each page first: the browser's first pages pay for starting its
  // renderer and network processes, which no library should be timed with.
  for (const lib of LIBS) {
    process.stderr.write(`  warming up with ${NAMES[lib]}\n`);
    await (await open(browser, server.url, lib, SIZES[0])).context.close();
  }
  for (const n of SIZES) {
    const ready = await firstCharts(browser, server.url, n);
    for (const lib of LIBS) {
      process.stderr.write(`measuring ${NAMES[lib]} with ${n} studies…\n`);
      results[`${lib}/${n}`] = { ...(await measure(browser, server.url, lib, n)), readyMs: ready[lib].ready, interactiveMs: ready[lib].interactive };
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const header = ['studies', 'library', 'bytes (gzip)', 'ratio', 'bytes (raw)', 'before first chart (gzip)', 'ratio', `first chart (median of ${LOADS})`, 'ratio', 'interactive', 'ratio', 'hover median', 'hover p95', 'ratio', 'filter', 'ratio', 'JS heap after', 'growth', 'wasm memory', 'updates'];
const lines = [header];
for (const n of SIZES) {
  const ours = results[`ours/${n}`];
  for (const lib of LIBS) {
    const r = results[`${lib}/${n}`];
    const hm = median(r.hover);
    lines.push([
      String(n), NAMES[lib], fmtBytes(r.gz), ratio(r.gz, ours?.gz), fmtBytes(r.raw),
      fmtBytes(r.gzBeforeReady), ratio(r.gzBeforeReady, ours?.gzBeforeReady),
      `${r.readyMs.toFixed(0)} ms`, ratio(r.readyMs, ours?.readyMs),
      `${r.interactiveMs.toFixed(0)} ms`, ratio(r.interactiveMs, ours?.interactiveMs),
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
// The whole engine, as every page with the widget downloads it: shell, glue and wasm, each gzipped.
const { shellModules } = await import('../scripts/shell-modules.mjs');
const WWW = path.join(ROOT, 'www');
const engine = [...shellModules(WWW), 'pkg/evidence_lens.js', 'pkg/evidence_lens_bg.wasm']
  .reduce((a, f) => a + zlib.gzipSync(fs.readFileSync(path.join(WWW, f)), { level: 9 }).length, 0);
console.log(`\nThe whole engine (shell, glue and wasm, each gzipped -9): ${fmtBytes(engine)}; goal 250 kB (${(engine / 250e3).toFixed(2)}× it)`);
