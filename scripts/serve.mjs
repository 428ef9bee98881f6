// A small static file server for www/, bound to 127.0.0.1 only.
//   node scripts/serve.mjs [--port N] [--root DIR] [--strict-csp]
// Prints the URL on its first line. --strict-csp sends the Content-Security-Policy
// and Trusted Types headers that the widget promises to work under.
// Also usable from tests: import { serve } from './serve.mjs'; `extra` maps paths to
// fixtures {status, type, body, headers}.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
};

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";

export function serve({ root, port = 0, strictCsp = false, extra = {} } = {}) {
  const base = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      const csp = strictCsp && url.searchParams.get('csp') !== 'off' ? { 'content-security-policy': STRICT_CSP } : {};
      if (extra[url.pathname]) {
        // Test fixtures: pages, data and failures that www/ does not hold.
        const { status = 200, type = 'text/plain', body = '', headers = {} } = extra[url.pathname];
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache', ...csp, ...headers });
        res.end(body);
        return;
      }
      let file = path.join(base, decodeURIComponent(url.pathname));
      if (!file.startsWith(base)) throw Object.assign(new Error('outside root'), { code: 'ENOENT' });
      if ((await fs.stat(file).catch(() => null))?.isDirectory()) file = path.join(file, 'index.html');
      const body = await fs.readFile(file);
      const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' };
      Object.assign(headers, csp);
      res.writeHead(200, headers);
      res.end(body);
    } catch (error) {
      res.writeHead(error.code === 'ENOENT' ? 404 : 500, { 'content-type': 'text/plain' });
      res.end(error.code === 'ENOENT' ? 'not found' : 'server error');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://127.0.0.1:${actual}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const { url } = await serve({
    root: option('--root', path.join(here, '..', 'www')),
    port: Number(option('--port', 8080)),
    strictCsp: args.includes('--strict-csp'),
  });
  console.log(url);
}
