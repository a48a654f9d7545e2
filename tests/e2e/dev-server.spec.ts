import { spawn, type ChildProcess } from 'node:child_process';
import { test, expect } from '@playwright/test';
import { startTraining } from '../helpers/train-widget';

// The README's start command serves the book with `astro dev`, which bundles differently from the
// build the other tests use (tfjs-backend-wasm's CommonJS parts are pre-bundled): train there too.
const PORT = Number(process.env.E2E_DEV_PORT ?? 4398);
const ORIGIN = `http://127.0.0.1:${PORT}`;
let server: ChildProcess | undefined;

test.use({ serviceWorkers: 'allow' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = spawn('npx', ['astro', 'dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    env: { ...process.env, BOOK_BASE: '/' },
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${ORIGIN}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`astro dev did not answer on ${ORIGIN}`);
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid);
});

test('the dev server (npm start) trains the CNN on wasm, on every core once the service worker isolates the page', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.goto(`${ORIGIN}/2-2/?train-limit=64`);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const threads = await page.evaluate(() => Math.min(navigator.hardwareConcurrency, 8));
  const w = page.locator('hw-train-cnn');
  await startTraining(w, { backend: 'wasm', imageSize: 32, epochs: 1 });
  await expect(w.getByText(/Run completed on wasm in [\d.]+ s/)).toBeVisible({ timeout: 180_000 });
  await expect(
    w.getByText(threads > 1 ? `Backend: wasm. It trains on ${threads} CPU threads.` : /^Backend: wasm\. It trains on one CPU thread/),
  ).toBeVisible();
});
