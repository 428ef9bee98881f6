// The same forest plot in Vega-Lite via vega-embed (what an editor might use instead).
(async () => {
  const n = new URLSearchParams(location.search).get('n');
  const rows = await (await fetch(`/bench-data/${n}-rows.json`)).json();
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 600,
    data: { name: 'rows', values: rows },
    params: [{ name: 'designFilter', value: '' }],
    transform: [{ filter: "designFilter === '' || datum.design === designFilter" }],
    encoding: { y: { field: 'label', type: 'nominal', sort: null, axis: { title: null } } },
    layer: [
      { mark: 'rule', encoding: { x: { field: 'lo', type: 'quantitative', scale: { type: 'log' }, title: 'Hazard ratio' }, x2: { field: 'hi' } } },
      {
        mark: { type: 'square', filled: true },
        params: [{ name: 'hl', select: { type: 'point', on: 'pointerover', fields: ['label'] } }],
        encoding: {
          x: { field: 'est', type: 'quantitative' },
          size: { field: 'weight', type: 'quantitative', legend: null },
          color: { condition: { param: 'hl', empty: false, value: '#e69f00' }, value: '#0072b2' },
          tooltip: [{ field: 'label' }, { field: 'est' }, { field: 'lo' }, { field: 'hi' }],
        },
      },
    ],
  };
  const result = await vegaEmbed('#box', spec, { actions: false, renderer: 'canvas' });
  window.__readyAt = performance.now();
  const view = result.view;
  window.__bench = {
    canvas: () => document.querySelector('#box canvas'),
    filter: async (i) => { view.signal('designFilter', i % 2 ? 'rct' : ''); await view.runAsync(); },
    view: async (i) => { view.width(i % 2 ? 500 : 600); await view.runAsync(); },
    wasmBytes: () => null,
    afterHover: () => view.runAsync(),
  };
})();
