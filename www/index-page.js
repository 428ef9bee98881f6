// The explorer page: lists the sources of the studies the chart shows, built with DOM
// APIs only (CSP-safe; data strings are text nodes and links are http(s) only). The links'
// names are in the page's language (page-lang.js).
import { t } from './page-lang.js';

/** @type {Record<string, string>} */
const LINK_NAMES = { doi: t('index.link.doi'), pubmed: t('index.link.pubmed'), trial: t('index.link.trial'), web: t('index.link.web') };

/** @param {string} value */
function safeUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * @param {import('./evidence-lens.js').EvidenceLens} widget
 * @param {HTMLElement} list
 */
async function listSources(widget, list) {
  const citations = await widget.citations();
  list.replaceChildren();
  for (const c of citations) {
    const li = document.createElement('li');
    const label = document.createElement('strong');
    label.textContent = c.label;
    li.append(label, document.createTextNode(`: ${c.text}`));
    for (const link of c.links) {
      const href = safeUrl(link.url);
      if (!href) continue;
      const a = document.createElement('a');
      a.href = href;
      a.rel = 'noopener noreferrer';
      a.textContent = LINK_NAMES[link.kind] || link.kind;
      li.append(document.createTextNode(' '), a);
    }
    list.append(li);
  }
}

const widget = document.getElementById('explorer');
const list = document.getElementById('sources');
if (widget instanceof HTMLElement && widget.localName === 'evidence-lens' && list) {
  let done = false;
  widget.addEventListener('interactive', () => {
    if (done) return;
    done = true;
    // All studies, whatever the reader filters: the page's source list is complete.
    listSources(/** @type {import('./evidence-lens.js').EvidenceLens} */ (widget), list).catch(() => {});
  });
}

export {};
