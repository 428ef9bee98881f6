// Types for the <evidence-lens> custom element (www/evidence-lens.js).

export type View = 'summary' | 'forest' | 'map' | 'harms' | 'claims' | 'funnel';
export type Sort = 'dataset' | 'year' | 'effect' | 'size' | 'certainty';
export type FilterKey = 'condition' | 'therapy' | 'route' | 'design' | 'kind';
export type Design =
  | 'rct' | 'crossover_rct' | 'non_randomised_controlled' | 'single_arm' | 'cohort' | 'case_series' | 'systematic_review';

/** Each key keeps what matches any of its values; a missing or empty key keeps everything. */
export interface Filters {
  condition?: string | string[];
  therapy?: string | string[];
  route?: string | string[];
  design?: Design | Design[];
  kind?: 'benefit' | 'harm' | Array<'benefit' | 'harm'>;
}

/** One of a view's posters: its file name, width in CSS px, theme and SVG document. */
export interface Poster {
  name: string;
  width: number;
  theme: 'light' | 'dark';
  svg: string;
}

/** A link to a source: always an absolute http(s) URL. */
export interface SourceLink {
  kind: 'doi' | 'pubmed' | 'trial' | 'web';
  url: string;
}

/** One thing in the chart (a row, a point, a claim): the `select` event's detail. */
export interface Item {
  /** Stable key, e.g. `mesems_2021/gel` or `claim/c1`. */
  key: string;
  label: string;
  detail: string;
  /** The numbers written out, in the widget's language. */
  value: string;
  n: number | null;
  certainty: string | null;
  caveats: string[];
  source_url: string | null;
  design: string | null;
  year: number | null;
  studyId: string | null;
  citation: string | null;
  links: SourceLink[];
  /** What the words of a summary answer or a claim, and of its details, mean; absent for other items and where no word needs explaining. */
  glossary?: Gloss[];
}

/** A word of the widget's text and what it means, in the widget's language. */
export interface Gloss {
  word: string;
  meaning: string;
}

export interface Citation {
  key: string;
  label: string;
  text: string;
  links: SourceLink[];
}

export interface WidgetState {
  view: View;
  outcome: string;
  filters: { [K in FilterKey]?: string[] };
  sort: Sort | '';
  selected: string | null;
}

export interface ReadyDetail {
  studies: number;
  items: number;
  warnings: number;
  errors: number;
  view: View;
}

/** A box on the screen or in the chart, in CSS pixels. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/**
 * For tests and benchmarks: present only when the page set `window.EVIDENCE_LENS_TEST = true`
 * before the element was created, or the element has the `test-hook` attribute.
 */
export interface EvidenceLensTestHook {
  phase(): 'disconnected' | 'loading' | 'shown' | 'failed' | 'crashed';
  step(): '' | 'wait' | 'engine' | 'read' | 'appraise' | 'draw';
  loaded(): boolean;
  keys(): string[];
  itemCount(): number;
  item(key: string): Item | null;
  /** In CSS pixels from the chart's top left. */
  bounds(key: string): { x: number; y: number; width: number; height: number } | null;
  clientRect(key: string): Rect | null;
  statement(key: string): string | null;
  interaction(): { focused: string | null; hovered: string | null; selected: string | null; tooltip: string | null; details: string | null };
  appendRows(n: number): void;
  /** Makes the wasm instance trap, as an internal error would; returns the message shown. */
  crash(): string;
}

/** `ready` for a poster: the engine's chart follows with `interactive`. */
export interface PosterDetail {
  poster: true;
  view: View | string;
}

export interface EvidenceLensEventMap extends Omit<HTMLElementEventMap, 'error'> {
  /** A chart is on screen: the poster (`detail.poster`) or the engine's chart. */
  ready: CustomEvent<ReadyDetail | PosterDetail>;
  /** The engine's chart is drawn and works. */
  interactive: CustomEvent<ReadyDetail>;
  select: CustomEvent<Item>;
  error: CustomEvent<{ message: string }>;
  viewchange: CustomEvent<{ view: View }>;
}

/**
 * `<evidence-lens>`. Attributes: `src`, `view`, `outcome`, `measure`, `method`, `filter`
 * (`therapy:AHSCT;design:rct,crossover_rct`), `theme` (`light` | `dark` | `auto`), `lang`
 * (`en` | `es` | `fr`), `height` (CSS length; the chart scrolls inside it).
 */
export declare class EvidenceLens extends HTMLElement {
  /**
   * A dataset object (the JSON shape) or JSON text, or a file (a `File` or `Blob`: JSON, CSV, or a
   * review, `.rm5` or data package `.zip`, converted in the browser); replaces `src` and inline data.
   */
  data: unknown;
  /** The current view, outcome, filters, sort and selection. */
  readonly state: WidgetState;
  /** Resolves when the first chart is on screen. */
  whenReady(): Promise<void>;
  /** Shows a view; an empty name shows the engine's first (the default). */
  setView(view: View): void;
  setFilter(filters: Filters | null): void;
  setOutcome(outcome: string | null): void;
  setSort(sort: Sort | null): void;
  /** Selects an item by key (null clears); false when the view has no such item. */
  select(key: string | null): boolean;
  /** The whole chart as a PNG, on the theme's background, at its on-screen width × devicePixelRatio. */
  toPNG(): Promise<Blob>;
  /** The chart as an SVG document at its on-screen width. */
  toSVG(): Promise<string>;
  /**
   * The current view's posters for the `poster` attribute: `narrow-light.svg`, `narrow-dark.svg`
   * (390 px), `wide-light.svg` and `wide-dark.svg` (800 px), as `evidence-lens render --poster`
   * writes, with their text alternative (the view in words).
   */
  posters(): Promise<{ alt: string; files: Poster[] }>;
  /** The items of the current view as CSV (header row first). */
  toCSV(): Promise<string>;
  /** The sources of the studies in the current view. */
  citations(): Promise<Citation[]>;
  /** Focuses the chart (the keyboard lands on its items), not the first control. */
  focus(options?: FocusOptions): void;
  /** See `EvidenceLensTestHook`; undefined unless the page asked for it. */
  readonly __testHook: EvidenceLensTestHook | undefined;

  addEventListener<K extends keyof EvidenceLensEventMap>(type: K, listener: (this: EvidenceLens, ev: EvidenceLensEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof EvidenceLensEventMap>(type: K, listener: (this: EvidenceLens, ev: EvidenceLensEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** An absolute http(s) URL, or null. */
export declare function safeUrl(value: unknown): string | null;
/** `therapy:AHSCT;design:rct` → `{therapy: ['AHSCT'], design: ['rct']}`; throws on unknown keys. */
export declare function parseFilter(text: string): { [K in FilterKey]?: string[] };

declare global {
  interface HTMLElementTagNameMap {
    'evidence-lens': EvidenceLens;
  }
}
