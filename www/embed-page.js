// The embed page: a live preview of <evidence-lens> with the editor's options and the
// snippet to paste. DOM APIs only; the snippet is text in a read-only textarea. The messages are
// in the page's language (page-lang.js); the preview's chart follows the form's language, or
// this page's when the form leaves it to the page.
import { t } from './page-lang.js';

const ATTRS = ['src', 'view', 'theme', 'lang', 'outcome', 'filter', 'measure', 'height'];
/** @type {Record<string, string>} */
const DEFAULTS = { theme: 'auto' };

/**
 * The page's element with this id, of this type.
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
function byId(id, type) {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`the page has no #${id}`);
  return node;
}

const form = byId('options', HTMLFormElement);
const preview = byId('preview', HTMLElement);
const status = byId('preview-status', HTMLElement);
const snippet = byId('snippet', HTMLTextAreaElement);
const copyStatus = byId('copy-status', HTMLElement);

/** @param {string} value */
function escapeAttr(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function chosen() {
  const data = new FormData(form);
  /** @type {Record<string, string>} */
  const out = {};
  for (const name of ATTRS) {
    const value = String(data.get(name) ?? '').trim();
    if (value) out[name] = value;
  }
  return out;
}

function scriptUrl() {
  return new URL('evidence-lens.js', document.baseURI).href;
}

function update() {
  const attrs = chosen();
  const widget = document.createElement('evidence-lens');
  for (const [k, v] of Object.entries(attrs)) widget.setAttribute(k, v);
  // The preview is for the editor: it lists the data's warnings and left-out rows, which the
  // snippet's readers do not see.
  widget.setAttribute('editor', '');
  status.textContent = t('embed.preview.loading');
  widget.addEventListener('ready', () => (status.textContent = ''));
  widget.addEventListener('error', (e) => (status.textContent = t('embed.preview.problem', { message: e instanceof CustomEvent ? String(e.detail?.message ?? '') : '' })));
  preview.replaceChildren(widget);
  const shown = Object.entries(attrs).filter(([k, v]) => DEFAULTS[k] !== v || k === 'view');
  const element = `<evidence-lens${shown.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('')}></evidence-lens>`;
  snippet.value = `<script type="module" src="${escapeAttr(scriptUrl())}"></script>\n${element}\n`;
}

let timer = 0;
form.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(update, 300);
});
form.addEventListener('change', () => {
  clearTimeout(timer);
  update();
});
form.addEventListener('submit', (e) => e.preventDefault());

byId('copy', HTMLButtonElement).addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippet.value);
    copyStatus.textContent = t('embed.copied');
  } catch {
    snippet.focus();
    snippet.select();
    copyStatus.textContent = t('embed.copy_by_hand');
  }
});

update();

export {};
