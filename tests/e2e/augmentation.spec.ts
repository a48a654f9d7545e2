import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { test, expect, type Locator } from '@playwright/test';
import { CHANGE_OPTIONS } from '../../src/homework/q2-4';
import { gapVerdict } from '../../src/homework/q2-4-runs';

/** The pictures of every draw in the preview, as PNG data URLs. */
const drawPixels = (preview: Locator) =>
  preview.getByRole('img', { name: /^draw \d+ of original \d+$/ }).evaluateAll((cs) => cs.map((c) => (c as HTMLCanvasElement).toDataURL()));

test('a student previews augmentations, changes a parameter, draws again, sees a bad value named, and the chapter passes axe', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('2-4/');
  const preview = page.locator('hw-augment-preview');
  await preview.scrollIntoViewIfNeeded();
  await expect(preview.getByText(/^4 originals \(outlined\) and 6 augmented draws of each, \d+×\d+, draw 1\./)).toBeVisible({
    timeout: 60_000,
  });
  await expect(preview.getByRole('img', { name: /^original \d \(/ })).toHaveCount(4);
  await expect(preview.getByRole('img', { name: /^draw \d of original \d$/ })).toHaveCount(24);
  await expect(
    preview.getByText(
      /^Pipeline: RandomCrop\(size=\(\d+, \d+\), padding=.*→ RandomPerspective\(distortion_scale=0\.5.*→ ColorJitter\(brightness=\(0\.7, 1\.3\)/,
    ),
  ).toBeVisible();
  const first = await drawPixels(preview);
  expect(new Set(first).size).toBeGreaterThan(1);

  const jitter = preview.getByRole('group', { name: 'ColorJitter' });
  await jitter.getByLabel('brightness').fill('0.2, 1.8');
  await jitter.getByLabel('brightness').press('Tab');
  await expect(preview.getByText(/ColorJitter\(brightness=\(0\.2, 1\.8\)/)).toBeVisible();
  const changed = await drawPixels(preview);
  expect(changed).not.toEqual(first);

  await preview.getByRole('button', { name: 'Draw again' }).click();
  await expect(preview.getByText(/, draw 2\./)).toBeVisible();
  expect(await drawPixels(preview)).not.toEqual(changed);

  const flip = preview.getByRole('group', { name: 'RandomHorizontalFlip' });
  await flip.getByRole('checkbox', { name: 'RandomHorizontalFlip' }).check();
  await expect(preview.getByText(/^Pipeline: /)).toContainText('RandomHorizontalFlip(p=0.5)');
  const before = await preview.getByText(/^Pipeline: /).textContent();
  await flip.getByLabel('p', { exact: true }).fill('2');
  await flip.getByLabel('p', { exact: true }).press('Tab');
  await expect(preview.getByRole('alert')).toContainText(
    'Step 2 (Random horizontal flip): the probability p must be a number from 0 to 1 (you entered "2")',
  );
  await expect(flip.getByLabel('p', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(preview.getByText(/^Pipeline: /)).toHaveText(before!);
  await flip.getByLabel('p', { exact: true }).fill('0.25');
  await flip.getByLabel('p', { exact: true }).press('Tab');
  await expect(preview.getByRole('alert')).toHaveCount(0); // an empty alert is hidden
  await expect(preview.getByText(/^Pipeline: /)).toContainText('RandomHorizontalFlip(p=0.25)');
  const kept = await page.evaluate(() =>
    JSON.parse(localStorage.getItem('dlcv-hw1:augment-pipeline') ?? '[]').map((s: { op: string }) => s.op),
  );
  expect(kept).toEqual(['RandomCrop', 'RandomHorizontalFlip', 'RandomPerspective', 'ColorJitter']);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('a student trains a tiny augmented ResNet-18 and finds the pipeline in the runs list and the exported record', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('2-4/?train-limit=64');
  const preview = page.locator('hw-augment-preview');
  await preview.scrollIntoViewIfNeeded();
  await expect(preview.getByText(/^4 originals/)).toBeVisible({ timeout: 60_000 });
  const w = page.locator('hw-fine-tune');
  await w.scrollIntoViewIfNeeded();
  await expect(w.getByRole('heading', { name: 'Train ResNet-18 with your augmentations' })).toBeVisible();
  await expect(
    w.getByText(/^Each training batch is augmented with: RandomCrop\(size=\(32, 32\).*→ RandomPerspective.*→ ColorJitter/),
  ).toBeVisible({ timeout: 30_000 });
  await w.getByLabel('Backend').selectOption('wasm');
  await w.getByLabel('Image size').selectOption('32');
  await w.getByLabel('Epochs').fill('1');
  await w.getByLabel('Batch size').fill('16');
  await expect(w.getByLabel('Fine-tuning')).toHaveValue('full');
  await w.getByRole('button', { name: 'Start' }).click();
  await expect(w.getByText(/^Run completed on wasm in [\d.]+ s/)).toBeVisible({ timeout: 240_000 });

  const row = page
    .locator('hw-run-list')
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox', { name: /Compare run resnet18-/ }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('aug: RandomCrop, RandomPerspective, ColorJitter');
  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Export JSON' }).click();
  const record = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
  expect(record.version).toBe(2);
  expect(record.config).toMatchObject({ model: 'resnet18', question: 'q2.4', fineTuning: 'full', imageSize: 32 });
  expect(record.config.augmentations.map((s: { op: string }) => s.op)).toEqual(['RandomCrop', 'RandomPerspective', 'ColorJitter']);
  expect(record.config.augmentations[0].params).toMatchObject({ size: [32, 32], padding_mode: 'constant' });
  expect(record.config.augmentations[2].params).toEqual({
    brightness: [0.7, 1.3],
    contrast: [0.8, 1.2],
    saturation: [0.8, 1.2],
    hue: [0, 0],
  });
  const compare = page.locator('hw-augment-compare');
  await expect(
    compare.getByText(/^Your augmented run resnet18-.* is here; train one of the same model without augmentation/),
  ).toBeVisible();

  for (const op of ['RandomCrop', 'RandomPerspective', 'ColorJitter']) await preview.getByRole('checkbox', { name: op }).uncheck();
  await expect(preview.getByText('Pipeline: none (every draw is the original).')).toBeVisible();
  await expect(w.getByText(/^No augmentation is switched on in the preview above/)).toBeVisible();
  await w.getByRole('button', { name: 'Start' }).click();
  await expect(w.getByText(/^Run completed on wasm in [\d.]+ s/)).toBeVisible({ timeout: 240_000 });
  const gaps = compare.getByText(
    /^Training minus validation accuracy at the last epoch: (-?[\d.]+) % without augmentation .*, (-?[\d.]+) % with it/,
  );
  await expect(gaps).toBeVisible({ timeout: 30_000 });
  await expect(compare.getByRole('img', { name: /Compared runs: train accuracy per epoch/ })).toBeVisible();
  await expect(compare.getByRole('img', { name: /Compared runs: validation accuracy per epoch/ })).toBeVisible();
  const [, without, withAug] = (await gaps.textContent())!.match(/: (-?[\d.]+) % without augmentation .*, (-?[\d.]+) % with it/)!;

  const rows = page
    .locator('hw-run-list')
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox', { name: /Compare run resnet18-/ }) });
  await expect(rows).toHaveCount(2);
  for (let i = 0; i < 2; i++) await rows.nth(i).getByRole('button', { name: 'Hand in with my submission' }).click();
  await expect(rows.filter({ hasText: 'handed in' })).toHaveCount(2);
  const ex = page.locator('hw-exercise[data-exercise="q2.4.overfit"]');
  await ex.getByLabel('Training minus validation accuracy at the last epoch of your run without augmentation').fill(`${without} %`);
  await ex.getByLabel('The same gap for your augmented run').fill(`${withAug} %`);
  const verdict = gapVerdict(Number(without) / 100, Number(withAug) / 100);
  await ex.getByLabel(CHANGE_OPTIONS.find((o) => o.id === (verdict === 'unclear' ? 'same' : verdict))!.label).check();
  await ex.getByLabel(/What you read in the two sets of curves/).fill('One epoch on 64 images: too short to tell much.');
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.getByRole('status')).toContainText('of your run without augmentation: Correct');
  await expect(ex.getByRole('status')).toContainText('The same gap for your augmented run: Correct');
  if (verdict !== 'unclear') await expect(ex.getByRole('status')).toContainText('Did overfitting go down with augmentation? Correct');
});

test('a student trains ResNet-18 with augmentations on the whole default data set, with auto and no test switch', async ({ page }) => {
  test.setTimeout(600_000); // full fine-tuning of ResNet-18 on 3,500 augmented images on the CPU: a few minutes here
  await page.goto('2-4/');
  const w = page.locator('hw-fine-tune');
  await w.scrollIntoViewIfNeeded();
  await expect(w.getByText(/^Each training batch is augmented with: RandomCrop/)).toBeVisible({ timeout: 60_000 });
  await expect(w.getByLabel('Backend')).toHaveValue('auto');
  await w.getByLabel('Image size').selectOption('32');
  await w.getByLabel('Epochs').fill('1');
  await w.getByRole('button', { name: 'Start' }).click();
  await expect(w.getByText(/^Run completed on wasm in [\d.]+ s/)).toBeVisible({ timeout: 540_000 });
  const row = page
    .locator('hw-run-list')
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox', { name: /Compare run resnet18-/ }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('aug: RandomCrop, RandomPerspective, ColorJitter');
  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Export JSON' }).click();
  const record = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
  // 5,000 images split 70/10/20: every one of the 3,500 training images, none cut by a test switch.
  expect(record.dataset.counts).toEqual({ train: 3500, val: 500, test: 1000 });
  expect(record.test.confusion.flat().reduce((a: number, b: number) => a + b, 0)).toBe(1000);
});

test('a student trains the homework CNN with the same augmentations on the whole default data set, with auto and no test switch', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('2-4/');
  const w = page.locator('hw-train-cnn');
  await w.scrollIntoViewIfNeeded();
  await expect(w.getByRole('heading', { name: 'Train the CNN with your augmentations' })).toBeVisible();
  await expect(w.getByText(/^Each training batch is augmented with: RandomCrop\(size=\(64, 64\)/)).toBeVisible({ timeout: 60_000 });
  await w.getByLabel('Image size').selectOption('32');
  await expect(
    w.getByText(/^Each training batch is augmented with: RandomCrop\(size=\(32, 32\).*→ RandomPerspective.*→ ColorJitter/),
  ).toBeVisible();
  await expect(w.getByLabel('Backend')).toHaveValue('auto');
  await w.getByLabel('Epochs').fill('1');
  await w.getByRole('button', { name: 'Start' }).click();
  await expect(w.getByText(/^Run completed on wasm in [\d.]+ s/)).toBeVisible({ timeout: 240_000 });
  await expect(w.getByText(/^Test accuracy [\d.]+ %.* on 1000 test images/)).toBeVisible();
  await expect(w.getByRole('img', { name: /Confusion matrix of the test split \(counts\)/ })).toBeVisible();
  const row = page
    .locator('hw-run-list')
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox', { name: /Compare run cnn-/ }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('aug: RandomCrop, RandomPerspective, ColorJitter');
  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Export JSON' }).click();
  const record = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
  expect(record.config).toMatchObject({ model: 'cnn', question: 'q2.4', imageSize: 32, epochs: 1 });
  expect(record.config.augmentations.map((s: { op: string }) => s.op)).toEqual(['RandomCrop', 'RandomPerspective', 'ColorJitter']);
  expect(record.dataset.counts).toEqual({ train: 3500, val: 500, test: 1000 });
  expect(record.steps).toHaveLength(109);
  await expect(
    page.locator('hw-augment-compare').getByText(/^Your augmented run cnn-.* is here; train one of the same model without augmentation/),
  ).toBeVisible();
});
