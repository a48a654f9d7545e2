/** A small static server for the built book (browser tests): serves DIR under BASE on PORT, like any static host. */
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const [dirArg = 'dist', portArg = '4399', baseArg = '/'] = process.argv.slice(2);
const root = resolve(dirArg);
const base = baseArg.endsWith('/') ? baseArg : `${baseArg}/`;
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.bin': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
};

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let path = decodeURIComponent(url.pathname);
  if (path === base.slice(0, -1)) path = base;
  if (!path.startsWith(base)) return send404(res);
  let file = normalize(join(root, path.slice(base.length)));
  if (!file.startsWith(root)) return send404(res);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return send404(res);
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  createReadStream(file).pipe(res);
}).listen(Number(portArg), '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${portArg}${base}`));

function send404(res) {
  const page = join(root, '404.html');
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  if (existsSync(page)) createReadStream(page).pipe(res);
  else res.end('Not found');
}
