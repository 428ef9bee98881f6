// The same forest plot in Chart.js: floating bars for the intervals, points for the estimates.
(async () => {
  const n = new URLSearchParams(location.search).get('n');
  const all = await (await fetch(`/bench-data/${n}-rows.json`)).json();
  const box = document.getElementById('box');
  box.style.height = `${Math.max(200, all.length * 16 + 60)}px`;
  const datasets = (rows) => [
    { type: 'bar', label: '95% CI', data: rows.map((r) => [r.lo, r.hi]), backgroundColor: '#606060', barThickness: 2 },
    { type: 'scatter', label: 'Estimate', data: rows.map((r) => ({ x: r.est, y: r.label })), backgroundColor: '#0072b2', pointStyle: 'rect', pointRadius: 4, hoverBackgroundColor: '#e69f00' },
  ];
  const chart = new Chart(document.getElementById('c'), {
    data: { labels: all.map((r) => r.label), datasets: datasets(all) },
    options: {
      indexAxis: 'y', animation: false, maintainAspectRatio: false, responsive: true,
      scales: { x: { type: 'logarithmic' }, y: { type: 'category' } },
      plugins: { legend: { display: false } },
      interaction: { mode: 'nearest', intersect: true },
    },
  });
  window.__readyAt = performance.now();
  window.__bench = {
    canvas: () => document.getElementById('c'),
    filter: async (i) => {
      const rows = i % 2 ? all.filter((r) => r.design === 'rct') : all;
      chart.data.labels = rows.map((r) => r.label);
      chart.data.datasets = datasets(rows);
      chart.update('none');
    },
    view: async (i) => { chart.options.indexAxis = 'y'; chart.options.scales.x.type = i % 2 ? 'linear' : 'logarithmic'; chart.update('none'); },
    wasmBytes: () => null,
  };
})();
