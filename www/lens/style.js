// The element's styles: one constructed stylesheet shared by every widget (adoptedStyleSheets,
// which a strict `style-src 'self'` allows; no style attribute is ever written as text, and
// sizes and places are set through CSSOM). There is no animation, so `prefers-reduced-motion`
// needs nothing.

const STYLE = `
:host { display: block; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
:host([hidden]) { display: none; }
.root { color: #1a1a1a; background: #fff; }
.root.dark { color: #ececec; background: #181a1b; }
[hidden] { display: none !important; }
a { color: #005a8c; }
.dark a { color: #8fd0f5; }
button, select { font: inherit; font-size: 0.95em; color: inherit; background: #fff; border: 1px solid #767676; border-radius: 4px; padding: 0.3em 0.6em; min-height: 2.2em; }
.dark button, .dark select { background: #2a2d2e; border-color: #9a9a9a; }
@media (pointer: coarse) { button, select { min-height: 2.6em; } }
button:focus-visible, select:focus-visible, a:focus-visible, .stage:focus-visible, .details:focus-visible, table:focus-visible, th:focus-visible { outline: 3px solid #005a8c; outline-offset: 2px; }
.dark button:focus-visible, .dark select:focus-visible, .dark a:focus-visible, .dark .stage:focus-visible, .dark .details:focus-visible, .dark table:focus-visible, .dark th:focus-visible { outline-color: #8fd0f5; }

/* Controls: the tabs, then Filters, the table toggle and the menu; one row when they fit. */
.controls { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.4em 0.75em; margin: 0 0 0.5em; }
.tabs { display: flex; flex: 1 1 auto; min-width: 0; gap: 0.15em; overflow-x: auto; overscroll-behavior-x: contain; scrollbar-width: thin;
  padding: 3px 3px 0; border-bottom: 1px solid #767676; }
.dark .tabs { border-bottom-color: #9a9a9a; }
.tabs.more-after { --fade: linear-gradient(to right, #000 calc(100% - 1.5em), transparent); }
.tabs.more-before { --fade: linear-gradient(to left, #000 calc(100% - 1.5em), transparent); }
.tabs.more-before.more-after { --fade: linear-gradient(to right, transparent, #000 1.5em, #000 calc(100% - 1.5em), transparent); }
.tabs.more-before, .tabs.more-after { -webkit-mask-image: var(--fade); mask-image: var(--fade); }
[role="tab"] { flex: none; white-space: nowrap; border: 0; border-bottom: 3px solid transparent; border-radius: 4px 4px 0 0; background: transparent; margin-bottom: -1px; }
.dark [role="tab"] { background: transparent; border-color: transparent; }
[role="tab"][aria-selected="true"] { border-bottom-color: #005a8c; color: #005a8c; font-weight: 600; }
.dark [role="tab"][aria-selected="true"] { border-bottom-color: #8fd0f5; color: #8fd0f5; }
[role="tab"]:focus-visible { outline-offset: -3px; }
.actions { display: flex; flex: 0 1 auto; min-width: 0; flex-wrap: wrap; gap: 0.3em; margin-inline-start: auto; }
.filters-toggle[aria-expanded="true"], [data-control="table"][aria-expanded="true"], [data-control="menu"][aria-expanded="true"] { background: #e6f1f8; }
.dark .filters-toggle[aria-expanded="true"], .dark [data-control="table"][aria-expanded="true"], .dark [data-control="menu"][aria-expanded="true"] { background: #1e3a4a; }
.filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 9.5em), 1fr)); gap: 0.5em 0.75em; margin: 0 0 0.5em; padding: 0.5em 0.6em;
  border: 1px solid #767676; border-radius: 4px; }
.dark .filters { border-color: #9a9a9a; }
.field { display: flex; flex-direction: column; min-width: 0; }
.field > span { font-size: 0.85em; color: #4d4d4d; }
.dark .field > span { color: #c4c4c4; }
.field select { width: 100%; min-width: 0; text-overflow: ellipsis; }
.menu-wrap { position: relative; }
.menu { position: absolute; inset-inline-end: 0; top: calc(100% + 4px); z-index: 5; min-width: 14em; padding: 0.25em 0; background: #fff;
  border: 1px solid #767676; border-radius: 4px; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.25); }
.menu.from-start { inset-inline-end: auto; inset-inline-start: 0; }
.dark .menu { background: #2a2d2e; border-color: #9a9a9a; }
[role="menuitem"] { display: block; width: 100%; text-align: start; border: 0; border-radius: 0; background: transparent; white-space: nowrap; }
.dark [role="menuitem"] { background: transparent; }
[role="menuitem"]:hover, [role="menuitem"]:focus { background: #e6f1f8; }
.dark [role="menuitem"]:hover, .dark [role="menuitem"]:focus { background: #1e3a4a; }
[role="menuitem"]:focus-visible { outline-offset: -3px; }

.status:empty { display: none; }
.status { margin: 0.5em 0; }
.problems { margin: 0.5em 0; padding: 0.5em 0.75em; border-inline-start: 4px solid #b34700; background: rgba(213, 94, 0, 0.08); overflow-wrap: anywhere; }
.problems ul { margin: 0.25em 0 0; padding-inline-start: 1.25em; }
.poster img { display: block; width: 100%; height: auto; cursor: progress; }
.problems.quiet { border-inline-start-color: currentColor; background: none; opacity: 0.8; font-size: 0.875em; }

/* The chart. The canvas is transparent: the stage carries the theme's background (the same
   colours as the chart's theme), kept in forced-colours mode and in print, where the
   chart's own colours need it. */
.frame { position: relative; overflow-x: clip; }
.frame.fixed { overflow-y: auto; }
.stage { position: relative; direction: ltr; background: #fff; forced-color-adjust: none; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.dark .stage { background: #181a1b; }
canvas { display: block; width: 100%; }
canvas.chart { position: absolute; left: 0; top: 0; }
canvas.overlay { position: absolute; inset: 0 auto auto 0; pointer-events: none; }
.marker { position: absolute; left: 0; top: 0; width: 1px; height: 1px; pointer-events: none; visibility: hidden; scroll-margin: 0.5em; }

/* The tooltip and the selected item's details. */
.tooltip, .details { text-align: start; overflow-wrap: anywhere; forced-color-adjust: auto; background: #fff; color: #1a1a1a;
  border: 1px solid #767676; border-radius: 4px; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.25); }
.dark .tooltip, .dark .details { background: #2a2d2e; color: #ececec; border-color: #9a9a9a; }
.tooltip { position: absolute; z-index: 3; max-width: min(26em, 90%); font-size: 0.9em; padding: 0.5em 0.7em; pointer-events: none; }
.tooltip p, .details p { margin: 0.15em 0; white-space: pre-line; }
.tooltip ul, .details ul { margin: 0.15em 0; padding-inline-start: 1.2em; }
.details { position: absolute; z-index: 4; left: 0; top: 0; width: min(30em, 100%); max-height: min(70vh, 34em); overflow-y: auto; padding: 0.4em 0.75em 0.6em; }
/* The head (title and close button) stays in view while the details scroll under it. */
.details-head { display: flex; align-items: flex-start; justify-content: space-between; gap: 0.5em;
  position: sticky; top: -0.4em; z-index: 1; background: inherit; margin: -0.4em -0.75em 0; padding: 0.4em 0.75em 0; }
.details.sheet .details-head { margin-inline: -1em; padding-inline: 1em; }
.details-title { font-size: 0.85em; font-weight: 600; margin: 0.35em 0 0; color: #4d4d4d; }
.dark .details-title { color: #c4c4c4; }
.details .close { flex: none; min-width: 2.75em; min-height: 2.75em; font-size: 1.1em; line-height: 1; }
.details .statement { font-style: italic; }
.details .openers { display: flex; flex-wrap: wrap; gap: 0.4em; margin-top: 0.5em; }
.details .openers button { min-height: 2.75em; }
.details .glossary summary { cursor: pointer; padding: 0.6em 0; font-weight: 600; }
.details dl { margin: 0 0 0.3em; }
.details dt { font-weight: 600; }
.details dd { margin: 0 0 0.4em; }
/* On a narrow screen, a sheet along the bottom of the screen. */
.details.sheet { position: fixed; left: 0; right: 0; top: auto; bottom: 0; width: auto; max-height: 45vh; border-radius: 12px 12px 0 0; border-width: 1px 0 0;
  box-shadow: 0 -4px 16px rgba(0, 0, 0, 0.3); padding: 0.4em 1em calc(0.75em + env(safe-area-inset-bottom, 0px)); }
.label { font-weight: 600; }
.muted { color: #4d4d4d; }
.dark .muted { color: #c4c4c4; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

/* The data table: words never break (a column is as wide as its longest word); only tokens
   longer than 20 characters (URLs, identifiers) may break anywhere. Cards of "column: value"
   lines when the widget is narrow. */
.table-box { margin-top: 0.5em; container-type: inline-size; }
table { border-collapse: collapse; font-size: 0.9em; width: 100%; }
caption { text-align: start; font-weight: 600; padding: 0.25em 0; }
th, td { text-align: start; vertical-align: top; padding: 0.25em 0.6em; border-bottom: 1px solid rgba(128, 128, 128, 0.5); }
.long { overflow-wrap: anywhere; }
.c-study { min-width: 9em; } .c-result { min-width: 11em; } .c-value { min-width: 8em; } .c-n { min-width: 4.5em; } .c-certainty { min-width: 5.5em; } .c-source { min-width: 9em; }
td a { margin-inline-end: 0.5em; }
.table-more { margin-top: 0.5em; }
@container (max-width: 44em) {
  table, caption, tbody, tr, th, td { display: block; min-width: 0; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  tr { margin: 0 0 0.5em; padding: 0.35em 0.6em; border: 1px solid rgba(128, 128, 128, 0.6); border-radius: 4px; }
  th, td { border: 0; padding: 0.1em 0; }
  tbody th { font-size: 1.05em; }
  td:empty { display: none; }
  td[data-label]::before { content: attr(data-label); font-weight: 600; }
}
`;

/** @type {CSSStyleSheet | null} */
let sheet = null;

/** The element's stylesheet, made once per page. */
export function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
}
