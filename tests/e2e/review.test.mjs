// Cochrane reviews in the browser: a RevMan 5 file or a Cochrane data package at a widget's `src`
// is converted by the review converter (pkg/import/, loaded only for such files; a CSV table has a
// converter of its own, pkg/table/), and the embed page turns one into an embedded chart in three
// steps. The Fleiss 1993 files come from the meta R package (tests/data/); the browser's conversion
// must equal `evidence-lens import`'s.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT, launch, startServer, openPage, waitForReadyOf, embedPage } from './browser.mjs';

const RM5 = path.join(ROOT, 'tests/data/fleiss1993.rm5');
const ZIP = path.join(ROOT, 'tests/data/fleiss1993-data-package.zip');
const CLI = path.join(process.env.CARGO_TARGET_DIR ? path.resolve(ROOT, process.env.CARGO_TARGET_DIR) : path.join(ROOT, 'target'), 'release', 'evidence-lens');

let browser;
let server;
/** The server's pages, which a test may add to. */
let pages;
/** The data the editor puts on their site in step 2, served once the test has it. */
const uploaded = { type: 'application/json', body: '' };

/** The numbers the embed page reports for a dataset: studies and analyses. */
function counts(json) {
  const d = JSON.parse(json);
  const outcomes = d.studies.flatMap((s) => s.outcomes);
  // Analyses whose pooled result the review stored, which the chart checks.
  const stored = new Set(outcomes.filter((o) => o.analysis?.stored).map((o) => o.id)).size;
  return { studies: d.studies.length, analyses: new Set(outcomes.map((o) => o.id)).size, stored };
}

/**
 * The Fleiss review with its aspirin analysis's seven trials in two subgroups, as RevMan writes them.
 * @param {string} text
 */
function inSubgroups(text) {
  const start = text.indexOf('<DICH_OUTCOME');
  const end = text.indexOf('</DICH_OUTCOME>', start);
  const lines = text.slice(start, end).split('\n');
  const rows = lines.filter((l) => l.startsWith('<DICH_DATA'));
  const head = lines.filter((l) => !l.startsWith('<DICH_DATA')).join('\n').replace('SUBGROUPS="NO"', 'SUBGROUPS="YES"');
  const group = (no, name, list) => `<DICH_SUBGROUP NO="${no}"><NAME>${name}</NAME>\n${list.join('\n')}\n</DICH_SUBGROUP>\n`;
  return Buffer.from(`${text.slice(0, start)}${head}\n${group(1, 'Before 1980', rows.slice(0, 3))}${group(2, '1980 and after', rows.slice(3))}${text.slice(end)}`, 'latin1');
}

/** What `evidence-lens import FILE -o data.json [ARGS]` writes for a file. */
async function cliImport(file, args = []) {
  const out = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'el-import-')), 'data.json');
  execFileSync(CLI, ['import', file, '-o', out, ...args], { stdio: 'ignore' });
  return fs.readFile(out, 'utf8');
}

before(async () => {
  const widgets = (srcs) => embedPage(srcs.map(([id, src]) => `<evidence-lens id="${id}" view="forest" src="${src}"></evidence-lens>`).join('\n'));
  server = await startServer({
    strictCsp: true,
    extra: (pages = {
      '/reviews/fleiss1993.rm5': { type: 'application/octet-stream', body: await fs.readFile(RM5) },
      '/reviews/fleiss1993-data-package.zip': { type: 'application/zip', body: await fs.readFile(ZIP) },
      '/reviews.html': widgets([['rm5', '/reviews/fleiss1993.rm5'], ['zip', '/reviews/fleiss1993-data-package.zip']]),
      '/csv.html': widgets([['csv', '/template.csv']]),
      '/review-es.html': embedPage('<evidence-lens id="es" view="forest" lang="es" src="/reviews/fleiss1993.rm5"></evidence-lens>', { lang: 'es' }),
      '/reviews/subgroups.rm5': { type: 'application/octet-stream', body: inSubgroups(await fs.readFile(RM5, 'latin1')) },
      '/subgroups.html': embedPage('<evidence-lens id="sub" view="forest" lang="fr" src="/reviews/subgroups.rm5"></evidence-lens>', { lang: 'fr' }),
      '/json.html': widgets([['json', '/pkg/builtin.json']]),
      '/site/fleiss1993.json': uploaded,
    }),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The caveats of the widget's pooled rows (the forest's, through the test hook). */
function pooledCaveats(page, id) {
  return page.locator(`#${id}`).evaluate((el) => {
    const hook = el.__testHook;
    return hook.keys().filter((k) => k.startsWith('pooled')).map((k) => hook.item(k)?.caveats ?? []);
  });
}

/** Every address the page asked for. */
function requests(page) {
  const urls = [];
  page.on('request', (r) => urls.push(new URL(r.url()).pathname));
  return urls;
}

test('a RevMan file and a data package at src are converted in the browser and match the review', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const urls = requests(page);
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    window.EVIDENCE_LENS_TEST = true;
    window.__events = [];
    for (const type of ['interactive', 'error']) document.addEventListener(type, (e) => window.__events.push({ type, id: e.target.id, detail: e.detail ?? null }), true);
  });
  await page.goto(`${server.url}reviews.html`);
  for (const [id, file] of [['rm5', RM5], ['zip', ZIP]]) {
    const { stored } = counts(await cliImport(file));
    assert.ok(stored >= 1, `${id}: the review stores results`);
    const events = await waitForReadyOf(page, id, 1, 30000);
    assert.deepEqual(events.filter((e) => e.type === 'error'), [], id);
    const caveats = (await pooledCaveats(page, id)).flat();
    // Each analysis with a stored result is pooled as the review did it and reproduces it.
    assert.equal(caveats.filter((c) => /^Redone as the review did it \(.+\): .+, as the review reports\.$/.test(c)).length, stored, `${id}: ${JSON.stringify(caveats)}`);
  }
  assert.ok(urls.includes('/pkg/import/evidence_lens_import_bg.wasm'), 'the converter was loaded');
  assert.deepEqual(problems, []);
  await context.close();
});

test('what a review converted in the browser tells readers is in their language, as the command line writes it', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}review-es.html`);
  const events = await waitForReadyOf(page, 'es', 1, 30000);
  assert.deepEqual(events.filter((e) => e.type === 'error'), []);
  // The review's file does not say how its studies were designed: each says so, in Spanish.
  const caveats = await page.locator('#es').evaluate((el) => {
    const hook = el.__testHook;
    return hook.keys().flatMap((k) => hook.item(k)?.caveats ?? []);
  });
  assert.ok(caveats.some((c) => c.startsWith('El archivo de la revisión no dice cómo se diseñó este estudio')), JSON.stringify(caveats));
  assert.ok(!caveats.some((c) => c.startsWith("The review's file")), JSON.stringify(caveats));
  // The converter wrote every language, as `evidence-lens import` does.
  const converted = await page.evaluate(async () => {
    const { convertReview } = await import('/lens/convert.js');
    const bytes = new Uint8Array(await (await fetch('/reviews/fleiss1993.rm5')).arrayBuffer());
    return (await convertReview([{ name: 'fleiss1993.rm5', bytes }])).json;
  });
  assert.deepEqual(JSON.parse(converted).studies[0].caveats, JSON.parse(await cliImport(RM5)).studies[0].caveats);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a review\'s subgroups are drawn with their subtotals and the test between them, in the reader\'s language', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}subgroups.html`);
  const events = await waitForReadyOf(page, 'sub', 1, 30000);
  assert.deepEqual(events.filter((e) => e.type === 'error'), []);
  const { keys, subtotal, pooled } = await page.locator('#sub').evaluate((el) => {
    const hook = el.__testHook;
    return { keys: hook.keys(), subtotal: hook.item('subtotal/CMP-001.01/0'), pooled: hook.item('pooled/CMP-001.01') };
  });
  // Each subgroup's studies, then its subtotal; the whole analysis after both.
  const aspirin = keys.filter((k) => k.includes('CMP-001.01'));
  assert.deepEqual(aspirin, ['MRC-1/CMP-001.01', 'CDP/CMP-001.01', 'MRC-2/CMP-001.01', 'subtotal/CMP-001.01/0', 'GASP/CMP-001.01', 'PARIS/CMP-001.01', 'AMIS/CMP-001.01', 'ISIS-2/CMP-001.01', 'subtotal/CMP-001.01/1', 'pooled/CMP-001.01']);
  assert.equal(subtotal.label, 'Sous-total (3 études)');
  assert.equal(subtotal.detail, 'Before 1980');
  assert.match(subtotal.value, /^OR 0,75 \[0,62\u202f; 0,91\]$/);
  assert.ok(pooled.caveats.some((c) => /^Test de différence entre sous-groupes\u00a0: Q = 3,60, ddl = 1 \(p = 0,06\), I² = 72,3\u202f%\.$/.test(c)), JSON.stringify(pooled.caveats));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a reader of JSON data downloads no converter, and of a CSV table only the table converter', async () => {
  for (const [id, converters] of [['json', []], ['csv', ['/pkg/table/evidence_lens_table.js', '/pkg/table/evidence_lens_table_bg.wasm']]]) {
    const { page, context } = await openPage(browser, 'about:blank');
    const urls = requests(page);
    await page.goto(`${server.url}${id}.html`);
    const events = await waitForReadyOf(page, id);
    assert.deepEqual(events.filter((e) => e.type === 'error'), []);
    assert.ok(urls.includes('/pkg/evidence_lens_bg.wasm'), urls.join(' '));
    const fetched = [...new Set(urls.filter((u) => /\/pkg\/(import|table)\/|review/.test(u)))].sort();
    assert.deepEqual(fetched, converters, `${id}: ${urls.join(' ')}`);
    await context.close();
  }
});

test('the embed page: a Cochrane review embedded in three steps', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}embed.html`);
  const status = page.locator('#file-status');
  const snippet = page.locator('#snippet');

  // Step 1: choose the review's file; it is converted here and previewed.
  await page.locator('#file').setInputFiles(RM5);
  await page.waitForFunction(() => /converted/.test(document.getElementById('file-status')?.textContent ?? ''));
  const expected = await cliImport(RM5);
  const { studies, analyses, stored } = counts(expected);
  assert.ok(studies > 1 && analyses > 1, `${studies} studies, ${analyses} analyses`);
  assert.ok((await status.textContent()).startsWith(`fleiss1993.rm5 converted: ${studies} studies, ${analyses} analyses.`), await status.textContent());
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'interactive' || e.type === 'error'), null, { timeout: 30000 });
  assert.deepEqual(await page.evaluate(() => window.__events.filter((e) => e.type === 'error')), []);
  assert.match(await snippet.inputValue(), /<evidence-lens src="fleiss1993\.json" theme="auto"><\/evidence-lens>/);

  // Step 2: download the converted data: the same file as `evidence-lens import` writes.
  const link = page.locator('#file-download');
  assert.equal(await link.getAttribute('download'), 'fleiss1993.json');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const json = await fs.readFile(await download.path(), 'utf8');
  assert.equal(json.trimEnd(), expected.trimEnd());
  uploaded.body = json;

  // Step 3: its address on the editor's site under "Data"; the preview reads it from there.
  const address = `${server.url}site/fleiss1993.json`;
  await page.locator('input[name=src]').fill(address);
  await page.locator('input[name=src]').dispatchEvent('change');
  assert.match(await snippet.inputValue(), new RegExp(`<evidence-lens src="${address.replace(/[.?]/g, '\\$&')}" theme="auto"></evidence-lens>`));
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'interactive').length >= 2, null, { timeout: 30000 });
  assert.deepEqual(problems, []);

  // The code, pasted into a page of the editor's site, shows the review as the review did it.
  const pasted = await page.evaluate(() => document.getElementById('snippet').value);
  pages['/article.html'] = embedPage(pasted.replace('<evidence-lens ', '<evidence-lens id="pasted" view="forest" '));
  const article = await openPage(browser, `${server.url}article.html`);
  await waitForReadyOf(article.page, 'pasted', 1, 30000);
  const caveats = (await pooledCaveats(article.page, 'pasted')).flat();
  assert.equal(caveats.filter((c) => /as the review reports\.$/.test(c)).length, stored, JSON.stringify(caveats));
  assert.deepEqual(article.problems, []);
  await article.context.close();
  await context.close();
});

test('the embed page converts a data package too, and says why a file is not a review', async () => {
  const { page, context } = await openPage(browser, `${server.url}embed.html?lang=fr`);
  await page.locator('#file').setInputFiles(ZIP);
  await page.waitForFunction(() => /converti/.test(document.getElementById('file-status')?.textContent ?? ''));
  const expected = await cliImport(ZIP);
  const { studies, analyses } = counts(expected);
  assert.ok((await page.locator('#file-status').textContent()).startsWith(`fleiss1993-data-package.zip converti\u00a0: ${studies} études, ${analyses} analyses.`));
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#file-download').click()]);
  assert.equal((await fs.readFile(await download.path(), 'utf8')).trimEnd(), expected.trimEnd());

  // The file does not say how its studies were designed: the editor says, once for all of them,
  // that they are randomised trials, and downloads what `import --randomised` writes.
  const box = page.locator('#file-randomised');
  assert.equal(await box.isVisible(), true);
  assert.equal((await page.locator('#file-randomised-box').textContent()).trim(), 'La revue n’inclut que des essais randomisés\u00a0: évaluer ses études comme tels');
  await box.check();
  // The converter's notes are in the page's language.
  await page.waitForFunction(() => /comme vous l’avez indiqué/.test(document.getElementById('file-notes')?.textContent ?? ''));
  const notes = await page.locator('#file-notes').textContent();
  assert.doesNotMatch(notes, /indiquez-le lors de la conversion/);
  assert.match(notes, new RegExp(`${studies} sur ${studies} études\u00a0: le fichier de la revue ne dit pas comment elles ont été conçues\u202f; elles sont présentées comme des essais randomisés`));
  assert.doesNotMatch(notes, /the review's file|as you said/);
  const [randomised] = await Promise.all([page.waitForEvent('download'), page.locator('#file-download').click()]);
  const said = await fs.readFile(await randomised.path(), 'utf8');
  assert.equal(said.trimEnd(), (await cliImport(ZIP, ['--randomised'])).trimEnd());
  assert.deepEqual([...new Set(JSON.parse(said).studies.map((st) => st.design))], ['rct']);
  // Unticked, the file's own data again.
  await box.uncheck();
  await page.waitForFunction(() => /indiquez-le lors de la conversion/.test(document.getElementById('file-notes')?.textContent ?? ''));
  const [again] = await Promise.all([page.waitForEvent('download'), page.locator('#file-download').click()]);
  assert.equal((await fs.readFile(await again.path(), 'utf8')).trimEnd(), expected.trimEnd());

  await page.locator('#file').setInputFiles({ name: 'broken.rm5', mimeType: 'application/xml', buffer: Buffer.from('<?xml version="1.0"?><COCHRANE_REVIEW/>') });
  await page.waitForFunction(() => /pas pu/.test(document.getElementById('file-status')?.textContent ?? ''));
  // Why, in French too.
  assert.equal(await page.locator('#file-status').textContent(), 'broken.rm5 n’a pas pu être converti\u00a0: la revue ne contient aucune analyse avec des données d’études');
  assert.equal(await page.locator('#file-download').isHidden(), true);
  assert.equal(await page.locator('#file-randomised-box').isHidden(), true);
  await context.close();
});

test('the embed page previews a CSV file from the computer as it is, and the code names it', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}embed.html`);
  // The built-in preview first: a file chosen while it loads replaces it before it is
  // interactive, and the count below would wait for an event that never comes.
  await settled(page, 1);
  await page.locator('#file').setInputFiles(path.join(ROOT, 'www/template.csv'));
  await page.waitForFunction(() => /from your computer/.test(document.getElementById('file-status')?.textContent ?? ''));
  assert.match(await page.locator('#snippet').inputValue(), /<evidence-lens src="template\.csv" theme="auto"><\/evidence-lens>/);
  assert.equal(await page.locator('#file-download').isHidden(), true);
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'interactive').length >= 2 || window.__events.some((e) => e.type === 'error'), null, { timeout: 30000 });
  assert.deepEqual(await page.evaluate(() => window.__events.filter((e) => e.type === 'error')), []);
  // The preview shows the file's studies (the template's made-up trials), not the built-in data.
  const labels = await page.locator('#preview evidence-lens').evaluate(async (el) => {
    await el.whenReady();
    el.setView('forest');
    await el.whenReady();
    return el.__testHook.keys().map((k) => el.__testHook.item(k)?.label ?? '');
  });
  assert.ok(labels.some((l) => /Example trial/.test(l)), labels.join(' | '));
  assert.deepEqual(problems, []);
  await context.close();
});

/** The embed page's preview widget: its first card (name: detail), and its editor's notes. */
function previewOf(page) {
  return page.locator('#preview evidence-lens').evaluate(async (el) => {
    await el.whenReady();
    const box = el.shadowRoot.querySelector('.problems');
    const first = el.__testHook.item(el.__testHook.keys()[0]);
    return { card: `${first?.label}: ${first?.detail}`, notes: box.hidden ? '' : box.textContent, labels: el.__testHook.keys().map((k) => el.__testHook.item(k)?.label ?? '') };
  });
}

/** Waits until the preview's latest widget is interactive or has failed. */
async function settled(page, count) {
  await page.waitForFunction((n) => window.__events.filter((e) => e.type === 'interactive' || e.type === 'error').length >= n, count, { timeout: 30000 });
  return page.evaluate(() => window.__events.filter((e) => e.type === 'interactive' || e.type === 'error').at(-1));
}

test('the embed page: a spreadsheet as editors save it, and the files it cannot read said as such', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}embed.html`);
  const status = page.locator('#file-status');
  const snippet = page.locator('#snippet');
  // The built-in data's preview first, so that each later event is the editor's file's.
  await settled(page, 1);
  let seen = 1;

  // The template, which names no therapy: an answer for "this treatment", and no notes (its
  // headers are the known names).
  await page.locator('#file').setInputFiles(path.join(ROOT, 'www/template.csv'));
  assert.equal((await settled(page, ++seen)).type, 'interactive');
  const template = await previewOf(page);
  // (Moderate: 668 people, fewer than the optimal information size for a 25% change from a 20% risk.)
  assert.match(template.card, /^This treatment: This treatment probably reduces relapse\./, JSON.stringify(template));
  assert.equal(template.notes, '');
  // A file's name is its address beside the page: "#" and spaces are written as such.
  await page.locator('#file').setInputFiles({ name: 'trials #2.csv', mimeType: 'text/csv', buffer: await fs.readFile(path.join(ROOT, "www/template.csv")) });
  assert.equal((await settled(page, ++seen)).type, 'interactive');
  assert.match(await snippet.inputValue(), /<evidence-lens src="trials%20%232\.csv"/);
  // An address typed under Data takes the file's place, and the file's step says so; with Data
  // emptied, the file is shown again, and its step says that.
  await page.fill('input[name=src]', 'template.csv');
  await page.locator('input[name=src]').dispatchEvent('change');
  await page.waitForFunction(() => /under "Data"/.test(document.getElementById('file-status')?.textContent ?? ''));
  assert.equal(await status.textContent(), 'The preview and the code show template.csv, the address under "Data", not trials #2.csv. Empty "Data" to show the file again.');
  assert.equal((await settled(page, ++seen)).type, 'interactive');
  await page.fill('input[name=src]', '');
  await page.locator('input[name=src]').dispatchEvent('change');
  assert.equal((await settled(page, ++seen)).type, 'interactive');
  await page.waitForFunction(() => /^The preview shows trials #2\.csv/.test(document.getElementById('file-status')?.textContent ?? ''));
  assert.match(await snippet.inputValue(), /<evidence-lens src="trials%20%232\.csv"/);

  // Excel's "Text (Tab delimited)" (.txt) and "Unicode Text" (UTF-16, tabs): tables, not JSON.
  const tabs = 'Study\tDesign\tOutcome\tExperimental cases\tExperimental N\tControl cases\tControl N\nAlpha\trct\tRelapse\t3\t40\t9\t41\nBeta\trct\tRelapse\t5\t50\t11\t52\n';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabs, 'utf16le')]);
  for (const [name, buffer] of [['trials.txt', Buffer.from(tabs)], ['unicode.txt', utf16]]) {
    await page.locator('#file').setInputFiles({ name, mimeType: 'text/plain', buffer });
    const last = await settled(page, ++seen);
    assert.equal(last.type, 'interactive', `${name}: ${JSON.stringify(last)}`);
    assert.equal(last.detail.errors, 0, name);
    assert.equal(last.detail.studies, 2, name);
    // Its notes (the separator, no "Better" column) say that nothing was left out.
    assert.match((await previewOf(page)).notes, /^Notes on the data \(Warnings: \d+\):Warning: input is separated by tabs/, name);
    // The file's own step says so too, far above the preview on a phone.
    await page.waitForFunction(() => /Notes: \d/.test(document.getElementById('file-status')?.textContent ?? ''));
    assert.match(await status.textContent(), new RegExp(`^The preview shows ${name.replace('.', '\\.')} from your computer\\..* Studies shown: 2\\. Problems that left rows out: 0\\. Notes: ${last.detail.warnings}\\. Each is listed under the preview\\.$`));
  }

  // A workbook, under its own name or renamed .csv: told to be saved as CSV, in the file's step
  // and the preview, which does not fall back to the built-in data.
  const xlsx = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml', 'latin1'), Buffer.from([0, 0xff, 0x10]), Buffer.from('xl/workbook.xml', 'latin1'), Buffer.from([0x00, 0xfe])]);
  for (const name of ['trials.xlsx', 'renamed.csv']) {
    await page.locator('#file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: xlsx });
    assert.equal((await settled(page, ++seen)).type, 'error', name);
    await page.waitForFunction(() => /could not be shown/.test(document.getElementById('file-status')?.textContent ?? ''));
    assert.match(await status.textContent(), new RegExp(`^${name.replace('.', '\\.')} could not be shown: .*this is an Excel workbook \\(\\.xlsx\\), not a table saved as text.*"CSV UTF-8"`), await status.textContent());
    // The preview shows it in the widget; the page's status under it stays quiet, so that the
    // problem is announced by two live regions (the file's step, the widget), not three.
    const widgetStatus = () => page.locator('#preview evidence-lens').evaluate((el) => el.shadowRoot.querySelector('.status').textContent);
    assert.match(await widgetStatus(), /Excel workbook/);
    assert.equal(await page.locator('#preview-status').textContent(), '');
    // No code for a file the chart cannot read, no nameless buttons in its preview, and no empty
    // place before a problem with the whole file.
    await page.waitForFunction(() => document.getElementById('snippet')?.value === '');
    assert.equal(await page.locator('#preview evidence-lens').evaluate((el) => el.shadowRoot.querySelector('.controls').hidden), true);
    assert.doesNotMatch(await widgetStatus(), /: :/);
  }

  // Two files that are no data package: one file, please; no preview and no code of other data.
  await page.locator('#file').setInputFiles([
    { name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from(tabs) },
    { name: 'b.csv', mimeType: 'text/csv', buffer: Buffer.from(tabs) },
  ]);
  await page.waitForFunction(() => /files were chosen/.test(document.getElementById('file-status')?.textContent ?? ''));
  assert.match(await status.textContent(), /^2 files were chosen: choose one file\./);
  assert.equal(await page.locator('#preview evidence-lens').count(), 0);
  assert.equal(await snippet.inputValue(), '');
  assert.match(await page.locator('#preview-status').textContent(), /choose one file/);
  assert.deepEqual(problems, []);
  await context.close();
});
