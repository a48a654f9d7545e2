import { test, expect, type Page } from '@playwright/test';

/** Tiny runs: 32×32, 1 epoch, every split cut to 128 images (4 steps of 32) through the hidden ?train-limit= parameter. */
async function startTinyRun(page: Page, backend: string) {
  await page.goto('2-2/?train-limit=128');
  const w = page.locator('hw-train-cnn');
  await w.scrollIntoViewIfNeeded();
  await expect(w.getByText(/Training on the default data set/)).toBeVisible();
  await w.getByLabel('Backend').selectOption(backend);
  await w.getByLabel('Image size').selectOption('32');
  await w.getByLabel('Epochs').fill('1');
  await w.getByRole('button', { name: 'Start' }).click();
  return w;
}

test('a student trains on the whole default data set with auto and no test switch, and gets the test results', async ({ page }) => {
  await page.goto('2-2/');
  const w = page.locator('hw-train-cnn');
  await w.scrollIntoViewIfNeeded();
  await expect(w.getByText(/Training on the default data set.*5,000 images/)).toBeVisible();
  await expect(w.getByLabel('Backend')).toHaveValue('auto');
  await w.getByLabel('Image size').selectOption('32');
  await w.getByLabel('Epochs').fill('1');
  await w.getByRole('button', { name: 'Start' }).click();
  // Chromium here has WebGPU and WebGL only through SwiftShader (software): auto must pass over both for wasm.
  await expect(
    w.getByText(
      /^Backend: wasm\. Auto chose wasm over webgpu, which runs on a software renderer \(google swiftshader\).*; webgl, which runs on a software renderer \(.*SwiftShader.*\)/,
    ),
  ).toBeVisible({ timeout: 60_000 });
  // 5,000 images, 70 % train = 3,500 = 109 full batches of 32: the whole data set, not a cut.
  await expect(w.getByText(/Epoch 1 of 1 · step \d+ of 109/)).toBeVisible({ timeout: 60_000 });
  await expect(w.getByText(/Run completed on wasm in [\d.]+ s/)).toBeVisible({ timeout: 120_000 });
  await expect(w.getByText(/Training failed|No backend could start/)).toHaveCount(0);
  await expect(w.getByText(/^Test accuracy [\d.]+ %/)).toBeVisible();
  await expect(w.getByRole('img', { name: /Confusion matrix of the test split \(counts\)/ })).toBeVisible();
  const row = page.locator('hw-run-list').getByRole('row').filter({ hasText: 'wasm' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('1/1');
});

test('WebGPU that cannot start says what failed and what to do: no navigator.gpu, then no adapter', async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('gpu-mode') === 'no-adapter') GPU.prototype.requestAdapter = async () => null;
    else Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined });
  });
  await page.goto('2-2/');
  const w = page.locator('hw-train-cnn');
  await w.scrollIntoViewIfNeeded();
  await w.getByLabel('Backend').selectOption('webgpu');
  await w.getByRole('button', { name: 'Start' }).click();
  await expect(w.getByRole('alert')).toContainText(
    /No backend could start: .*webgpu: this browser has no WebGPU \(no navigator\.gpu\): use a current Chrome or Edge/,
  );
  await page.evaluate(() => sessionStorage.setItem('gpu-mode', 'no-adapter'));
  await page.reload();
  await w.scrollIntoViewIfNeeded();
  await w.getByLabel('Backend').selectOption('webgpu');
  await w.getByRole('button', { name: 'Start' }).click();
  await expect(w.getByRole('alert')).toContainText(/webgpu: no WebGPU adapter: .*turn on hardware acceleration/);
});

test('trains on WebGPU: live charts, pause and resume, results, runs list, hand in, graded metrics', async ({ page }) => {
  test.setTimeout(300_000); // WebGPU here is SwiftShader, a software GPU: slow, and slower still on a loaded machine
  const w = await startTinyRun(page, 'webgpu');
  await expect(w.getByText(/^Backend: webgpu\./)).toBeVisible({ timeout: 60_000 });
  await expect(w.getByText(/Epoch 1 of 1 · step \d+ of 4/)).toBeVisible({ timeout: 60_000 });
  await w.getByRole('button', { name: 'Pause' }).click();
  await expect(w.getByText('Paused. Press Resume to go on.')).toBeVisible();
  const before = await w.getByRole('progressbar').getAttribute('value');
  await page.waitForTimeout(1000);
  expect(await w.getByRole('progressbar').getAttribute('value')).toBe(before);
  await expect(w.getByRole('button', { name: 'Start' })).toBeDisabled();
  await w.getByRole('button', { name: 'Resume' }).click();
  await expect(w.getByText(/Run completed on webgpu in [\d.]+ s/)).toBeVisible({ timeout: 90_000 });
  await expect(w.getByRole('img', { name: /Loss per epoch/ })).toBeVisible();
  await expect(w.getByRole('img', { name: /Accuracy per epoch/ })).toBeVisible();
  await expect(w.getByRole('img', { name: /Training loss per step/ })).toBeVisible();
  await expect(w.getByRole('img', { name: /Confusion matrix of the test split \(counts\)/ })).toBeVisible();
  await w.getByLabel(/share of the true class/).check();
  await expect(w.getByRole('img', { name: /Confusion matrix of the test split \(share of each true class\)/ })).toBeVisible();
  await expect(w.getByRole('img', { name: 'F1 score per class on the test split' })).toBeVisible();
  await expect(w.getByRole('img', { name: /^Test image \d+: true .+, predicted .+$/ }).first()).toBeVisible();
  const summary = await w.getByText(/^Test accuracy [\d.]+ %/).textContent();
  const [, acc, f1] = summary!.match(/\(([\d.]+)\), macro F1 ([\d.]+)/)!;

  const list = page.locator('hw-run-list');
  const row = list.getByRole('row').filter({ hasText: 'webgpu' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('1/1');
  await row.getByRole('button', { name: 'Hand in with my submission' }).click();
  await expect(row).toContainText('handed in');
  await expect(
    list.getByText(/1 run handed in with your submission\. This chapter's exercises on your own run are checked against cnn-42-/),
  ).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('dlcv-hw1:progress:v1') ?? '{}').runs?.length);
  expect(stored).toBe(1);

  const ex = page.locator('hw-exercise[data-exercise="q2.2.metrics"]');
  await ex.getByLabel('Test accuracy of your handed-in run').fill(acc);
  await ex.getByLabel('Macro F1 of your handed-in run').fill(f1);
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.getByRole('status')).toContainText(/^Correct/);
});

test('trains on wasm, keeps the run across a reload, refuses a bad import, compares runs', async ({ page }) => {
  const w = await startTinyRun(page, 'wasm');
  await expect(w.getByText(/^Backend: wasm\./)).toBeVisible({ timeout: 60_000 });
  await expect(w.getByText(/Run completed on wasm in [\d.]+ s/)).toBeVisible({ timeout: 90_000 });
  await expect(w.getByRole('img', { name: /Confusion matrix of the test split/ })).toBeVisible();

  await page.reload();
  const list = page.locator('hw-run-list');
  await list.scrollIntoViewIfNeeded();
  const row = list.getByRole('row').filter({ hasText: 'wasm' });
  await expect(row).toHaveCount(1);
  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Export JSON' }).click();
  const file = await (await download).path();
  const weights = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Download weights' }).click();
  expect((await weights).suggestedFilename()).toMatch(/\.safetensors$/);

  await list
    .getByLabel('Import a run (JSON)')
    .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"dlcv-hw1-run"}') });
  await expect(list.getByRole('alert')).toContainText('bad.json is not a valid run record');
  await expect(list.getByRole('alert')).toContainText('Nothing was changed.');
  await expect(list.getByRole('row').filter({ has: page.getByRole('checkbox') })).toHaveCount(1);

  const record = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(file!, 'utf8')));
  const copy = {
    ...record,
    id: `${record.id}-copy`,
    epochs: record.epochs.map((e: { valLoss: number }) => ({ ...e, valLoss: e.valLoss + 0.1 })),
  };
  await list
    .getByLabel('Import a run (JSON)')
    .setInputFiles({ name: 'copy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(copy)) });
  await expect(list.getByText(`Imported run ${copy.id}.`)).toBeVisible();
  for (const box of await list.getByRole('checkbox', { name: /^Compare run/ }).all()) await box.check();
  await list.getByRole('button', { name: 'Compare selected runs' }).click();
  await expect(list.getByRole('img', { name: 'Compared runs: validation loss per epoch' })).toBeVisible();
});

test('a lost GPU device: the widget says so, keeps the curves so far and trains on the next backend', async ({ page }) => {
  test.setTimeout(300_000); // WebGPU here is SwiftShader, a software GPU: slow, and slower still on a loaded machine
  await page.addInitScript(() => {
    const requestDevice = GPUAdapter.prototype.requestDevice;
    GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, ...args: Parameters<GPUAdapter['requestDevice']>) {
      const device = await requestDevice.apply(this, args);
      ((window as unknown as { __devices: GPUDevice[] }).__devices ??= []).push(device);
      return device;
    };
  });
  const w = await startTinyRun(page, 'webgpu');
  await expect(w.getByText(/Epoch 1 of 1 · step \d+ of 4/)).toBeVisible({ timeout: 60_000 });
  await page.evaluate(() => (window as unknown as { __devices: GPUDevice[] }).__devices.forEach((d) => d.destroy()));
  await expect(w.getByText(/The GPU device was lost/)).toBeVisible({ timeout: 30_000 });
  await expect(w.getByText(/Run completed on (webgl|wasm|cpu) in [\d.]+ s/)).toBeVisible({ timeout: 90_000 });
  await expect(w.getByLabel('Backend')).not.toHaveValue('webgpu');
  await expect(page.locator('hw-run-list').getByRole('row').filter({ hasText: 'the GPU was lost' })).toHaveCount(1);
});
