// Where the data comes from: the `data` property (JSON as text or an object, or a file the reader
// chose: a Blob or File), an inline `<script type="application/json">`, the `src` URL (http(s),
// at most 10 MB), or the built-in dataset, downloaded from beside the wasm. A review file (RevMan
// 5, Cochrane data package) or a CSV table at `src` or as `data` is converted to JSON in the
// browser (lens/convert.js): the engine reads JSON only.
import { langOf } from './strings.js';

export const MAX_BYTES = 10 * 1024 * 1024;

/** The built-in dataset, which `scripts/build.sh` puts beside the wasm. */
const BUILTIN = new URL('../pkg/builtin.json', import.meta.url);

/**
 * What was read, as a dataset's JSON; `converted` when the converter made it of a review or a
 * table. `notes` are the review converter's, on what it left out: for the editor, beside the
 * data's own warnings. `table` is a CSV table's own reading, by row and column, which stands
 * instead of the engine's reading of the JSON made from it: that finds the same problems again,
 * at places in a JSON file the editor never wrote.
 * @typedef {{
 *   bytes: Uint8Array,
 *   converted?: boolean,
 *   notes?: import('./types.js').Problem[],
 *   table?: {errors: import('./types.js').Problem[], warnings: import('./types.js').Problem[]},
 * }} Source
 */

/**
 * Reads the element's data source.
 * @param {HTMLElement} host
 * @param {unknown} data the `data` property
 * @param {AbortSignal} signal aborts a download
 * @returns {Promise<Source>}
 */
export async function readSource(host, data, signal) {
  const measure = host.getAttribute('measure') || undefined;
  const lang = langOf(host);
  if (data instanceof Blob) {
    const name = data instanceof File ? data.name : '';
    if (data.size > MAX_BYTES) throw new SourceError('shell.src_too_large', { url: name, mb: MAX_BYTES / 1048576 });
    return read(name, new Uint8Array(await data.arrayBuffer()), data.type, measure, lang, name);
  }
  if (data != null) {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    return { bytes: new TextEncoder().encode(text) };
  }
  const inline = [...host.children].find((c) => c instanceof HTMLScriptElement && c.type === 'application/json');
  if (inline) return { bytes: new TextEncoder().encode(inline.textContent || '') };
  const src = host.getAttribute('src');
  // The built-in dataset is not in the wasm: it comes beside it, downloaded while the wasm compiles.
  if (!src) return { bytes: (await download(BUILTIN, BUILTIN.href, signal)).bytes };
  const url = new URL(src, document.baseURI);
  if (url.protocol === 'file:' || /^[a-z]:[\\/]/i.test(src)) throw new SourceError('shell.src_local', { url: src });
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SourceError('shell.src_scheme', { scheme: url.protocol });
  // A table's converter downloads with it.
  if (isTable(url.pathname, '')) import('./convert.js').then((c) => c.loadConverter('table')).catch(() => {});
  const { bytes, type } = await download(url, src, signal);
  return read(url.pathname, bytes, type, measure, lang, src, signal);
}

/**
 * The bytes of a file or download as a source: a review or a CSV table (by its name or type)
 * converted, JSON otherwise.
 * @param {string} name the file's name or the address's path
 * @param {Uint8Array} bytes
 * @param {string} type its media type, if known
 * @param {string | undefined} measure
 * @param {string} lang the page's language, which a table's problems and a review's notes are said in
 * @param {string} src the address or file name, for messages
 * @param {AbortSignal} [signal]
 * @returns {Promise<Source>}
 */
async function read(name, bytes, type, measure, lang, src, signal) {
  const review = isReview(name, bytes);
  if (!review && !isTable(name, type, bytes)) return { bytes };
  const convert = await import('./convert.js');
  try {
    if (review) {
      const { json, warnings } = await convert.convertReview([{ name: name.split('/').pop() || 'review', bytes }], false, lang);
      return { bytes: new TextEncoder().encode(json), converted: true, notes: warnings.map((message) => ({ path: src, message })) };
    }
    const { json, errors, warnings } = await convert.convertTable(bytes, measure, lang);
    return { bytes: json, converted: true, table: { errors, warnings } };
  } catch (error) {
    if (signal?.aborted) throw error;
    // A converter that did not download is the site's to mend, not the file's.
    if (error instanceof convert.ConverterUnavailable) throw new SourceError('shell.converter_unavailable', { folder: error.folder });
    throw new SourceError(review ? 'shell.src_review_bad' : 'shell.src_table_bad', { url: src, reason: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Whether a file is a table for the table converter: by its name or media type (CSV, TSV), else,
 * unless it is named or typed JSON, by its first character (a dataset begins with `{` or `[`, as
 * `model::looks_like_json` reads it): Excel's "Text (Tab delimited)" saves `.txt`, and a workbook
 * is told by the table reader to be saved as CSV.
 * @param {string} name
 * @param {string} type
 * @param {Uint8Array} [bytes] the file, when it has arrived
 */
function isTable(name, type, bytes) {
  if (/\.(csv|tsv)$/i.test(name) || /csv|tab-separated/i.test(type)) return true;
  if (!bytes || /\.json$/i.test(name) || /json/i.test(type)) return false;
  const first = start(bytes)[0];
  return first !== '{' && first !== '[';
}

/**
 * A file's first characters as text, without a byte-order mark or white space before them.
 * @param {Uint8Array} bytes
 */
function start(bytes) {
  return new TextDecoder().decode(bytes.subarray(0, 256)).replace(/^\uFEFF/, '').trimStart();
}

/**
 * The body at `url` and its type, or a `SourceError` that says why not.
 * @param {URL} url
 * @param {string} src the address as the page gave it, for messages
 * @param {AbortSignal} signal
 */
async function download(url, src, signal) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', signal });
  } catch (error) {
    if (signal.aborted) throw error;
    // A browser tells a page nothing more about a failed request: another site's refusal to
    // share (CORS) and an unreachable server look the same, so both are named.
    if (url.origin !== location.origin) throw new SourceError('shell.src_blocked', { url: src, host: url.host });
    throw new SourceError('shell.src_unreachable', { url: src });
  }
  if (response.status === 404) throw new SourceError('shell.src_not_found', { url: src });
  if (response.status === 401 || response.status === 403) throw new SourceError('shell.src_login', { url: src, status: response.status });
  if (!response.ok) throw new SourceError('shell.src_http', { url: src, status: response.status });
  const tooLarge = new SourceError('shell.src_too_large', { url: src, mb: MAX_BYTES / 1048576 });
  if (Number(response.headers.get('content-length')) > MAX_BYTES) throw tooLarge;
  const bytes = await readCapped(response, MAX_BYTES, tooLarge);
  const type = response.headers.get('content-type') || '';
  if (/text\/html|application\/xhtml/i.test(type) || looksLikeHtml(bytes)) {
    // A sign-in wall answers a private file's address with a redirect to its login page.
    const landed = new URL(response.url || url.href);
    if (response.redirected && landed.pathname !== url.pathname) throw new SourceError('shell.src_redirected', { url: src, final: landed.origin + landed.pathname });
    throw new SourceError('shell.src_html', { url: src });
  }
  return { bytes, type };
}

/**
 * Whether a file is a review for the converter rather than a dataset: by its name (.rm5, .zip,
 * a data package's `*-data-rows.csv`) or its first bytes (a zip archive, or XML, which no
 * dataset is).
 * @param {string} name a file name or an address's path
 * @param {Uint8Array} bytes
 */
export function isReview(name, bytes) {
  if (/\.(rm5|zip)$|-data-rows\.csv$/i.test(name)) return true;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5)) return !isWorkbook(name, bytes);
  const head = start(bytes);
  return head.startsWith('<?xml') || head.startsWith('<COCHRANE_REVIEW');
}

/**
 * Whether a zip archive is a spreadsheet program's workbook (.xlsx, .ods), by its name or the
 * names of its first parts: the table reader tells the editor to save it as CSV.
 * @param {string} name
 * @param {Uint8Array} bytes
 */
function isWorkbook(name, bytes) {
  if (/\.(xlsx|xlsm|ods)$/i.test(name)) return true;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 65536));
  return head.includes('xl/') || head.includes('opendocument.spreadsheet');
}

/**
 * Why a source could not be read, as a key of the message table and its values, so that
 * the reader gets it in their language.
 */
export class SourceError extends Error {
  /**
   * @param {string} key
   * @param {Record<string, string | number>} values
   */
  constructor(key, values) {
    super(`${key} ${JSON.stringify(values)}`);
    this.key = key;
    this.values = values;
  }
}

/**
 * Whether the body starts like an HTML document (after a byte-order mark and white space).
 * @param {Uint8Array} bytes
 */
function looksLikeHtml(bytes) {
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<head') || head.startsWith('<body');
}

/**
 * The body, refused as soon as it grows past `limit` bytes.
 * @param {Response} response
 * @param {number} limit
 * @param {Error} tooLarge thrown past the limit
 */
async function readCapped(response, limit, tooLarge) {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  /** @type {Uint8Array[]} */
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      reader.cancel().catch(() => {});
      throw tooLarge;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
