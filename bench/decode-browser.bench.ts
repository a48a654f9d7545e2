/**
 * Browser decode benchmark: loads N JPEGs of 500×375 (the cache of bench/decode.bench.ts, generated
 * by it when missing) through chapter 2.1's folder input in headless Chromium, and prints images/s
 * and the page's peak JS heap (CDP Performance.getMetrics) and ArrayBuffer memory (Runtime.getHeapUsage),
 * both of the main thread (workers have their own heaps).
 * Needs a built book: `BOOK_BASE=/hw1/ BOOK_OUT=dist-e2e npx astro build`.
 * Usage: `npx tsx bench/decode-browser.bench.ts [--count 2000] [--size 128] [--dist dist-e2e] [--base /hw1/]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const count = Number(arg('count', '2000'));
const size = arg('size', '128');
const dist = arg('dist', 'dist-e2e');
const base = arg('base', '/hw1/');
const jpegDir = join(tmpdir(), `dlcv-bench-jpegs-${count}`);

if (!existsSync(join(jpegDir, `.complete-${count}`))) {
  console.log(`Generating ${count} JPEGs in ${jpegDir} (via bench/decode.bench.ts)…`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/decode.bench.ts', '--count', String(count), '--sizes', '64'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('could not generate the benchmark JPEGs');
}
if (!existsSync(join(dist, '2-1', 'index.html'))) {
  console.error(`No built book in ${dist}/: run BOOK_BASE=${base} BOOK_OUT=${dist} npx astro build first.`);
  process.exit(2);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};
const server = createServer((req, res) => {
  const url = decodeURIComponent((req.url ?? '/').split('?')[0]);
  if (!url.startsWith(base)) {
    res.writeHead(404).end();
    return;
  }
  let path = normalize(join(dist, url.slice(base.length)));
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
  if (!path.startsWith(normalize(dist)) || !existsSync(path)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as AddressInfo).port;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--enable-precise-memory-info'],
});
try {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${port}${base}2-1/`);
  const loader = page.locator('hw-dataset-loader');
  await loader.getByText(/Using the default data set/).waitFor({ timeout: 60_000 });
  await loader.getByLabel('Image size').selectOption(size);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  };
  const buffers = async () => {
    const u = (await cdp.send('Runtime.getHeapUsage')) as { backingStorageSize?: number };
    return u.backingStorageSize ?? 0;
  };
  let peakBuffers = 0;
  const before = await heap();
  let peak = before;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      peak = Math.max(peak, await heap().catch(() => 0));
      peakBuffers = Math.max(peakBuffers, await buffers().catch(() => 0));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const t0 = performance.now();
  await loader.getByLabel('Open a data set folder').setInputFiles(join(jpegDir, 'bench'));
  const tPicked = performance.now();
  await loader.getByText(/Using your data set "bench"/).waitFor({ timeout: 600_000 });
  const wall = (performance.now() - t0) / 1000;
  polling = false;
  await poll;
  const current = (await loader.locator('[data-current]').textContent()) ?? '';
  const m = /Decoded ([\d,]+) files in ([\d.]+) s \(([\d,]+) images\/s\)/.exec(current);
  const hw = await page.evaluate(() => navigator.hardwareConcurrency);
  const mb = (b: number) => (b / 2 ** 20).toFixed(0);
  console.log(
    `Chromium ${browser.version()}, ${hw} logical CPUs (pool of ${Math.max(2, Math.min(8, hw - 1))} decode workers), size ${size}×${size}`,
  );
  console.log(current.replace(/^Using your data set /, 'Loaded '));
  console.log(
    `${count} JPEGs of 500×375: page-measured ${m ? `${m[3]} images/s (${m[2]} s)` : 'n/a'}; wall ${wall.toFixed(1)} s incl. setInputFiles ${((tPicked - t0) / 1000).toFixed(1)} s and saving to IndexedDB → ${(count / wall).toFixed(0)} images/s`,
  );
  console.log(
    `JS heap (main thread): ${mb(before)} MiB before, peak ${mb(peak)} MiB (sampled every 100 ms); peak ArrayBuffer backing stores ${peakBuffers ? `${mb(peakBuffers)} MiB` : 'n/a'} (Runtime.getHeapUsage)`,
  );
  if (errors.length) console.log(`Page errors: ${errors.join(' | ')}`);
} finally {
  await browser.close();
  server.close();
}
