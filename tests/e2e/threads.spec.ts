import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeImageFolder } from '../fixtures-gen/make-image-folder';
import { startTraining } from '../helpers/train-widget';

// The student's real browser: the book's service worker (public/coi-sw.js) is allowed, as it is outside tests.
test.use({ serviceWorkers: 'allow' });

const threadsWanted = (page: Page) => page.evaluate(() => Math.min(navigator.hardwareConcurrency, 8));

test('a student who opens the book and then chapter 2.2 trains on the CPU with every core: no test switch', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.getByRole('link', { name: /2\.2/ }).first().click();
  await expect(page).toHaveURL(/2-2\/$/);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const threads = await threadsWanted(page);
  const w = page.locator('hw-train-cnn');
  await w.scrollIntoViewIfNeeded();
  await expect(w.getByText(/Training on the default data set.*5,000 images/)).toBeVisible();
  await startTraining(w, { backend: 'wasm', imageSize: 32, epochs: 1 });
  await expect(
    w.getByText(threads > 1 ? `Backend: wasm. It trains on ${threads} CPU threads.` : /^Backend: wasm\. It trains on one CPU thread/),
  ).toBeVisible({ timeout: 60_000 });
  // the book's SIMD kernels and their helper threads started (else the line says they are off, and why)
  await expect(w.getByText(/faster wasm kernels are off/)).toHaveCount(0);
  await expect(w.locator('[data-backend]')).toHaveAttribute('data-wasm-kernels', `simd, ${Math.max(0, threads - 1)} helper thread(s)`);
  await expect(w.getByText(/Epoch 1 of 1 · step \d+ of 109/)).toBeVisible({ timeout: 60_000 });
  await expect(w.getByText(/Run completed on wasm in [\d.]+ s/)).toBeVisible({ timeout: 180_000 });
  await expect(w.getByText(/^Test accuracy [\d.]+ %.* on 1000 test images/)).toBeVisible();
  await expect(
    page
      .locator('hw-run-list')
      .getByRole('row')
      .filter({ has: page.getByRole('checkbox', { name: /Compare run cnn-/ }) }),
  ).toHaveCount(1);
  console.log(await w.getByText(/Run completed on wasm/).textContent());
  // Everything else the page loads still loads under isolation: search (Pagefind's script, wasm and index).
  await page.keyboard.press('/');
  await page.keyboard.type('softmax');
  await expect(page.getByRole('dialog', { name: 'Search the book' }).getByRole('listitem').first()).toBeVisible({ timeout: 30_000 });
});

test('a page opened before the service worker started says so, and a reload gives wasm its threads', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('2-2/?train-limit=64');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const threads = await threadsWanted(page);
  const w = page.locator('hw-train-cnn');
  await startTraining(w, { backend: 'wasm', imageSize: 32, epochs: 1 });
  await expect(w.getByText(/^Backend: wasm\. It trains on one CPU thread: the page is not cross-origin isolated/)).toBeVisible({
    timeout: 60_000,
  });
  // the single-threaded build still runs the book's SIMD kernels, without helpers (no shared memory)
  await expect(w.locator('[data-backend]')).toHaveAttribute('data-wasm-kernels', 'simd, 0 helper thread(s)');
  if (threads > 1) await expect(w.getByText(new RegExp(`Reload the page to train on up to ${threads} threads`))).toBeVisible();
  await expect(w.getByText(/Run completed on wasm in [\d.]+ s/)).toBeVisible({ timeout: 120_000 });
  await page.reload();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});

/** Opens the home page, lets the service worker start, then opens `path`: a page as isolated as a student's. */
async function isolatedPage(page: Page, path: string): Promise<void> {
  await page.goto('');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.goto(path);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
}

test('on an isolated page the data-set decoders still start: a picked folder loads with its report', async ({ page }) => {
  const tmp = mkdtempSync(join(tmpdir(), 'dlcv-e2e-isolated-'));
  try {
    const fx = makeImageFolder(join(tmp, 'folder'));
    await isolatedPage(page, '2-1/');
    const loader = page.locator('hw-dataset-loader');
    await expect(loader.getByText(/Using the default data set/)).toBeVisible();
    await loader.getByLabel('Open a data set folder').setInputFiles(join(fx.dir, 'root'));
    await expect(loader.getByText(/Using your data set "root": 12 images, 3 classes/)).toBeVisible({ timeout: 30_000 });
    await expect(
      loader
        .getByRole('region', { name: 'Load report' })
        .getByRole('row', { name: /cannot be decoded/ })
        .first(),
    ).toBeVisible();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('on an isolated page the weights file reads and the t-SNE worker draws both views', async ({ page }) => {
  test.setTimeout(240_000);
  await isolatedPage(page, '2-3/?train-limit=64');
  const w = page.locator('hw-fine-tune');
  await w.scrollIntoViewIfNeeded();
  await w.getByLabel(/Pick a weights file/).setInputFiles('../shared/fixtures/resnet18/weights.safetensors');
  await expect(w.getByText(/^Weights: weights\.safetensors \(safetensors, 46\.8 MB/)).toBeVisible({ timeout: 60_000 });
  await w.getByLabel('Backend').selectOption('wasm');
  await w.getByLabel('Image size').selectOption('32');
  await w.getByRole('button', { name: 'Features of the loaded weights' }).click();
  await expect(w.getByText(/^Features of weights\.safetensors before any training: \d+ images at 32×32/)).toBeVisible({ timeout: 90_000 });
  await w.getByLabel('Iterations').fill('300');
  await w.getByRole('button', { name: 'Draw t-SNE' }).click();
  const views = w.locator('hw-feature-space');
  await expect(views.nth(0).getByText(/^KL divergence [\d.]+ · trustworthiness \(k = 10\) 0\.\d{3}/)).toBeVisible({ timeout: 90_000 });
  await expect(views.nth(1).getByText(/^KL divergence [\d.]+ · trustworthiness \(k = 10\) 0\.\d{3}/)).toBeVisible({ timeout: 90_000 });
});
