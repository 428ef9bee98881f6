// The pages' language (index.html, embed.html): `?lang=es|fr|en` in the address, English
// without it. Loaded before evidence-lens.js, so <html lang> is set before the widget reads it
// (the widget follows the nearest `lang`). Every text of the pages is in page-text.js; the
// HTML keeps the English, which is what a reader without JavaScript gets.
//
// Markup: `data-text="key"` replaces an element's text with the key's text; in it, `[words]{n}`
// is the element's n-th child element with `words` as its text and `{n}` that child as it is
// (links, <code>, <strong> keep their attributes). `data-text-attr="attr:key attr:key"` sets
// attributes (aria-label, placeholder, content). `a[data-keep-lang]` links to the other page in
// the same language. `nav.langs` is the language switcher. DOM APIs only (strict CSP, Trusted
// Types): texts are text nodes.
import { TEXT } from './page-text.js';

/** The languages of the pages, in the switcher's order. */
export const LANGS = /** @type {const} */ (['en', 'es', 'fr']);

/** @typedef {typeof LANGS[number]} Lang */

/**
 * The language asked for in the address (`?lang=`), English when none or an unknown one.
 * @param {string} search
 * @returns {Lang}
 */
export function langFromSearch(search) {
  const asked = (new URLSearchParams(search).get('lang') ?? '').trim().toLowerCase().slice(0, 2);
  return LANGS.find((l) => l === asked) ?? 'en';
}

/** This page's language. */
export const LANG = langFromSearch(location.search);

/**
 * The text of `key` in the page's language (English if it has none), with `{name}` filled in.
 * @param {string} key
 * @param {Record<string, string>} [vars]
 */
export function t(key, vars = {}) {
  const entry = TEXT[key];
  const text = entry ? (entry[LANG] ?? entry.en) : key;
  return text.replace(/\{([a-z]+)\}/g, (whole, name) => (name in vars ? vars[name] : whole));
}

const PART = /\[([^\]]*)\]\{(\d+)\}|\{(\d+)\}/g;

/**
 * Replaces the text of `el` with `template`, reusing its child elements where it names them.
 * @param {Element} el
 * @param {string} template
 */
function fill(el, template) {
  const children = [...el.children];
  /** @type {(string | Element)[]} */
  const parts = [];
  let last = 0;
  for (const m of template.matchAll(PART)) {
    parts.push(template.slice(last, m.index));
    const child = children[Number(m[2] ?? m[3])];
    if (child) {
      if (m[1] !== undefined) child.textContent = m[1];
      parts.push(child);
    }
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(template.slice(last));
  el.replaceChildren(...parts.filter((p) => p !== ''));
}

/** The address of this page (or `page`) in `lang`, keeping the hash (the widget's permalink). @param {Lang} lang @param {string} [page] */
function addressIn(lang, page) {
  const url = new URL(page ?? location.href, location.href);
  if (lang === 'en') url.searchParams.delete('lang');
  else url.searchParams.set('lang', lang);
  return url.href;
}

function apply() {
  document.documentElement.lang = LANG;
  if (LANG !== 'en') {
    for (const el of document.querySelectorAll('[data-text]')) {
      const key = el.getAttribute('data-text') ?? '';
      if (TEXT[key]) fill(el, t(key));
    }
    for (const el of document.querySelectorAll('[data-text-attr]')) {
      for (const pair of (el.getAttribute('data-text-attr') ?? '').split(/\s+/)) {
        const [attr, key] = pair.split(':');
        if (attr && key && TEXT[key]) el.setAttribute(attr, t(key));
      }
    }
    for (const a of document.querySelectorAll('a[data-keep-lang]')) {
      if (a instanceof HTMLAnchorElement) a.href = addressIn(LANG, a.getAttribute('href') ?? '');
    }
  }
  for (const nav of document.querySelectorAll('nav.langs')) {
    for (const a of nav.querySelectorAll('a[hreflang]')) {
      if (!(a instanceof HTMLAnchorElement)) continue;
      const lang = LANGS.find((l) => l === a.hreflang) ?? 'en';
      if (lang === LANG) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
      a.href = addressIn(lang);
      // The widget may have written its state into the hash since: take it along.
      const follow = () => (a.href = addressIn(lang));
      a.addEventListener('pointerdown', follow);
      a.addEventListener('keydown', follow);
      a.addEventListener('click', follow);
    }
    if (nav instanceof HTMLElement) nav.hidden = false;
  }
}

apply();
