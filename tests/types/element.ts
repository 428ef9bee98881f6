// The published types (www/evidence-lens.d.ts) as a TypeScript user meets them: checked by
// `tsc -p tsconfig.json` in the test command. Nothing here runs.
import type { EvidenceLens, Item, ReadyDetail } from '../../www/evidence-lens.d.ts';

export function use(el: EvidenceLens): void {
  el.setView('map');
  el.setFilter({ therapy: 'AHSCT', design: ['rct', 'crossover_rct'] });
  el.focus();
  el.addEventListener('select', (e) => {
    const item: Item = e.detail;
    void item.certainty;
  });
  el.addEventListener('interactive', (e) => {
    const detail: ReadyDetail = e.detail;
    void detail.items;
  });
  el.addEventListener('ready', (e) => {
    // The poster's ready has no counts yet.
    if ('poster' in e.detail) void e.detail.view;
    else void e.detail.studies;
  });
  el.addEventListener('error', (e) => void e.detail.message);
  const hook = el.__testHook;
  if (hook) void hook.interaction().selected;
  const fromTag: EvidenceLens = document.createElement('evidence-lens');
  void fromTag.state.view;
}
