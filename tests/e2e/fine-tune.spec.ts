import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';

const WEIGHTS = '../shared/fixtures/resnet18/weights.safetensors';

/** Opens chapter 2.3 (optionally with a switch) and picks the fixture weights as a file. */
async function openWithWeights(page: Page, search = '') {
  await page.goto(`2-3/${search}`);
  const w = page.locator('hw-fine-tune');
  await w.scrollIntoViewIfNeeded();
  await expect(w.getByText(/Fine-tuning on the default data set/)).toBeVisible();
  await expect(w.getByText(/No weights are loaded: ResNet-18 trains from random weights \(not pretrained\)/)).toBeVisible({
    timeout: 30_000,
  });
  await w.getByLabel(/Pick a weights file/).setInputFiles(WEIGHTS);
  await expect(w.getByText(/^Weights: weights\.safetensors \(safetensors, 46\.8 MB, SHA-256 [0-9a-f]{12}…\)/)).toBeVisible({
    timeout: 60_000,
  });
  return w;
}

async function settings(w: ReturnType<Page['locator']>, backend: string) {
  await w.getByLabel('Backend').selectOption(backend);
  await w.getByLabel('Image size').selectOption('32');
  await w.getByLabel('Epochs').fill('1');
  await expect(w.getByLabel('Fine-tuning')).toHaveValue('frozen');
  await expect(w.getByLabel('BatchNorm while training')).toBeDisabled();
}

test('a student picks the weights file, fine-tunes a frozen ResNet-18, sees curves, results and both t-SNE views, and answers from the run', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const w = await openWithWeights(page, '?train-limit=128');
  await settings(w, 'wasm');
  await w.getByRole('button', { name: 'Start' }).click();
  await expect(
    w.getByText(/Run completed on wasm in [\d.]+ s .*backbone features in [\d.]+ s\): 1 of 1 epoch, ResNet-18 from weights\.safetensors/),
  ).toBeVisible({ timeout: 180_000 });
  await expect(w.getByRole('img', { name: 'Loss per epoch (ResNet-18 from weights.safetensors)' })).toBeVisible();
  await expect(w.getByRole('img', { name: 'Accuracy per epoch (ResNet-18 from weights.safetensors)' })).toBeVisible();
  await expect(w.getByRole('img', { name: 'Training loss per step (ResNet-18 from weights.safetensors)' })).toBeVisible();
  await expect(
    w.getByRole('img', { name: /^Confusion matrix of the test split \(counts; ResNet-18 from weights\.safetensors\)/ }),
  ).toBeVisible();
  await expect(w.getByRole('img', { name: 'F1 score per class on the test split (ResNet-18 from weights.safetensors)' })).toBeVisible();
  await expect(w.getByRole('table', { name: /Class centroids of the \d+ feature vectors \(512-D\)/ })).toBeVisible();
  const summary = await w.getByText(/^ResNet-18 from weights\.safetensors: test accuracy [\d.]+ %/).textContent();
  const [, acc, f1] = summary!.match(/\(([\d.]+)\), macro F1 ([\d.]+)/)!;

  await w.getByLabel('Iterations').fill('300');
  await w.getByRole('button', { name: 'Draw t-SNE' }).click();
  const views = w.locator('hw-feature-space');
  await expect(views.nth(0).getByText(/^KL divergence [\d.]+ · trustworthiness \(k = 10\) 0\.\d{3}/)).toBeVisible({ timeout: 90_000 });
  await expect(views.nth(1).getByText(/^KL divergence [\d.]+ · trustworthiness \(k = 10\) 0\.\d{3}/)).toBeVisible({ timeout: 90_000 });
  await expect(views.nth(0).getByRole('img', { name: /^2-D t-SNE of \d+ points/ })).toBeVisible();
  await expect(views.nth(1).getByRole('img', { name: /^3-D t-SNE of \d+ points.*drag to rotate/ })).toBeVisible();
  await expect(
    w.getByText(
      /t-SNE drawn \(2-D: KL [\d.]+, trustworthiness [\d.]+; 3-D: KL [\d.]+, trustworthiness [\d.]+\); kept with run resnet18-42-/,
    ),
  ).toBeVisible();

  const row = page
    .locator('hw-run-list')
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox', { name: /Compare run resnet18-42-/ }) });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Hand in with my submission' }).click();
  await expect(row).toContainText('handed in');
  const handed = await page.evaluate(() => JSON.parse(localStorage.getItem('dlcv-hw1:progress:v1') ?? '{}').runs?.[0]);
  expect(handed.config).toMatchObject({
    model: 'resnet18',
    question: 'q2.3',
    fineTuning: 'frozen',
    batchNorm: 'eval',
    normalization: 'imagenet',
    pretrained: 'weights.safetensors',
  });
  expect(handed.config.weights.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(handed.featureSpace.classCentroidDistances).toHaveLength(10);
  expect(handed.featureSpace.tsne.map((t: { dims: number }) => t.dims)).toEqual([2, 3]);

  const ex = page.locator('hw-exercise[data-exercise="q2.3.metrics"]');
  await ex.getByLabel('Test accuracy of your handed-in q2.3 run').fill(acc);
  await ex.getByLabel('Macro F1 of your handed-in q2.3 run').fill(f1);
  // The class of lowest recall and the errors, read off the handed-in run's confusion matrix (rows: true classes).
  const confusion: number[][] = handed.test.confusion;
  const recall = confusion.map((row, i) => {
    const n = row.reduce((a, b) => a + b, 0);
    return n > 0 ? row[i] / n : Infinity;
  });
  await ex.getByLabel(/lowest recall/).fill(String(recall.indexOf(Math.min(...recall))));
  await ex
    .getByLabel(/classify wrongly/)
    .fill(String(confusion.flat().reduce((a, b) => a + b, 0) - confusion.reduce((s, row, i) => s + row[i], 0)));
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.getByRole('status')).toContainText(/^Correct/);
  await expect(ex.getByRole('status')).toContainText('Test accuracy of your handed-in q2.3 run: Correct');
  await expect(ex.getByRole('status')).toContainText('Macro F1 of your handed-in q2.3 run: Correct');
  const axe = await new AxeBuilder({ page }).include('hw-fine-tune').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('without weights the run says "not pretrained" in its status, on every chart and in its record', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('2-3/?train-limit=64');
  const w = page.locator('hw-fine-tune');
  await w.scrollIntoViewIfNeeded();
  await expect(w.getByText(/No weights are loaded: ResNet-18 trains from random weights \(not pretrained\)/)).toBeVisible({
    timeout: 30_000,
  });
  await settings(w, 'wasm');
  await w.getByRole('button', { name: 'Start' }).click();
  await expect(w.getByText(/Run completed on wasm .*ResNet-18, not pretrained\./)).toBeVisible({ timeout: 120_000 });
  for (const name of ['Loss per epoch', 'Accuracy per epoch', 'Training loss per step', 'F1 score per class on the test split']) {
    await expect(w.getByRole('img', { name: `${name} (ResNet-18, not pretrained)` })).toBeVisible();
  }
  await expect(w.getByRole('img', { name: 'Confusion matrix of the test split (counts; ResNet-18, not pretrained)' })).toBeVisible();
  const run = await page.evaluate(
    () =>
      new Promise<{ config: { pretrained: unknown; weights: unknown } }>((resolve) => {
        const req = indexedDB.open('dlcv-hw1-runs');
        req.onsuccess = () => {
          const g = req.result.transaction('runs').objectStore('runs').getAll();
          g.onsuccess = () => resolve(g.result[0]);
        };
      }),
  );
  expect(run.config).toMatchObject({ pretrained: null, weights: null });
  // The frozen backbone's features stay in the page: a second run and the feature-space button compute none.
  await w.getByRole('button', { name: 'Start' }).click();
  await expect(w.getByText(/Run completed on wasm .*ResNet-18, not pretrained\./)).toBeVisible({ timeout: 120_000 });
  await expect(w.locator('[data-features-text]')).toHaveText('0 of 0 images');
  await w.getByRole('button', { name: 'Features of the loaded weights' }).click();
  await expect(
    w.getByText(
      /^Features of random weights \(not pretrained\) before any training: \d+ images at 32×32, none computed, \d+ from this page's cache\./,
    ),
  ).toBeVisible({ timeout: 60_000 });
});

test('full fine-tuning with train-mode BatchNorm: the choice opens, the note explains small batches, the record says so', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const w = await openWithWeights(page, '?train-limit=64');
  await settings(w, 'wasm');
  await w.getByLabel('Fine-tuning').selectOption('full');
  await expect(w.getByLabel('BatchNorm while training')).toBeEnabled();
  await w.getByLabel('BatchNorm while training').selectOption('train');
  await expect(w.getByText(/With a batch of 8 these estimates are noisy/)).toBeVisible();
  await w.getByRole('button', { name: 'Start' }).click();
  await expect(
    w.getByText(/Run completed on wasm in [\d.]+ s \([\d,]+ images\/s\): 1 of 1 epoch, ResNet-18 from weights\.safetensors/),
  ).toBeVisible({ timeout: 150_000 });
  await expect(w.getByRole('table', { name: /Class centroids of the \d+ feature vectors/ })).toBeVisible();
  const run = await page.evaluate(
    () =>
      new Promise<{ config: object; featureSpace: { points: number } }>((resolve) => {
        const req = indexedDB.open('dlcv-hw1-runs');
        req.onsuccess = () => {
          const g = req.result.transaction('runs').objectStore('runs').getAll();
          g.onsuccess = () => resolve(g.result[0]);
        };
      }),
  );
  expect(run.config).toMatchObject({ model: 'resnet18', fineTuning: 'full', batchNorm: 'train', normalization: 'imagenet' });
  expect(run.featureSpace.points).toBeGreaterThan(0);
  console.log(await w.getByText(/^Run completed on wasm/).textContent());
});

test("the course's weights URL from course.json is downloaded with progress, checked and kept", async ({ page }) => {
  const bytes = readFileSync(WEIGHTS);
  await page.route('**/hw1/course.json', (r) =>
    r.fulfill({ json: { name: 'C', perStudentVariants: false, salt: '', resnetWeights: 'files/resnet18.safetensors' } }),
  );
  await page.route('**/hw1/files/resnet18.safetensors', (r) => r.fulfill({ body: bytes, contentType: 'application/octet-stream' }));
  await page.goto('2-3/');
  const w = page.locator('hw-fine-tune');
  await w.scrollIntoViewIfNeeded();
  await expect(
    w.getByText(
      /^Weights: resnet18\.safetensors \(safetensors, 46\.8 MB, .*From the course's weights file\. Kept in this browser for next time\./,
    ),
  ).toBeVisible({ timeout: 60_000 });
});

test('a truncated file or the wrong architecture is refused with a message, and the previous weights stay, also after a reload', async ({
  page,
}) => {
  const w = await openWithWeights(page);
  const bytes = readFileSync(WEIGHTS);
  const pick = w.getByLabel(/Pick a weights file/);
  await pick.setInputFiles({ name: 'cut.safetensors', mimeType: 'application/octet-stream', buffer: bytes.subarray(0, 1_000_000) });
  await expect(
    w.getByRole('alert').filter({
      hasText: /cut\.safetensors could not be read as \.pth or \.safetensors: .*The previous weights \(weights\.safetensors\) stay\./,
    }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(w.getByText(/^Weights: weights\.safetensors/)).toBeVisible();
  const cnn = readFileSync('../shared/fixtures/cnn64/weights.safetensors');
  await pick.setInputFiles({ name: 'cnn.safetensors', mimeType: 'application/octet-stream', buffer: cnn });
  await expect(
    w
      .getByRole('alert')
      .filter({ hasText: /cnn\.safetensors is not a ResNet-18 state_dict: these weights do not fit torchvision's ResNet-18: missing/ }),
  ).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await page.locator('hw-fine-tune').scrollIntoViewIfNeeded();
  await expect(page.locator('hw-fine-tune').getByText(/^Weights: weights\.safetensors .*From kept in this browser\./)).toBeVisible({
    timeout: 60_000,
  });
});

test('no switch: frozen backbone, 32×32, 1 epoch on the whole default data set on wasm, then t-SNE of its features', async ({ page }) => {
  test.setTimeout(600_000);
  const w = await openWithWeights(page);
  await settings(w, 'wasm');
  await w.getByRole('button', { name: 'Start' }).click();
  // 5,000 images: 3,500 train = 109 full batches of 32; every image's features once (3,500 + 500 + 1,000).
  await expect(w.getByText(/^5,000 of 5,000 images$/)).toBeVisible({ timeout: 240_000 });
  await expect(w.getByText(/Run completed on wasm in [\d.]+ s/)).toBeVisible({ timeout: 240_000 });
  await expect(w.getByText(/^ResNet-18 from weights\.safetensors: test accuracy [\d.]+ %.* on 1000 test images/)).toBeVisible();
  console.log(await w.getByText(/^Run completed on wasm/).textContent());
  // The feature space of the whole run, with the default t-SNE settings (perplexity 30, 750 iterations).
  const features = w.getByText(/^Features of this run: \d+ images \(\d+ train, 500 validation\)/);
  await expect(features).toBeVisible();
  const [, points] = (await features.textContent())!.match(/: (\d+) images/)!;
  await w.getByRole('button', { name: 'Draw t-SNE' }).click();
  const views = w.locator('hw-feature-space');
  await expect(views.nth(0).getByRole('img', { name: new RegExp(`^2-D t-SNE of ${points} points`) })).toBeVisible({ timeout: 240_000 });
  await expect(views.nth(1).getByRole('img', { name: /^3-D t-SNE of 500 points.*drag to rotate/ })).toBeVisible({ timeout: 240_000 });
  await expect(
    w.getByText(
      /t-SNE drawn \(2-D: KL [\d.]+, trustworthiness [\d.]+; 3-D: KL [\d.]+, trustworthiness [\d.]+\); kept with run resnet18-42-/,
    ),
  ).toBeVisible({ timeout: 240_000 });
  console.log(await w.getByText(/^t-SNE drawn/).textContent());
});

test('chapter 2.3 passes an axe accessibility check', async ({ page }) => {
  await page.goto('2-3/');
  await page.locator('hw-fine-tune').scrollIntoViewIfNeeded();
  await expect(page.locator('hw-fine-tune').getByText(/No weights are loaded/)).toBeVisible({ timeout: 30_000 });
  const result = await new AxeBuilder({ page }).exclude('.katex-mathml').analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
