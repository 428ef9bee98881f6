// The hostile corpus (tests/corpus/, see tests/corpus.rs) loaded by the real widget in headless
// Chromium. Each file is served under /corpus/ and shown by a tiny page made here (not the demo page):
//   <evidence-lens editor src="/corpus/FILE"></evidence-lens>
// (as an editor sees it: the `editor` attribute lists each left-out row and warning)
// For every input the widget must answer — a `ready` event, or an `error` event — within a deadline,
// with no uncaught exception and no wasm panic; files that `evidence-lens validate` accepts must be
// drawn without errors, and for the others the first problem must be shown. Large inputs (deep
// nesting, just over the size limit, a million CSV rows, 10,000 outcomes) are generated here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, launch, startServer, openPage } from './browser.mjs';

const CORPUS = path.join(ROOT, 'tests', 'corpus');
const DEADLINE_MS = 60000;

// The size limit, read from the code so the test follows it.
const MAX_INPUT_BYTES = (() => {
  const src = fs.readFileSync(path.join(ROOT, 'src', 'model', 'mod.rs'), 'utf8');
  const m = src.match(/MAX_INPUT_BYTES: usize = ([0-9_ *]+);/);
  return Function(`return ${m[1].replaceAll('_', '')}`)();
})();

function expectations() {
  return fs
    .readFileSync(path.join(CORPUS, 'expected.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [file, exit, where, message = ''] = l.split('\t');
      return { file, exit: Number(exit), path: where === '-' ? '' : where, message, body: fs.readFileSync(path.join(CORPUS, file)) };
    });
}

function base36(i) {
  return i.toString(36);
}

function generated() {
  const limit = `the limit is ${MAX_INPUT_BYTES} bytes`;
  const cases = [];
  cases.push({ file: 'deep-array.json', exit: 1, path: '', message: 'nested too deeply', body: Buffer.from('['.repeat(100000)) });
  cases.push({ file: 'deep-object.json', exit: 1, path: '', message: 'nested too deeply', body: Buffer.from('{"a":'.repeat(100000)) });
  const big = Buffer.alloc(MAX_INPUT_BYTES + 1, ' ');
  big.write('{"schema": "evidence-lens/1", "studies": []}');
  // The element refuses it before the wasm sees it (its own message), or the library does.
  cases.push({ file: 'over-limit.json', exit: 1, path: '', message: limit, alternatives: [`larger than ${MAX_INPUT_BYTES / 1048576} MB`], body: big });
  const rows = ['study,yi,vi'];
  for (let i = 0; i < 1000000; i++) rows.push(`${base36(i)},1,1`);
  cases.push({ file: 'million-rows.csv', exit: 1, path: 'row 80002', message: 'the limit is 80000', body: Buffer.from(rows.join('\n') + '\n') });
  cases.push({ file: 'million-rows-same-name.csv', exit: 1, path: 'row 80002', message: 'the limit is 80000', body: Buffer.from('study,yi,vi\n' + 'a,1,1\n'.repeat(1000000)) });
  const outcomes = [];
  for (let i = 0; i < 10000; i++) {
    outcomes.push({ id: `o${i}`, name: `Outcome ${i}`, kind: 'benefit', better: 'lower', data: { measure: 'RR', ai: i % 40, n1i: 40, ci: 5, n2i: 40 } });
  }
  const one = {
    schema: 'evidence-lens/1',
    studies: [{ id: 's', label: 'S', citation: { text: 'x' }, source_kind: 'paper', condition: 'MS', intervention: { therapy: 'MSC' }, design: 'rct', outcomes }],
  };
  cases.push({ file: 'ten-thousand-outcomes.json', exit: 0, path: '', message: '', body: Buffer.from(JSON.stringify(one)) });
  return cases;
}

const CASES = [...expectations(), ...generated()];

let browser;
let server;

before(async () => {
  const extra = {};
  for (const c of CASES) {
    const type = c.file.endsWith('.csv') ? 'text/csv' : 'application/json';
    extra[`/corpus/${c.file}`] = { type, body: c.body };
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>corpus</title>
<script type="module" src="/evidence-lens.js"></script></head>
<body><evidence-lens id="w" editor src="/corpus/${c.file}"></evidence-lens></body></html>`;
    extra[`/corpus-page/${c.file}.html`] = { type: 'text/html; charset=utf-8', body: page };
  }
  server = await startServer({ extra });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const c of CASES) {
  test(`${c.file}: ${c.exit === 0 ? 'drawn without errors' : `refused or partly shown with "${c.message}"`}`, async (t) => {
    const start = Date.now();
    const { page, context, problems } = await openPage(browser, `${server.url}corpus-page/${c.file}.html`);
    try {
      await page.waitForFunction(() => window.__events.some((e) => e.id === 'w' && (e.type === 'interactive' || e.type === 'error')), null, {
        timeout: DEADLINE_MS,
      });
      const took = Date.now() - start;
      if (took > 2000) t.diagnostic(`${c.file}: answered in ${took} ms`);
      // Let late drawing (resize observer, second frame) happen before judging.
      await page.waitForTimeout(100);
      const events = await page.evaluate(() => window.__events.filter((e) => e.id === 'w'));
      const text = await page.evaluate(() => document.querySelector('evidence-lens').shadowRoot?.textContent ?? '');
      const title = await page.title();

      // Never an uncaught exception, never a wasm panic or trap.
      const fatal = problems.filter((p) => p.startsWith('pageerror') || /panicked|RuntimeError|unreachable/.test(p));
      assert.deepEqual(fatal, [], `${c.file}: ${fatal.join('\n')}`);
      assert.equal(title, 'corpus', `${c.file}: a data string ran as code (title is ${title})`);

      const ready = events.find((e) => e.type === 'interactive');
      const error = events.find((e) => e.type === 'error');
      if (c.exit === 0) {
        assert.equal(error, undefined, `${c.file}: error event ${JSON.stringify(error?.detail)}`);
        assert.ok(ready, `${c.file}: no ready event`);
        assert.equal(ready.detail?.errors ?? 0, 0, `${c.file}: ${JSON.stringify(ready.detail)}`);
      } else {
        assert.ok(error || (ready && ready.detail?.errors > 0), `${c.file}: neither an error event nor errors reported: ${JSON.stringify(events)}`);
        const shown = `${JSON.stringify(events)}\n${text}`;
        const wanted = [c.message, ...(c.alternatives ?? [])];
        assert.ok(wanted.some((m) => shown.includes(m)), `${c.file}: "${c.message}" is not shown; events ${JSON.stringify(events).slice(0, 400)}; text ${text.slice(0, 400)}`);
      }
    } finally {
      await context.close();
    }
  });
}
