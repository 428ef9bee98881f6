// Benchmark page for evidence-lens: the code the embed page gives an editor who made the posters
// (bench/run.mjs puts it into ours.html): the element with the generated data, the forest (the
// chart the other libraries draw; the element's default view is the summary), its posters, and
// the fallback picture that shows before the script runs. A classic script after the element, so
// that its listeners are in place before the element's module runs.
// The pkg module is the same instance the element loaded (one module per URL), so its init()
// hands back the wasm exports, whose memory the benchmark reads. It is imported only when asked:
// a static import here made the element wait for it, as no embed does.
const el = /** @type {HTMLElement} */ (document.getElementById('bench'));
// `ready`: a chart is on screen (the poster); `interactive`: the engine's chart works.
el.addEventListener('ready', () => { window.__readyAt ??= performance.now(); });
el.addEventListener('interactive', () => { window.__interactiveAt ??= performance.now(); });
el.addEventListener('error', (e) => { window.__error = e.detail.message; });

window.__bench = {
  canvas: () => el.shadowRoot.querySelector('canvas'),
  filter: async (i) => el.setAttribute('filter', i % 2 ? 'design:rct' : ''),
  view: async (i) => el.setAttribute('view', i % 2 ? 'map' : 'forest'),
  wasmBytes: async () => (await (await import('/www/pkg/evidence_lens.js')).default()).memory.buffer.byteLength,
};
