// The shell's JavaScript modules that a page loads: the entry point and every module it
// imports (relative static imports, followed through each module). After scripts/build.sh the
// entry is one bundle, so this is that one file unless the bundle comes to import others. JSDoc type imports
// (`import('./types.js')` in comments) load nothing and are not counted.
import fs from 'node:fs';
import path from 'node:path';

/** Paths relative to `root` (POSIX separators), the entry first. */
export function shellModules(root, entry = 'evidence-lens.js') {
  const seen = new Set();
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    // Written by hand (`import { x } from './y.js';`) or by esbuild (`import{x}from"./y.js"`,
    // `import"./y.js"`, anywhere on a line).
    for (const m of text.matchAll(/(?:^|[\s;}])(?:import|export)\s*(?:[\w*{][^;'"()]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/gm)) {
      queue.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1])));
    }
  }
  return [...seen];
}
