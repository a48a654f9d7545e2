import { test, expect, type Page } from '@playwright/test';
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
  await expect(w.getByText(threads > 1 ? `Backend: wasm. It trains on ${threads} CPU threads.` : /^Backend: wasm\. It trains on one CPU thread/)).toBeVisible({ timeout: 60_000 });
  await expect(w.getByText(/Epoch 1 of 1 · step \d+ of 109/)).toBeVisible({ timeout: 60_000 });
  await expect(w.getByText(/Run completed on wasm in [\d.]+ s/)).toBeVisible({ timeout: 180_000 });
  await expect(w.getByText(/^Test accuracy [\d.]+ %.* on 1000 test images/)).toBeVisible();
  await expect(page.locator('hw-run-list').getByRole('row').filter({ has: page.getByRole('checkbox', { name: /Compare run cnn-/ }) })).toHaveCount(1);
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
  await expect(w.getByText(/^Backend: wasm\. It trains on one CPU thread: the page is not cross-origin isolated/)).toBeVisible({ timeout: 60_000 });
  if (threads > 1) await expect(w.getByText(new RegExp(`Reload the page to train on up to ${threads} threads`))).toBeVisible();
  await expect(w.getByText(/Run completed on wasm in [\d.]+ s/)).toBeVisible({ timeout: 120_000 });
  await page.reload();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});
