// The fallback picture of the code an editor pastes (the embed page writes it; the benchmark's
// page is that code): plain strings, no DOM, so that Node can build the same markup.

/**
 * `value` for a double-quoted HTML attribute.
 * @param {string} value
 */
export function escapeAttr(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The snippet's fallback picture: the posters of one language that match the theme, the narrow
 * layout on screens under 600 px and the wide one elsewhere (chosen by `media`, one candidate
 * each, so that a phone's pixel density cannot swap the layouts), scaled to the screen by `sizes`
 * without any CSS. It shows before the script runs, and to search engines, printing and browsers
 * without JavaScript.
 * @param {string} prefix the folder and the language: `https://…/charts/en-`
 * @param {string} theme `auto`, `light` or `dark`
 * @param {string} alt the chart in words
 */
export function fallbackPicture(prefix, theme, alt) {
  /** @param {string} band @param {string} th @param {string} media */
  const source = (band, th, media) => {
    const sizes = band === 'narrow' ? '100vw' : '(max-width: 800px) 100vw, 800px';
    return `<source media="${media}" srcset="${escapeAttr(`${prefix}${band}-${th}.svg`)} ${band === 'narrow' ? 390 : 800}w" sizes="${sizes}">`;
  };
  const base = theme === 'dark' ? 'dark' : 'light';
  const dark = theme === 'auto' ? [source('narrow', 'dark', '(prefers-color-scheme: dark) and (max-width: 599px)'), source('wide', 'dark', '(prefers-color-scheme: dark)')] : [];
  const wide = `${prefix}wide-${base}.svg`;
  const img = `<img src="${escapeAttr(wide)}" srcset="${escapeAttr(wide)} 800w" sizes="(max-width: 800px) 100vw, 800px" alt="${escapeAttr(alt)}">`;
  return `<picture>${[...dark, source('narrow', base, '(max-width: 599px)')].join('')}${img}</picture>`;
}
