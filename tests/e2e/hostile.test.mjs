// Hostile and broken inputs: nothing executes, nothing leaks into the host page, and
// the other widgets on the page keep working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, openPage, waitForReadyOf, canvasInk, embedPage, builtinDataset } from './browser.mjs';

let browser;
let server;

const TRAP = '__pwned';
const payloads = [
  `<script>window.${TRAP}=1</script>`,
  `<img src=x onerror="window.${TRAP}=1">`,
  `"><svg onload="window.${TRAP}=1">`,
  `javascript:window.${TRAP}=1`,
  'مرحبا بالعالم — עברית RTL \u202Eevil\u202C text 🧪🧬💉👩🏽‍⚕️',
  'x'.repeat(5000),
];

async function hostileDataset() {
  const d = await builtinDataset();
  d.title = payloads[0] + payloads[4];
  d.studies.forEach((s, i) => {
    s.label = payloads[i % payloads.length].slice(0, 5000) + (i >= payloads.length ? ` ${i}` : '');
    s.intervention.therapy = payloads[(i + 1) % payloads.length];
    s.caveats = [payloads[1], payloads[2], payloads[5]];
    s.citation.text = payloads[(i + 2) % payloads.length];
    // Links that are not http(s) must never become links (the reader rejects them or the shell drops them).
    if (i % 3 === 0) s.citation.url = `javascript:window.${TRAP}=1`;
    if (i % 3 === 1) s.citation.doi = `10.1000/"><script>window.${TRAP}=1</script>`;
    for (const o of s.outcomes) {
      o.name = payloads[(i + 3) % payloads.length];
      if (o.reported) o.reported = payloads[2];
    }
  });
  return d;
}

const pages = {
  '/hostile.html': embedPage(`<evidence-lens id="h" src="/hostile.json"></evidence-lens><evidence-lens id="ok"></evidence-lens>`),
  '/broken.html': embedPage(
    `<evidence-lens id="missing" src="/nope.json"></evidence-lens>
     <evidence-lens id="malformed" src="/malformed.json"></evidence-lens>
     <evidence-lens id="huge" src="/huge.json"></evidence-lens>
     <evidence-lens id="scheme" src="javascript:alert(1)"></evidence-lens>
     <evidence-lens id="ok"></evidence-lens>
     <p id="host">host</p>`,
    { head: '<script type="module" src="/host-script.js"></script>' },
  ),
  '/host-script.js': { type: 'text/javascript', body: 'window.hostTicks = 0; setInterval(() => { window.hostTicks++; }, 20);' },
  '/malformed.json': { type: 'application/json', body: '{"schema": "evidence-lens/1", "studies": [ {"id": 1, ' },
  '/huge.json': { type: 'application/json', body: `{"schema":"evidence-lens/1","title":"${'a'.repeat(11 * 1024 * 1024)}","studies":[]}` },
  '/panic.html': embedPage('<evidence-lens id="p"></evidence-lens><evidence-lens id="other"></evidence-lens>'),
};

before(async () => {
  pages['/hostile.json'] = { type: 'application/json', body: JSON.stringify(await hostileDataset()) };
  server = await startServer({ extra: pages, strictCsp: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a dataset of hostile strings executes nothing, makes no unsafe links and breaks nothing', async () => {
  // The trap is set before any script of the page runs.
  const { page, context, problems } = await openPage(browser, `${server.url}hostile.html`, {
    init: () => Object.defineProperty(window, '__pwned', { set() { window.__trapFired = true; }, get() { return undefined; } }),
  });
  const events = await waitForReadyOf(page, 'h');
  await waitForReadyOf(page, 'ok');
  assert.deepEqual(events.filter((e) => e.type === 'error'), [], 'the usable part of the data should still be shown');
  // Walk every item with the keyboard and hover the chart, so tooltips and details render every string.
  await page.locator('#h').evaluate((el) => el.shadowRoot.querySelector('.stage').focus());
  const count = await page.locator('#h').evaluate((el) => el.__testHook.keys().length);
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('ArrowDown');
    if (i % 5 === 0) await page.keyboard.press('Enter');
  }
  await page.locator('#h').evaluate((el) => el.shadowRoot.querySelector('[data-control="table"]').click());
  const box = await page.locator('#h').boundingBox();
  for (let y = box.y; y < box.y + Math.min(box.height, 2000); y += 15) await page.mouse.move(box.x + box.width / 3, y);
  const svg = await page.locator('#h').evaluate((el) => el.toSVG());
  const csv = await page.locator('#h').evaluate((el) => el.toCSV());
  const report = await page.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll('evidence-lens')].map((e) => e.shadowRoot)];
    const all = roots.flatMap((r) => [...r.querySelectorAll('*')]);
    return {
      fired: !!window.__trapFired,
      scripts: all.filter((n) => n.localName === 'script' && n.closest('evidence-lens') === null && !n.src).length,
      injected: all.filter((n) => ['img', 'svg', 'iframe', 'object', 'embed'].includes(n.localName)).length,
      handlers: all.filter((n) => [...n.attributes].some((a) => a.name.startsWith('on'))).length,
      hrefs: all.filter((n) => n.localName === 'a').map((a) => a.getAttribute('href')),
      textHasPayload: document.getElementById('h').shadowRoot.textContent.includes('<img src=x onerror'),
      width: document.getElementById('h').getBoundingClientRect().width,
      pageWidth: document.documentElement.scrollWidth,
    };
  });
  assert.equal(report.fired, false, 'a payload ran');
  assert.equal(report.injected, 0, 'markup from the data became elements');
  assert.equal(report.handlers, 0);
  assert.ok(report.hrefs.every((h) => /^https?:\/\//.test(h) || h.startsWith('blob:')), report.hrefs.join(' | '));
  assert.ok(report.textHasPayload, 'the payloads should be shown as text');
  assert.ok(report.pageWidth <= 1000 + 1, `long labels widened the page to ${report.pageWidth}px`);
  // Parsed on a blank page: the widget's page enforces Trusted Types, which DOMParser is subject to.
  const blank = await context.newPage();
  const parsed = await blank.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const all = [...doc.querySelectorAll('*')];
    return {
      error: !!doc.querySelector('parsererror'),
      foreign: all.filter((n) => ['script', 'img', 'foreignObject', 'iframe', 'a'].includes(n.localName)).length,
      handlers: all.filter((n) => [...n.attributes].some((a) => a.name.startsWith('on'))).length,
    };
  }, svg);
  assert.deepEqual(parsed, { error: false, foreign: 0, handlers: 0 }, 'the SVG export must carry the strings only as text');
  assert.ok(!/^[=+\-@]/m.test(csv.split('\r\n').map((l) => l.split(',').slice(1).join(',')).join('\n').replace(/^"/gm, '')), 'CSV formula injection');
  assert.ok((await canvasInk(page, '#ok')).ink > 5000, 'the other widget should still draw');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('404, malformed, huge and non-http src show an error inside the element; the host page and other widgets carry on', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}broken.html`);
  await waitForReadyOf(page, 'ok');
  const errors = {};
  for (const id of ['missing', 'malformed', 'huge', 'scheme']) {
    const events = await waitForReadyOf(page, id, 1, 30000);
    const error = events.find((e) => e.type === 'error');
    assert.ok(error, `${id}: no error event`);
    errors[id] = error.detail.message;
    const status = await page.locator(`#${id}`).evaluate((el) => el.shadowRoot.querySelector('.status').textContent);
    assert.ok(status.includes(error.detail.message.slice(0, 40)), `${id}: status "${status}"`);
  }
  assert.match(errors.missing, /404/);
  assert.match(errors.malformed, /\S/);
  assert.match(errors.huge, /larger than|too large|MB|bytes/i);
  assert.match(errors.scheme, /http/);
  const ticks = await page.evaluate(() => window.hostTicks);
  await page.waitForTimeout(200);
  assert.ok((await page.evaluate(() => window.hostTicks)) > ticks, 'the host page script stopped');
  assert.ok((await canvasInk(page, '#ok')).ink > 5000);
  // Nothing was thrown into the host page; console errors are only the failed fetch itself.
  assert.deepEqual(problems.filter((p) => !/Failed to load resource.*404/.test(p)), []);
  await context.close();
});

test('a panic in wasm shows a readable error, fires error, and the other widget recovers on a fresh instance', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}panic.html`);
  await waitForReadyOf(page, 'p');
  // The second widget stands below the first's summary, more than a screen down: it wakes when
  // a reader comes near it.
  await page.locator('#other').scrollIntoViewIfNeeded();
  await waitForReadyOf(page, 'other');
  const thrown = await page.locator('#p').evaluate((el) => el.__testHook.crash());
  assert.match(thrown, /internal error/);
  const events = await page.evaluate(() => window.__events.filter((e) => e.id === 'p' && e.type === 'error'));
  assert.equal(events.length, 1);
  // The dead chart's items, keys and table pages are asked for without throwing into the page.
  const afterCrash = await page.locator('#p').evaluate((el) => ({ select: el.select('a/b'), keys: el.__testHook.keys().length, item: el.__testHook.item('a/b'), rows: el.__testHook.appendRows(5) ?? 'no throw', phase: el.__testHook.phase() }));
  assert.deepEqual(afterCrash, { select: false, keys: 0, item: null, rows: 'no throw', phase: 'crashed' });
  // The other widget reloads into a new instance and fires ready again; it still responds.
  await waitForReadyOf(page, 'other', 2);
  await page.locator('#other').evaluate((el) => el.setView('map'));
  assert.ok((await canvasInk(page, '#other')).ink > 1000);
  // The crashed widget offers to try again, and does so on a fresh instance with the keyboard.
  // Keys on the dead chart change nothing: the message and the button stay, no second error.
  const retry = page.locator('#p').locator('[data-control="retry"]');
  await page.locator('#p').evaluate((el) => el.shadowRoot.querySelector('.stage').focus());
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.equal(await retry.textContent(), 'Try again');
  assert.ok(await retry.isVisible());
  assert.equal((await page.evaluate(() => window.__events.filter((e) => e.id === 'p' && e.type === 'error'))).length, 1);
  assert.match(await page.locator('#p').evaluate((el) => el.shadowRoot.querySelector('.status').textContent), /internal error/);
  await retry.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'interactive' && e.id === 'p').length >= 2);
  assert.ok((await canvasInk(page, '#p')).ink > 1000);
  assert.equal(await retry.isVisible(), false);
  const focused = await page.locator('#p').evaluate((el) => el.shadowRoot.activeElement?.className);
  assert.equal(focused, 'stage', 'the chart takes the focus from the vanished button');
  // A widget that keeps crashing stops offering to try again after its third crash.
  const crash = () => page.locator('#p').evaluate((el) => el.__testHook.crash());
  for (const round of [2, 3]) {
    await crash();
    if (round === 3) break;
    assert.ok(await retry.isVisible());
    await retry.click();
    await page.waitForFunction((n) => window.__events.filter((e) => e.type === 'interactive' && e.id === 'p').length >= n, round + 1);
  }
  assert.equal(await retry.isVisible(), false);
  assert.match(await page.locator('#p').evaluate((el) => el.shadowRoot.querySelector('.status').textContent), /internal error/);
  assert.ok(problems.every((p) => /panic|unreachable|deliberate/i.test(p)), problems.join('\n'));
  await context.close();
});
