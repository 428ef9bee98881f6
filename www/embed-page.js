// The embed page: a live preview of <evidence-lens> with the editor's options and the
// snippet to paste. DOM APIs only; the snippet is text in a read-only textarea. The messages are
// in the page's language (page-lang.js); the preview's chart follows the form's language, or
// this page's when the form leaves it to the page.
import { LANG, t } from './page-lang.js';
import { isReview } from './lens/source.js';
import { escapeAttr, fallbackPicture } from './snippet.js';

const ATTRS = ['src', 'view', 'theme', 'lang', 'outcome', 'filter', 'measure', 'height'];
/**
 * The element's own defaults, which the code need not say (a widget without `theme` is light).
 * @type {Record<string, string>}
 */
const DEFAULTS = { theme: 'light' };

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
const fileInput = byId('file', HTMLInputElement);
const fileResult = byId('file-result', HTMLElement);
const fileStatus = byId('file-status', HTMLElement);
const fileDownload = byId('file-download', HTMLAnchorElement);
const fileNotes = byId('file-notes', HTMLElement);
const randomisedBox = byId('file-randomised-box', HTMLLabelElement);
const randomised = byId('file-randomised', HTMLInputElement);
const postersBox = byId('posters', HTMLElement);
const posterLinks = byId('poster-links', HTMLElement);

const posterInput = byId('poster', HTMLInputElement);

/**
 * The preview's posters once made: their text alternative (the chart in words), language, and
 * download addresses (revoked when the preview changes).
 * @type {{alt: string, lang: string, urls: string[]} | null}
 */
let posters = null;
/** The attributes the code gives the element (the preview's, with a local file's name as `src`). */
/** @type {Record<string, string>} */
let shownAttrs = {};

/**
 * The editor's own file, shown in the preview until an address is typed under "Data": what the
 * widget reads (the file, or a review's converted JSON), the name the snippet gives it (the
 * editor puts the file beside their page), the download address of a converted review and what
 * the file's step says of it; or,
 * for files that could not be converted, why not (the preview and the code then wait for another
 * choice rather than show the built-in data).
 * @type {{data: File | string, name: string, download: string, said: string} | {failed: string} | null}
 */
let local = null;
/** Each choice of files; a slower earlier one that finishes late is dropped. */
let choice = 0;
/**
 * The review files last chosen, read, for converting them again when the editor says how the
 * review's studies were designed.
 * @type {{file: string, name: string, read: {name: string, bytes: Uint8Array}[]} | null}
 */
let review = null;

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

/** The folder the editor puts the posters in, as an address with its final slash, or ''. */
function posterFolder() {
  const typed = String(new FormData(form).get('poster') ?? '').trim();
  if (!typed) return '';
  let folder = typed;
  try {
    folder = new URL(typed).href; // spaces and commas encoded: they would break srcset
  } catch {
    folder = encodeURI(typed);
  }
  return folder.endsWith('/') ? folder : `${folder}/`;
}

/**
 * The code to paste. With a poster folder, the element names the posters in the preview's
 * language, and carries the fallback picture once the posters (and their text alternative) are made.
 */
function writeSnippet() {
  const attrs = shownAttrs;
  const folder = posterFolder();
  const prefix = `${folder}${posters?.lang ?? previewLang(attrs)}-`;
  const all = folder ? { ...attrs, poster: `${folder}{lang}-{band}-{theme}.svg` } : attrs;
  const order = [...ATTRS, 'poster'];
  const shown = Object.entries(all).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).filter(([k, v]) => DEFAULTS[k] !== v || k === 'view');
  const inner = folder && posters ? fallbackPicture(prefix, attrs.theme ?? 'auto', posters.alt) : '';
  const element = `<evidence-lens${shown.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('')}>${inner}</evidence-lens>`;
  snippet.value = `<script type="module" src="${escapeAttr(scriptUrl())}"></script>\n${element}\n`;
}

/**
 * The preview's language: the form's choice, or this page's (which the preview then follows).
 * @param {Record<string, string>} attrs
 */
function previewLang(attrs) {
  return attrs.lang || LANG;
}

/**
 * Offers the preview's posters for download, once its engine has drawn it: named with the
 * preview's language, as the snippet's `poster="…/{lang}-{band}-{theme}.svg"` asks for them.
 * @param {import('./evidence-lens.js').EvidenceLens} widget
 * @param {string} lang
 */
async function offerPosters(widget, lang) {
  const made = await widget.posters();
  if (preview.firstChild !== widget) return;
  posters = { alt: made.alt, lang, urls: made.files.map((f) => URL.createObjectURL(new Blob([f.svg], { type: 'image/svg+xml' }))) };
  const urls = posters.urls;
  posterLinks.replaceChildren(...made.files.map((f, i) => {
    const a = document.createElement('a');
    a.href = urls[i];
    a.download = `${lang}-${f.name}`;
    a.textContent = t('embed.posters.file', { name: a.download, width: String(f.width), theme: t(`embed.theme.${f.theme}`).toLocaleLowerCase(LANG) });
    const li = document.createElement('li');
    li.append(a);
    return li;
  }));
  postersBox.hidden = false;
  writeSnippet();
}

function update() {
  const attrs = chosen();
  for (const url of posters?.urls ?? []) URL.revokeObjectURL(url);
  posters = null;
  postersBox.hidden = true;
  posterLinks.replaceChildren();
  if (local && 'failed' in local && !attrs.src) {
    // No code for a file that could not be read: it would show the built-in data.
    preview.replaceChildren();
    status.textContent = local.failed;
    snippet.value = '';
    return;
  }
  const widget = document.createElement('evidence-lens');
  for (const [k, v] of Object.entries(attrs)) widget.setAttribute(k, v);
  const file = local && 'data' in local && !attrs.src ? local : null;
  // An address typed under Data takes the file's place: its step says so, not what it said of
  // the file.
  if (local && 'data' in local && attrs.src) fileStatus.textContent = t('embed.file.replaced', { file: local.name, src: attrs.src });
  if (file) {
    widget.data = file.data;
    // The file's address beside the page: a name with "#" or a space is a name, not a fragment.
    attrs.src = encodeURIComponent(file.name);
  }
  // The preview is for the editor: it lists the data's warnings and left-out rows, which the
  // snippet's readers do not see.
  widget.setAttribute('editor', '');
  status.textContent = t('embed.preview.loading');
  widget.addEventListener('ready', () => (status.textContent = ''));
  widget.addEventListener('interactive', () => offerPosters(widget, previewLang(attrs)).catch(() => {}), { once: true });
  // Beside the file's input, which on a phone is far above the preview: what it left out or noted.
  widget.addEventListener('interactive', (e) => {
    /** @type {{studies?: number, errors?: number, warnings?: number}} */
    const d = (e instanceof CustomEvent && e.detail) || {};
    if (!file || local !== file) return;
    // Written again each time, so that a problem said before (or counts since mended) do not stay.
    const counts = { studies: String(d.studies ?? 0), errors: String(d.errors ?? 0), warnings: String(d.warnings ?? 0) };
    fileStatus.textContent = d.errors || d.warnings ? `${file.said} ${t('embed.file.problems', counts)}` : file.said;
  }, { once: true });
  widget.addEventListener('error', (e) => {
    const message = e instanceof CustomEvent ? String(e.detail?.message ?? '') : '';
    // A file of the editor's is said in its own step, where it had said the preview shows the
    // file (the preview shows the problem too; a third live region would say it a third time);
    // and there is no code for a file the chart cannot read (an address may be a file still to
    // be uploaded).
    if (file && local === file) {
      status.textContent = '';
      fileStatus.textContent = t('embed.file.unreadable', { file: file.name, message });
      snippet.value = '';
    } else status.textContent = t('embed.preview.problem', { message });
  });
  preview.replaceChildren(widget);
  // The editor's own file is read at once, wherever the preview is on the page, so that its step
  // can say what the preview left out.
  if (file) widget.whenReady().catch(() => {});
  shownAttrs = attrs;
  writeSnippet();
}

let timer = 0;
form.addEventListener('input', (e) => {
  clearTimeout(timer);
  // The poster folder changes only the code: the preview and its posters stay. A chosen file, or
  // the box that converts it again, updates the preview once it is read (its own `change`).
  if (e.target === fileInput || e.target === randomised) return;
  if (e.target === posterInput) writeSnippet();
  else timer = setTimeout(update, 300);
});
form.addEventListener('change', (e) => {
  if (e.target === fileInput || e.target === posterInput || e.target === randomised) return;
  clearTimeout(timer);
  update();
});

/**
 * Reads the files the editor chose. A review (one .rm5 or zip, or a data package's CSV files) is
 * converted here, by the widget's own converter, and offered for download; a JSON or CSV file is
 * previewed as it is. `false` when a later choice has taken its place.
 * @param {File[]} files
 * @returns {Promise<boolean | void>}
 */
async function readFiles(files) {
  const mine = ++choice;
  forgetDownload();
  local = null;
  review = null;
  randomised.checked = false;
  randomisedBox.hidden = true;
  fileNotes.replaceChildren();
  fileResult.querySelector('.notes-title')?.remove();
  fileResult.hidden = !files.length;
  if (!files.length) return;
  const first = files[0];
  fileStatus.textContent = t('embed.file.reading', { file: first.name });
  const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  if (mine !== choice) return false;
  if (files.length === 1 && !isReview(first.name, read[0].bytes)) {
    local = { data: first, name: first.name, download: '', said: t('embed.file.local', { file: first.name }) };
    fileStatus.textContent = local.said;
    return;
  }
  // Several files go together only as a Cochrane data package (its data rows and its other CSV files).
  if (!files.some((f) => /-data-rows\.csv$/i.test(f.name)) && files.length > 1) {
    local = { failed: t('embed.file.one', { count: String(files.length) }) };
    fileStatus.textContent = local.failed;
    return;
  }
  // Named after the review's file (of a package's CSV files, its data rows).
  const main = files.find((f) => /-data-rows\.csv$/i.test(f.name)) ?? first;
  review = { file: first.name, name: `${main.name.replace(/(-data-rows)?\.(rm5|zip|csv)$/i, '')}.json`, read };
  return convertReviewFiles(mine);
}

/** Revokes the download address of the last converted review, if any. */
function forgetDownload() {
  if (local && 'download' in local && local.download) URL.revokeObjectURL(local.download);
  fileDownload.hidden = true;
}

/**
 * Converts the chosen review files, as the editor says its studies were designed, and offers the
 * result for download with the converter's notes. `false` when a later choice has taken its place.
 * @param {number} mine
 * @returns {Promise<boolean | void>}
 */
async function convertReviewFiles(mine) {
  if (!review) return;
  const { file, name, read } = review;
  // The last conversion's download is not offered while this one is made.
  forgetDownload();
  try {
    const { convertReview } = await import('./lens/convert.js');
    const { json, warnings } = await convertReview(read, randomised.checked, LANG);
    if (mine !== choice) return false;
    const dataset = JSON.parse(json);
    /** @type {{design: string, outcomes: {id: string}[]}[]} */
    const studies = dataset.studies;
    const analyses = new Set(studies.flatMap((st) => st.outcomes.map((o) => o.id))).size;
    fileNotes.replaceChildren();
    fileResult.querySelector('.notes-title')?.remove();
    const download = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    local = { data: json, name, download, said: t('embed.file.converted', { file, studies: String(studies.length), analyses: String(analyses), name }) };
    fileStatus.textContent = local.said;
    fileDownload.href = download;
    fileDownload.download = name;
    fileDownload.textContent = t('embed.file.download', { name });
    fileDownload.hidden = false;
    // Offered while the file leaves designs unstated, and kept once ticked.
    randomisedBox.hidden = !randomised.checked && !studies.some((st) => st.design === 'unknown');
    if (warnings.length) {
      const title = document.createElement('p');
      title.className = 'notes-title';
      title.textContent = t('embed.file.notes');
      fileNotes.before(title);
      fileNotes.append(...warnings.map(listItem));
    }
  } catch (error) {
    if (mine !== choice) return false;
    local = { failed: t('embed.file.failed', { file, message: error instanceof Error ? error.message : String(error) }) };
    fileStatus.textContent = local.failed;
  }
}

/** @param {string} text */
function listItem(text) {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}

fileInput.addEventListener('change', async () => {
  if ((await readFiles([...(fileInput.files || [])])) !== false) update();
});
randomised.addEventListener('change', async () => {
  if ((await convertReviewFiles(++choice)) !== false) update();
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
