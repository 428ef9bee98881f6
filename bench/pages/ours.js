// Benchmark page for evidence-lens: the generated dataset in the real element.
// The pkg module is the same instance the element loaded (one module per URL), so
// its init() hands back the wasm exports, whose memory the benchmark reads. It is imported
// only when asked: a static import here made the element wait for it, as no embed does.
const n = new URLSearchParams(location.search).get('n');
const el = document.createElement('evidence-lens');
el.id = 'bench';
// The forest, the chart the other libraries draw (the element's default view is the summary).
el.setAttribute('view', 'forest');
el.setAttribute('src', `/bench-data/${n}.json`);
// The posters an editor makes with `evidence-lens render --poster` (bench/run.mjs serves them).
if (new URLSearchParams(location.search).get('poster') !== '0') el.setAttribute('poster', `/bench-posters/${n}/{band}-{theme}.svg`);
// `ready`: a chart is on screen (the poster); `interactive`: the engine's chart works.
el.addEventListener('ready', () => { window.__readyAt ??= performance.now(); });
el.addEventListener('interactive', () => { window.__interactiveAt ??= performance.now(); });
el.addEventListener('error', (e) => { window.__error = e.detail.message; });
document.getElementById('box').append(el);

window.__bench = {
  canvas: () => el.shadowRoot.querySelector('canvas'),
  filter: async (i) => el.setAttribute('filter', i % 2 ? 'design:rct' : ''),
  view: async (i) => el.setAttribute('view', i % 2 ? 'map' : 'forest'),
  wasmBytes: async () => (await (await import('/www/pkg/evidence_lens.js')).default()).memory.buffer.byteLength,
};
