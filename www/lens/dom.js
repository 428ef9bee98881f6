// Small DOM and text helpers. Data strings only ever become text nodes; nothing here
// parses HTML or writes a style attribute (the strict CSP would block it).

/**
 * An element with attributes and, optionally, text.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attrs]
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * An absolute http(s) URL, or null: the only links the widget ever makes.
 * @param {unknown} value
 * @returns {string | null}
 */
export function safeUrl(value) {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** @param {unknown} error */
export function message(error) {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : String(error);
}

/**
 * `{name}` placeholders filled from `values` (left as they are when missing).
 * @param {string} template
 * @param {Record<string, string | number>} values
 */
export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (m, k) => (values[k] === undefined ? m : String(values[k])));
}

/**
 * "Label: value" as the reader's language writes it (French spaces the colon).
 * @param {Record<string, string>} s the texts
 * @param {string} label
 * @param {string | number} value
 */
export function labelled(s, label, value) {
  return format(s['ui.labelled'] || '{label}: {value}', { label, value });
}

/**
 * A data problem in words: its place ("row 3, column ai") before its message, where it has one;
 * a problem with the whole file has none.
 * @param {Record<string, string>} s
 * @param {string} place
 * @param {string} message
 */
export function placed(s, place, message) {
  return place ? labelled(s, place, message) : message;
}

/**
 * Resolves in a new task, so that the browser can paint and handle input first. A message,
 * not a timer: background tabs hold timers back for up to a second.
 * @returns {Promise<void>}
 */
export function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    // Closed once heard: a port with a listener is otherwise kept alive.
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * The links of a source as `<a>` elements (http(s) only), each followed by a space.
 * @param {HTMLElement} parent
 * @param {import('./types.js').SourceLink[] | undefined} links
 * @param {import('./types.js').Strings} strings
 */
export function appendLinks(parent, links, strings) {
  for (const l of links || []) {
    const href = safeUrl(l.url);
    if (!href) continue;
    const a = el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, strings[`shell.link.${l.kind}`] || l.kind);
    parent.append(a, document.createTextNode(' '));
  }
}
