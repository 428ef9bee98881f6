// The shapes the shell's modules pass between them, as JSDoc types checked by
// `tsc --noEmit` (tsconfig.json). No code: importing this file does nothing.

/** @typedef {import('../pkg/evidence_lens.js').Widget} Widget */
/** @typedef {typeof import('../pkg/evidence_lens.js')} EngineModule */

/** @typedef {{kind: string, url: string}} SourceLink */

/**
 * One thing in the chart (a row, a point, a claim), as the engine's `item(key)` and
 * `itemsIn(from, to)` give it (`src/chart/item.rs` `Item` with `src/chart/citations.rs` `ItemRow`).
 * @typedef {object} Item
 * @property {string} key
 * @property {string} label
 * @property {string} detail
 * @property {string} value the numbers written out, in the widget's language
 * @property {number | null} n
 * @property {string} [nText] `n` as the reader's language writes it (the shell adds it)
 * @property {string | null} certainty GRADE certainty in words
 * @property {string[]} caveats
 * @property {string | null} source_url
 * @property {string | null} design
 * @property {number | null} year
 * @property {string | null} studyId
 * @property {string | null} citation
 * @property {SourceLink[]} links
 * @property {Gloss[]} [glossary] what the words of a summary answer or a claim and its details mean
 */

/** @typedef {{word: string, meaning: string}} Gloss */

/** @typedef {{key: string, label: string, text: string, links: SourceLink[]}} Citation */

/** @typedef {'condition' | 'therapy' | 'route' | 'design' | 'kind'} FilterKey */
/** @typedef {Partial<Record<FilterKey, string[]>>} Filters */

/**
 * What the reader chose: the view, outcome, filters, sort and the selected item.
 * @typedef {object} ViewState
 * @property {string} view
 * @property {string} outcome
 * @property {Filters} filters
 * @property {string} sort
 * @property {string | null} selected
 */

/** @typedef {{path: string, message: string}} Problem */
/** @typedef {{ok: boolean, studies: number, errors: Problem[], warnings: Problem[]}} LoadReport */

/**
 * A filter's value as a menu offers it: the data's words and their name in the reader's language.
 * @typedef {{value: string, name: string}} Choice
 */

/**
 * The values the menus offer, from the engine (`src/chart/facets.rs`).
 * @typedef {object} Facets
 * @property {Choice[]} [conditions]
 * @property {Choice[]} [therapies]
 * @property {Choice[]} [routes]
 * @property {string[]} [designs]
 * @property {string[]} [kinds]
 * @property {{id: string, name: string}[]} [outcomes]
 * @property {string[]} [views] the engine's views, the default first
 * @property {string[]} [sorts]
 */

/** An item's place in CSS pixels from the chart's top left. @typedef {{x: number, y: number, width: number, height: number}} Box */

/** Every interface string by key (`src/i18n.rs`). @typedef {Record<string, string>} Strings */

// The supported way for tests and benchmarks to look inside a widget, instead of reaching
// into its private members. Off unless the page asks for it, before the element is created:
//   <evidence-lens test-hook>            (an attribute), or
//   window.EVIDENCE_LENS_TEST = true     (a global flag, e.g. from a test's init script)
// Then `el.__testHook` is an object of the functions below; otherwise it is undefined.
// It reads state and asks the engine; the one thing it changes is `crash()`.

/**
 * What a widget lets the hook see.
 * @typedef {object} TestHook
 * @property {() => import('./state.js').Phase} phase the lifecycle phase: `loading`, `shown`, `failed`, `crashed`, `disconnected`
 * @property {() => import('./state.js').Step} step how far a load has come: `wait` (until the widget is wanted), `engine`, `read`, `appraise`, `draw` ('' when not loading)
 * @property {() => boolean} loaded whether data has been read and can be drawn
 * @property {() => string[]} keys the items in keyboard order
 * @property {() => number} itemCount how many items the view has (the table's rows, all pages)
 * @property {(key: string) => Item | null} item
 * @property {(key: string) => Box | null} bounds where an item is, in CSS pixels from the chart's top left
 * @property {(key: string) => {left: number, top: number, right: number, bottom: number, width: number, height: number} | null} clientRect where an item is on the screen
 * @property {(key: string) => string | null} statement what the appraisal says the item means
 * @property {() => {focused: string | null, hovered: string | null, selected: string | null, tooltip: string | null, details: string | null}} interaction which item each part of the widget is on
 * @property {(n: number) => void} appendRows adds up to n rows to the data table
 * @property {() => string} crash makes the wasm instance trap, as an internal error would; returns the message shown
 */


export {};
