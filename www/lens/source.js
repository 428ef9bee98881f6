// Where the data comes from: the `data` property, an inline
// `<script type="application/json">`, the `src` URL (http(s), at most 10 MB), or the
// built-in dataset inside the wasm.

export const MAX_BYTES = 10 * 1024 * 1024;

/**
 * @typedef {{kind: 'builtin'} | {kind: 'json', bytes: Uint8Array} | {kind: 'csv', bytes: Uint8Array, measure: string | undefined}} Source
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
  if (data != null) {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    return { kind: 'json', bytes: new TextEncoder().encode(text) };
  }
  const inline = [...host.children].find((c) => c instanceof HTMLScriptElement && c.type === 'application/json');
  if (inline) return { kind: 'json', bytes: new TextEncoder().encode(inline.textContent || '') };
  const src = host.getAttribute('src');
  if (!src) return { kind: 'builtin' };
  const url = new URL(src, document.baseURI);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`src must be an http(s) URL, not ${url.protocol}`);
  const response = await fetch(url, { credentials: 'same-origin', signal });
  if (!response.ok) throw new Error(`could not load ${src}: HTTP ${response.status}`);
  if (Number(response.headers.get('content-length')) > MAX_BYTES) throw new Error(`${src} is larger than ${MAX_BYTES / 1048576} MB`);
  const bytes = await readCapped(response, MAX_BYTES, src);
  const type = response.headers.get('content-type') || '';
  const isCsv = /\.csv$/i.test(url.pathname) || /csv/i.test(type);
  return isCsv ? { kind: 'csv', bytes, measure } : { kind: 'json', bytes };
}

/**
 * The body, refused as soon as it grows past `limit` bytes.
 * @param {Response} response
 * @param {number} limit
 * @param {string} name
 */
async function readCapped(response, limit, name) {
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
      throw new Error(`${name} is larger than ${limit / 1048576} MB`);
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
