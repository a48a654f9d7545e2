import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { zipSync } from 'fflate';
import { makeImageFolder } from '../fixtures-gen/make-image-folder';

const REASON_TEXT: Record<string, string> = {
  hidden: 'hidden or system file',
  'stray-file': 'not inside a class folder',
  'not-image': 'not an image file',
  'empty-file': 'empty file',
  corrupt: 'cannot be decoded',
};

/** The folder as zip bytes, with entries for its sub-folders (so empty ones survive). */
function zipFolder(root: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const add = (dir: string, rel: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        files[`${rel}${name}/`] = new Uint8Array(0);
        add(full, `${rel}${name}/`);
      } else files[`${rel}${name}`] = readFileSync(full);
    }
  };
  add(root, '');
  return zipSync(files);
}

let tmp = '';
test.beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dlcv-e2e-folders-'));
});
test.afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

test('the default data set loads, splits 70/10/20 and is plotted', async ({ page }) => {
  await page.goto('2-1/');
  const loader = page.locator('hw-dataset-loader');
  await expect(loader.getByText(/Using the default data set: Fashion-MNIST, 5,000 images, 10 classes, 28×28 grayscale/)).toBeVisible();
  await expect(loader.getByRole('button', { name: 'Forget this data set' })).toBeHidden();
  const split = page.locator('hw-dataset-split');
  await split.scrollIntoViewIfNeeded();
  await expect(
    split.getByRole('img', { name: /Class distribution of the train, validation and test splits of the default data set \(seed 42\)/ }),
  ).toBeVisible();
  await expect(split.getByText('Seed 42: 3,500 training, 500 validation and 1,000 test images')).toBeVisible();
  const table = split.getByRole('table');
  await expect(table.getByRole('row', { name: /Trouser 500 350 10\.0 % 50 10\.0 % 100 10\.0 %/ })).toBeVisible();
  const seed = split.getByRole('spinbutton', { name: 'Seed' });
  await seed.fill('-3');
  await expect(split.getByRole('alert')).toContainText('The seed must be a whole number');
  await seed.fill('7');
  await expect(split.getByRole('img', { name: /\(seed 7\)/ })).toBeVisible();
  await split.getByLabel('share of the split').check();
  await expect(split.locator('svg text', { hasText: 'share of the split' })).toBeVisible();
  const samples = page.locator('hw-dataset-samples');
  await samples.scrollIntoViewIfNeeded();
  await expect(samples.getByRole('img', { name: '8 sample images of class Ankle boot' })).toBeVisible();
  await expect(samples.getByText(/every Fashion-MNIST image is 28×28 pixels/)).toBeVisible();
});

test('a folder with bad files: report, chart, kept across a reload, forgotten', async ({ page }) => {
  const fx = makeImageFolder(join(tmp, 'three'));
  await page.goto('2-1/');
  const loader = page.locator('hw-dataset-loader');
  await expect(loader.getByText(/Using the default data set/)).toBeVisible();
  await loader.getByLabel('Image size').selectOption('64');
  await loader.getByLabel('Open a data set folder').setInputFiles(join(fx.dir, 'root'));
  await expect(loader.getByText(/Using your data set "root": 12 images, 3 classes, 64×64 RGB/)).toBeVisible({ timeout: 30_000 });
  const report = loader.getByRole('region', { name: 'Load report' });
  await expect(report.getByText(/12 images used, \d+ files skipped/)).toBeVisible();
  const skipped = report.getByRole('table', { name: /Skipped files/ });
  for (const [path, reason] of Object.entries(fx.bad)) {
    if (reason === 'hidden') continue;
    await expect(skipped.getByRole('row', { name: new RegExp(`${path.replace(/\./g, '\\.')} ${REASON_TEXT[reason]}`) })).toBeVisible();
  }
  await expect(report.getByRole('row', { name: '0 cat 4' })).toBeVisible();
  const split = page.locator('hw-dataset-split');
  await split.scrollIntoViewIfNeeded();
  await expect(split.getByRole('img', { name: /Class distribution .* of "root" \(seed 42\)/ })).toBeVisible();
  await expect(split.getByRole('row', { name: /^0 cat 4 3 33\.3 % 0 0\.0 % 1 33\.3 %$/ })).toBeVisible();
  const samples = page.locator('hw-dataset-samples');
  await samples.scrollIntoViewIfNeeded();
  await expect(samples.getByText(/^12 decoded images: width 40–66 \(mean \d+\) px/)).toBeVisible();
  await expect(samples.getByRole('img', { name: 'Shorter side of the original images, in pixels' })).toBeVisible();
  await expect(samples.getByRole('img', { name: '4 sample images of class owl' })).toBeVisible();

  await page.reload();
  await expect(
    loader.getByText(/Using your data set "root": 12 images, 3 classes, 64×64 RGB \(.*\)\. It is kept in this browser/),
  ).toBeVisible();
  await expect(report.getByRole('table', { name: /Skipped files/ })).toBeVisible();
  await split.scrollIntoViewIfNeeded();
  await expect(split.getByRole('img', { name: /of "root" \(seed 42\)/ })).toBeVisible();

  await loader.getByRole('button', { name: 'Forget this data set' }).click();
  await expect(loader.getByText(/Using the default data set/)).toBeVisible();
  await expect(split.getByRole('img', { name: /of the default data set/ })).toBeVisible();
  await page.reload();
  await expect(loader.getByText(/Using the default data set/)).toBeVisible();
});

test('a folder with one class is refused with a clear message', async ({ page }) => {
  const fx = makeImageFolder(join(tmp, 'one'), 1);
  await page.goto('2-1/');
  const loader = page.locator('hw-dataset-loader');
  await expect(loader.getByText(/Using the default data set/)).toBeVisible();
  await loader.getByLabel('Open a data set folder').setInputFiles(join(fx.dir, 'root'));
  await expect(loader.getByRole('alert')).toContainText('only 1 class folder with images (cat); need at least 2');
  await expect(loader.getByText(/Using the default data set/)).toBeVisible();
});

test('a .zip of a folder loads like the folder, with its empty class folder reported', async ({ page }) => {
  const fx = makeImageFolder(join(tmp, 'zipped'));
  const zipPath = join(tmp, 'wildlife.zip');
  writeFileSync(zipPath, zipFolder(fx.dir));
  await page.goto('2-1/');
  const loader = page.locator('hw-dataset-loader');
  await expect(loader.getByText(/Using the default data set/)).toBeVisible();
  await loader.getByLabel('Or open a .zip of it').setInputFiles(zipPath);
  await expect(loader.getByText(/Using your data set "wildlife": 12 images, 3 classes, 128×128 RGB/)).toBeVisible({ timeout: 30_000 });
  const report = loader.getByRole('region', { name: 'Load report' });
  await expect(report.getByText('Folders without a usable image (not classes): empty_class.')).toBeVisible();
  await expect(report.getByRole('row', { name: /root\/cat\/random\.jpg cannot be decoded/ })).toBeVisible();
});

test('dropping a .zip on the drop zone loads it', async ({ page }) => {
  const fx = makeImageFolder(join(tmp, 'dropped'));
  const bytes = Array.from(zipFolder(fx.dir));
  await page.goto('2-1/');
  const loader = page.locator('hw-dataset-loader');
  await expect(loader.getByText(/Using the default data set/)).toBeVisible();
  const dataTransfer = await page.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'dropped.zip', { type: 'application/zip' }));
    return dt;
  }, bytes);
  const zone = loader.getByText(/Or drop a folder/);
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
  await expect(loader.getByText(/Using your data set "dropped": 12 images, 3 classes/)).toBeVisible({ timeout: 30_000 });
});

test('the data-set widgets have no axe violations', async ({ page }) => {
  await page.goto('2-1/');
  for (const w of ['hw-dataset-loader', 'hw-dataset-split', 'hw-dataset-samples']) await page.locator(w).scrollIntoViewIfNeeded();
  await expect(page.locator('hw-dataset-split').getByRole('table')).toBeVisible();
  await expect(page.locator('hw-dataset-samples').getByRole('img').first()).toBeVisible();
  const r = await new AxeBuilder({ page }).include('hw-dataset-loader').include('hw-dataset-split').include('hw-dataset-samples').analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
