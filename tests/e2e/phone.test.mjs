// The explorer page on a 390 × 844 phone (touch, as a phone reports itself): the controls
// take at most a fifth of the screen and the chart starts within 169 px of the widget's top;
// the skip link lands on the chart within three Tab presses; a tapped item opens its details
// in a sheet next to it; arrow keys scroll the focused item into view; the data table reads
// on a phone (no word broken letter by letter).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, openPage, waitForReady, tapItem, embedPage } from './browser.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

let browser;
let server;

before(async () => {
  const extra = {};
  for (const lang of ['en', 'es', 'fr']) extra[`/${lang}.html`] = embedPage(`<evidence-lens lang="${lang}"></evidence-lens>`, { lang, head: '<meta name="viewport" content="width=device-width">' });
  server = await startServer({ strictCsp: true, extra });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const widget = (page) => page.locator('evidence-lens');

test('390 × 844: the controls take at most a fifth of the screen and the chart starts within 169 px of the widget', async () => {
  const { page, context, problems } = await openPage(browser, server.url, PHONE);
  await waitForReady(page);
  const m = await widget(page).evaluate((el) => {
    const root = el.shadowRoot;
    const host = el.getBoundingClientRect();
    const controls = root.querySelector('.controls').getBoundingClientRect();
    const stage = root.querySelector('.stage').getBoundingClientRect();
    const tabs = [...root.querySelectorAll('[role="tab"]')];
    return {
      controls: controls.height,
      chartTop: stage.top - host.top,
      tabs: tabs.length,
      tablist: root.querySelector('[role="tablist"]').getBoundingClientRect().height,
      hostWidth: host.width,
      pageWidth: document.documentElement.scrollWidth,
      filtersHidden: root.querySelector('.filters').hidden,
      menuHidden: root.querySelector('[role="menu"]').hidden,
    };
  });
  console.log(`# 390x844: controls ${m.controls.toFixed(1)} px, chart top ${m.chartTop.toFixed(1)} px below the widget's top`);
  assert.ok(m.controls <= 844 / 5, `controls are ${m.controls} px tall`);
  assert.ok(m.chartTop <= 169, `the chart starts ${m.chartTop} px below the widget's top`);
  assert.ok(m.tabs >= 5, `${m.tabs} view tabs`);
  assert.ok(m.filtersHidden && m.menuHidden, 'filters and the menu start closed');
  assert.ok(m.pageWidth <= 390, `the page is ${m.pageWidth} px wide`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the skip link lands on the chart within three Tab presses from the top of the page', async () => {
  const { page, context, problems } = await openPage(browser, server.url, PHONE);
  await waitForReady(page);
  const onChart = () => widget(page).evaluate((el) => el.shadowRoot.activeElement?.classList.contains('stage') ?? false);
  let presses = 0;
  let reached = false;
  while (presses < 3 && !reached) {
    await page.keyboard.press('Tab');
    presses += 1;
    const skip = await page.evaluate(() => document.activeElement?.classList.contains('skip'));
    if (skip) await page.keyboard.press('Enter');
    reached = await onChart();
  }
  console.log(`# the chart has the focus after ${presses} Tab press(es)`);
  assert.ok(reached, `not on the chart after ${presses} Tab presses`);
  // The keyboard is on the first item, which is announced; the chart is on screen, and so is
  // the item from its top (a tall first item may scroll the chart's top edge off a little).
  const state = await widget(page).evaluate((el) => {
    const stage = el.shadowRoot.querySelector('.stage').getBoundingClientRect();
    const item = el.shadowRoot.querySelector('.marker').getBoundingClientRect();
    return { focused: el.__testHook.interaction().focused, first: el.__testHook.keys()[0], live: el.shadowRoot.querySelector('[aria-live]').textContent, top: stage.top, bottom: stage.bottom, itemTop: item.top };
  });
  assert.equal(state.focused, state.first);
  assert.match(state.live, /1 of \d+/);
  assert.ok(state.top < 844 && state.bottom > 0, `the chart is at ${state.top} to ${state.bottom}`);
  assert.ok(state.itemTop >= -1 && state.itemTop < 844, `the first item is at ${state.itemTop}`);
  // The permalink in the address is untouched by the skip link.
  assert.ok(!(await page.evaluate(() => location.hash)).includes('#explorer'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a tapped item opens its details in a bottom sheet next to it, showing that item; Escape closes it', async () => {
  const { page, context, problems } = await openPage(browser, server.url, PHONE);
  await waitForReady(page);
  // Low on the screen, where the sheet will cover it: it must move up to just above the sheet.
  for (const y of [780, 300]) {
    const mist = await tapItem(page, /^MIST/, { at: y, view: 'forest' });
    const seen = await widget(page).evaluate((el, k) => {
      const root = el.shadowRoot;
      const sheet = root.querySelector('.details');
      const r = sheet.getBoundingClientRect();
      return {
        item: el.__testHook.clientRect(k),
        sheet: { top: r.top, bottom: r.bottom, left: r.left, right: r.right, position: getComputedStyle(sheet).position },
        text: sheet.textContent,
        interaction: el.__testHook.interaction(),
        focusInSheet: sheet.contains(root.activeElement),
        selected: el.state.selected,
      };
    }, mist.key);
    const what = JSON.stringify(seen);
    assert.equal(seen.sheet.position, 'fixed', what);
    assert.ok(Math.abs(seen.sheet.bottom - 844) <= 1 && seen.sheet.left <= 0 && seen.sheet.right >= 390, `not a bottom sheet: ${what}`);
    assert.ok(seen.sheet.top < 844 * 0.6, `the sheet is too small: ${what}`);
    // Next to the item: the item is on screen, just above the sheet or close to it, not covered.
    assert.ok(seen.item.top >= 0 && seen.item.bottom <= seen.sheet.top + 1, `the sheet covers the item: ${what}`);
    if (y === 780) assert.ok(seen.sheet.top - seen.item.bottom <= 40, `the item is not next to the sheet: ${what}`);
    assert.ok(seen.text.includes(mist.label), what);
    assert.ok(!seen.text.includes('MESEMS'), `the sheet shows another item: ${what}`);
    assert.equal(seen.selected, mist.key);
    assert.equal(seen.interaction.details, mist.key);
    assert.ok([null, mist.key].includes(seen.interaction.tooltip), what);
    assert.ok(seen.focusInSheet, 'the sheet has the focus');
    await page.keyboard.press('Escape');
    const closed = await widget(page).evaluate((el) => ({ hidden: el.shadowRoot.querySelector('.details').hidden, selected: el.state.selected, focus: el.shadowRoot.activeElement?.className }));
    assert.deepEqual(closed, { hidden: true, selected: null, focus: 'stage' });
  }
  // The close button closes it too.
  await tapItem(page, /^MIST/, { at: 400, view: 'forest' });
  // As a reader would, a moment later (a tap's own focus comes within a second and a half).
  await page.waitForTimeout(1600);
  await widget(page).locator('[data-control="close-details"]').tap();
  const after = await widget(page).evaluate((el) => ({ hidden: el.shadowRoot.querySelector('.details').hidden, ...el.__testHook.interaction() }));
  assert.equal(after.hidden, true);
  // Back on the chart without a tooltip popping up: the finger, not the keyboard, closed it.
  assert.equal(after.tooltip, null, JSON.stringify(after));
  assert.equal(after.selected, null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('arrow keys scroll the focused item into view on a phone', async () => {
  const { page, context, problems } = await openPage(browser, server.url, PHONE);
  await waitForReady(page);
  await widget(page).evaluate((el) => el.focus());
  await page.keyboard.press('End');
  const end = await widget(page).evaluate((el) => {
    const key = el.__testHook.interaction().focused;
    return { key, last: el.__testHook.keys().at(-1), rect: el.__testHook.clientRect(key) };
  });
  assert.equal(end.key, end.last);
  assert.ok(end.rect.top >= 0 && end.rect.bottom <= 844, `the last item is off screen: ${JSON.stringify(end.rect)}`);
  await page.keyboard.press('Home');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
  const moved = await widget(page).evaluate((el) => el.__testHook.clientRect(el.__testHook.interaction().focused));
  assert.ok(moved.top >= 0 && moved.bottom <= 844, `the focused item is off screen: ${JSON.stringify(moved)}`);
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * Words (runs of letters and digits, up to 20 of them) that the table shows on more than one
 * line: a word broken letter by letter.
 */
function brokenWords() {
  const root = document.querySelector('evidence-lens').shadowRoot;
  const broken = [];
  let words = 0;
  for (const cell of root.querySelectorAll('table th, table td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/[\p{L}\p{N}]+/gu)) {
        if (m[0].length > 20) continue;
        words += 1;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(`${m[0]} (${lines.size} lines)`);
      }
    }
  }
  return { broken, words };
}

for (const width of [390, 800]) {
  test(`the data table reads at ${width} px: no word broken letter by letter`, async () => {
    const { page, context, problems } = await openPage(browser, server.url, width === 390 ? PHONE : { viewport: { width, height: 900 } });
    await waitForReady(page);
    await widget(page).locator('[data-control="table"]').click();
    const shown = await widget(page).evaluate((el) => {
      const box = el.shadowRoot.querySelector('.table-box');
      const r = box.getBoundingClientRect();
      return { open: !box.classList.contains('visually-hidden'), top: r.top, width: r.width, focus: el.shadowRoot.activeElement?.localName };
    });
    assert.ok(shown.open, 'the table is not shown');
    // Opening it brings it to the reader: on screen, with the focus.
    assert.ok(shown.top >= -1 && shown.top < 300, `the table starts at ${shown.top}`);
    assert.equal(shown.focus, 'table');
    // Every view's table.
    let words = 0;
    for (const view of await widget(page).evaluate((el) => [...el.shadowRoot.querySelectorAll('[role="tab"]')].map((t) => t.dataset.view))) {
      await widget(page).evaluate((el, v) => el.setView(v), view);
      const found = await page.evaluate(brokenWords);
      words += found.words;
      assert.deepEqual(found.broken, [], `words broken across lines in the ${view} table at ${width} px`);
    }
    assert.ok(words > 500, `only ${words} words checked`);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(pageWidth <= width, `the page is ${pageWidth} px wide`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the selected tab is scrolled into view in the tablist, also when the view is set from code', async () => {
  const { page, context, problems } = await openPage(browser, server.url, PHONE);
  await waitForReady(page);
  for (const view of ['claims', 'funnel', 'forest']) {
    const r = await widget(page).evaluate(async (el, v) => {
      el.setView(v);
      // By the next frame, when a reader first sees it (the tab is measured with that frame's layout).
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const list = el.shadowRoot.querySelector('[role="tablist"]').getBoundingClientRect();
      const tab = el.shadowRoot.querySelector(`[role="tab"][data-view="${v}"]`).getBoundingClientRect();
      return { list: [list.left, list.right], tab: [tab.left, tab.right], scrollY };
    }, view);
    assert.ok(r.tab[0] >= r.list[0] - 1 && r.tab[1] <= r.list[1] + 1, `${view}: ${JSON.stringify(r)}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a row of tabs wider than the phone fades on the side where it goes on', async () => {
  const { page, context, problems } = await openPage(browser, server.url, PHONE);
  await waitForReady(page);
  /** The tablist's overflow marks and fade, a frame after the view was set. */
  const seen = (view) => widget(page).evaluate(async (el, v) => {
    el.setView(v);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const list = el.shadowRoot.querySelector('[role="tablist"]');
    return { classes: [...list.classList].sort(), mask: getComputedStyle(list).maskImage, wider: list.scrollWidth > list.clientWidth };
  }, view);
  const first = await seen('summary');
  assert.ok(first.wider, 'the tabs fit a 390 px phone: nothing to test');
  assert.deepEqual(first.classes, ['more-after', 'tabs']);
  assert.match(first.mask, /linear-gradient/);
  const last = await seen('funnel');
  assert.ok(last.classes.includes('more-before') && !last.classes.includes('more-after'), JSON.stringify(last));
  assert.deepEqual(problems, []);
  await context.close();
  // In the dark theme only the selected tab is underlined (the buttons' border had drawn a bar
  // under every tab).
  const dark = await openPage(browser, server.url, { ...PHONE, colorScheme: 'dark' });
  await waitForReady(dark.page);
  const borders = await widget(dark.page).evaluate((el) => [...el.shadowRoot.querySelectorAll('[role="tab"]')].map((t) => [t.getAttribute('aria-selected'), getComputedStyle(t).borderBottomColor]));
  assert.ok(borders.length > 2, JSON.stringify(borders));
  for (const [selected, colour] of borders) assert.equal(colour === 'rgba(0, 0, 0, 0)', selected !== 'true', JSON.stringify(borders));
  assert.deepEqual(dark.problems, []);
  await dark.context.close();
});

test('a tapped answer says what its words mean, one tap further, in the reader\'s language', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?lang=es`, PHONE);
  await waitForReady(page);
  const ahsct = await tapItem(page, /^AHSCT/);
  // Its headline is said once, not again as what it means.
  const headline = await widget(page).evaluate((el, key) => {
    const said = el.shadowRoot.querySelector('.details-body').textContent;
    const { detail } = el.__testHook.item(key);
    return { detail, times: said.split(detail).length - 1 };
  }, ahsct.key);
  assert.ok(headline.detail.length > 40 && headline.times === 1, JSON.stringify(headline));
  const folded = await widget(page).evaluate((el) => {
    const box = el.shadowRoot.querySelector('.details .glossary');
    return box && { open: box.open, heading: box.querySelector('summary').textContent, last: box === el.shadowRoot.querySelector('.details-body').lastElementChild };
  });
  assert.deepEqual(folded, { open: false, heading: 'Qué significan estas palabras', last: true }, 'folded, last in the details, in Spanish');
  await widget(page).locator('.details .glossary summary').tap();
  const words = await widget(page).evaluate((el) => {
    const box = el.shadowRoot.querySelector('.details .glossary');
    return { open: box.open, words: [...box.querySelectorAll('dt')].map((d) => [d.textContent, d.nextElementSibling?.textContent ?? '']) };
  });
  assert.ok(words.open);
  const said = Object.fromEntries(words.words);
  // The card's interval and certainty, and the hazard ratio its details give, each with a meaning.
  for (const word of ['IC del 95\u00a0%', 'Certeza', 'Cociente de riesgos instantáneos']) {
    assert.ok(said[word]?.length > 20, `${word}: ${JSON.stringify(words.words)}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the summary answers first, and each answer opens the forest, harms and claims of its therapy', async () => {
  const { page, context, problems } = await openPage(browser, server.url, PHONE);
  await waitForReady(page);
  assert.equal(await widget(page).evaluate((el) => el.state.view), 'summary', 'the first view is the summary');
  await tapItem(page, /^AHSCT/);
  // The sheet says what was tapped: a treatment's answer, not "a result".
  assert.equal(await widget(page).evaluate((el) => el.shadowRoot.querySelector('.details-title').textContent), 'Selected treatment');
  const buttons = await widget(page).evaluate((el) => [...el.shadowRoot.querySelectorAll('.details [data-control="open-view"]')].map((b) => b.textContent));
  assert.deepEqual(buttons, ['Forest plot: AHSCT', 'Benefit and harm: AHSCT', 'Claims: AHSCT'], buttons.join(' | '));
  await widget(page).evaluate((el) => el.shadowRoot.querySelector('.details [data-control="open-view"]').click());
  await page.waitForFunction(() => document.querySelector('evidence-lens').state.view === 'forest');
  const state = await widget(page).evaluate((el) => el.state);
  assert.deepEqual(state.filters.therapy, ['AHSCT']);
  // Only AHSCT's studies are on the forest now.
  const labels = await widget(page).evaluate((el) => el.__testHook.keys().map((k) => el.__testHook.item(k)?.label ?? ''));
  assert.ok(labels.some((l) => l.startsWith('MIST')), labels.join(' | '));
  assert.ok(!labels.some((l) => l.startsWith('MESEMS')), labels.join(' | '));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a long answer\'s sheet keeps its close button in view as it scrolls; the menu opens within a 320 px screen', async () => {
  const { page, context, problems } = await openPage(browser, server.url, PHONE);
  await waitForReady(page);
  await tapItem(page, /^AHSCT/);
  const scrolled = await widget(page).evaluate((el) => {
    const sheet = el.shadowRoot.querySelector('.details');
    sheet.scrollTop = 300;
    const close = el.shadowRoot.querySelector('[data-control="close-details"]').getBoundingClientRect();
    return { scrolled: sheet.scrollTop, top: sheet.getBoundingClientRect().top, close: { top: close.top, bottom: close.bottom } };
  });
  assert.ok(scrolled.scrolled > 100, `the answer's details do not scroll: ${JSON.stringify(scrolled)}`);
  assert.ok(scrolled.close.top >= scrolled.top - 1, `the close button scrolled away: ${JSON.stringify(scrolled)}`);
  await widget(page).locator('[data-control="close-details"]').tap();
  assert.equal(await widget(page).evaluate((el) => el.shadowRoot.querySelector('.details').hidden), true);
  await context.close();

  // French and Spanish labels wrap the menu's button to the start of its row at 320 px: the
  // menu opens from there, every item whole on the screen.
  for (const lang of ['fr', 'es', 'en']) {
    const { page, context } = await openPage(browser, `${server.url}${lang}.html`, { ...PHONE, viewport: { width: 320, height: 700 } });
    await waitForReady(page);
    await widget(page).locator('[data-control="menu"]').tap();
    const items = await widget(page).evaluate((el) => [...el.shadowRoot.querySelectorAll('[role="menuitem"]')].map((b) => {
      const r = b.getBoundingClientRect();
      return { text: b.textContent, left: r.left, right: r.right, scroll: b.scrollWidth, width: b.clientWidth };
    }));
    // (No copy-link: the widget has no id for a link to point at.)
    assert.equal(items.length, 4, JSON.stringify(items));
    for (const i of items) assert.ok(i.left >= 0 && i.right <= 320 && i.scroll <= i.width + 1, `${lang}: ${JSON.stringify(i)}`);
    await context.close();
  }
  assert.deepEqual(problems, []);
});
