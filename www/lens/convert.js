// Editors' files that are not a dataset's JSON, converted in the browser by the same core as the
// command line: a RevMan 5 file (.rm5) or a Cochrane data package (the zip, or its CSV files), by
// the importer of `evidence-lens import` (pkg/import/), and a CSV table, by the CLI's reader
// (pkg/table/). Each converter is a wasm module of its own (import-wasm/ in the repository, built
// once per kind), loaded only when such a file comes, so readers of JSON data and of the built-in
// dataset download neither.

import { ensureLanguage, fetchLanguage } from './engine.js';

const MODULES = {
  review: new URL('../pkg/import/evidence_lens_import.js', import.meta.url),
  table: new URL('../pkg/table/evidence_lens_table.js', import.meta.url),
};

/**
 * @typedef {{
 *   convert(names: string[], contents: Uint8Array[], randomised: boolean, lang: string): {json: string, warnings: string[], free(): void},
 *   convertCsv(bytes: Uint8Array, measure: string | undefined, lang: string): {json: Uint8Array, problems: string, free(): void},
 *   hasLanguage?(lang: string): boolean,
 *   installLanguage?(lang: string, json: string): void,
 *   default(init?: unknown): Promise<unknown>,
 * }} ConverterModule
 */

/** @type {Map<'review' | 'table', Promise<ConverterModule>>} */
const loaded = new Map();

/** A converter that could not be downloaded (or started): not a fault of the editor's file. */
export class ConverterUnavailable extends Error {
  /**
   * @param {'review' | 'table'} kind
   * @param {unknown} cause
   */
  constructor(kind, cause) {
    super(`the ${kind} converter could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`);
    /** Where the converter should be on the site. */
    this.folder = new URL('.', MODULES[kind]).pathname;
  }
}

/**
 * A converter module, loaded on first use, and afresh after a failed load. Fails with
 * `ConverterUnavailable`.
 * @param {'review' | 'table'} kind
 * @returns {Promise<ConverterModule>}
 */
export function loadConverter(kind) {
  const loading =
    loaded.get(kind) ??
    (async () => {
      try {
        /** @type {ConverterModule} */
        const mod = await import(MODULES[kind].href);
        await mod.default();
        return mod;
      } catch (error) {
        throw new ConverterUnavailable(kind, error);
      }
    })();
  loaded.set(kind, loading);
  loading.catch(() => {
    if (loaded.get(kind) === loading) loaded.delete(kind);
  });
  return loading;
}

/**
 * Converts review files (one .rm5, one zip, or a data package's CSV files) to a dataset's JSON
 * text and the importer's notes on what it left out. With `randomised`, the editor says the
 * review's studies are randomised trials: those whose design the file does not state are rated
 * as such (as `evidence-lens import --randomised`). The notes, and a failure, are said in `lang`
 * (the page's). Fails with the importer's message.
 * @param {{name: string, bytes: Uint8Array}[]} files
 * @param {boolean} [randomised]
 * @param {string} [lang]
 * @returns {Promise<{json: string, warnings: string[]}>}
 */
export async function convertReview(files, randomised = false, lang = 'en') {
  // What the data tells readers (why a study is not rated as randomised…) is written in every
  // language, as the command line writes it: the dataset serves readers in all of them. The
  // texts download while the converter does; a language that cannot be had is left out of the
  // data, whose readers then get the English.
  for (const each of ['es', 'fr']) fetchLanguage(each)?.catch(() => {});
  const mod = await loadConverter('review');
  await Promise.all(['es', 'fr'].map((each) => ensureLanguage(mod, each)));
  const converted = mod.convert(
    files.map((f) => f.name),
    files.map((f) => f.bytes),
    randomised,
    lang,
  );
  try {
    return { json: converted.json, warnings: [...converted.warnings] };
  } finally {
    converted.free();
  }
}

/**
 * Reads a CSV table (one row per study-outcome) into a dataset's JSON, as UTF-8 bytes (empty when
 * no row could be kept) and the table's own errors and warnings, by row and column. `measure` is for
 * rows whose measure cell is empty; an unknown one fails with a message that names the measures.
 * The problems are said in `lang`, with the texts the widget downloads for it.
 * @param {Uint8Array} bytes
 * @param {string | undefined} measure
 * @param {string} [lang]
 * @returns {Promise<{json: Uint8Array, errors: import('./types.js').Problem[], warnings: import('./types.js').Problem[]}>}
 */
export async function convertTable(bytes, measure, lang = 'en') {
  const mod = await loadConverter('table');
  await ensureLanguage(mod, lang);
  const converted = mod.convertCsv(bytes, measure, lang);
  try {
    /** @type {{errors: import('./types.js').Problem[], warnings: import('./types.js').Problem[]}} */
    const problems = JSON.parse(converted.problems);
    return { json: converted.json, ...problems };
  } finally {
    converted.free();
  }
}
