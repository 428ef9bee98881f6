// Checks that the npm package (www/, `npm pack --dry-run`) ships every module the element
// loads: the entry point (the bundle scripts/build.sh makes, with its source map) and any module
// it imports (followed through their own static imports), the wasm-bindgen glue and the wasm,
// and the types.
//   node scripts/package-check.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { shellModules } from './shell-modules.mjs';

const WWW = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'www');
const pkg = JSON.parse(fs.readFileSync(path.join(WWW, 'package.json'), 'utf8'));
const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: WWW, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const files = new Set(packed[0].files.map((f) => f.path));

const entry = pkg.exports['.'].default.replace(/^\.\//, '');
const needed = [...shellModules(WWW, entry), `${entry}.map`, pkg.exports['.'].types.replace(/^\.\//, ''), 'pkg/evidence_lens.js', 'pkg/evidence_lens_bg.wasm', 'pkg/builtin.json', 'pkg/i18n/es.json', 'pkg/i18n/fr.json',
  // The converters, imported on demand, so not found by following static imports.
  'pkg/import/evidence_lens_import.js', 'pkg/import/evidence_lens_import_bg.wasm',
  'pkg/table/evidence_lens_table.js', 'pkg/table/evidence_lens_table_bg.wasm'];
const missing = needed.filter((f) => !files.has(f));
console.log(`package ${pkg.name}@${pkg.version}: ${files.size} files; the element needs ${needed.length}: ${needed.join(', ')}`);
if (missing.length) {
  console.error(`package check failed: not in the package: ${missing.join(', ')} (www/package.json "files")`);
  process.exit(1);
}
