import { test, expect } from '@playwright/test';
import { cnnRun } from '../helpers/q2a-runs';

test('a student answers the loader exercises, and the batches of the run handed in from the split the page prints', async ({ page }) => {
  await page.goto('2-1/');
  const split = page.locator('hw-dataset-split');
  await split.scrollIntoViewIfNeeded();
  const summary = await split.getByText(/^Seed 42: [\d,]+ training/).textContent();
  const train = Number(summary!.match(/^Seed 42: ([\d,]+) training/)![1].replace(/,/g, ''));

  const bugs = page.locator('hw-exercise[data-exercise="q2.1.bugs"]');
  for (const line of [
    'random_split(dataset',
    'shuffle=False',
    'val_loader = move_to_gpu',
    'test_loader = move_to_gpu',
    "image.to('cuda')",
    'dataset = ImageFolder',
  ]) {
    await bugs.getByRole('checkbox', { name: line }).check();
  }
  await bugs.getByRole('button', { name: 'Check' }).click();
  await expect(bugs.getByRole('status')).toContainText(/^Correct/);

  // The run a student trained on the default data set with the default batch size, handed in on chapter 2.2.
  const run = cnnRun({ seed: 41, id: 'cnn-q2a-batches', train, batchSize: 32 });
  await page.goto('2-2/');
  const list = page.locator('hw-run-list');
  await list.scrollIntoViewIfNeeded();
  await list
    .getByLabel('Import a run (JSON)')
    .setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(run)) });
  await list
    .getByRole('row')
    .filter({ hasText: `seed ${run.config.seed} · ${run.backend}` })
    .getByRole('button', { name: 'Hand in with my submission' })
    .click();
  await expect(list.getByText(/1 run handed in with your submission/)).toBeVisible();

  await page.goto('2-1/');
  const batches = page.locator('hw-exercise[data-exercise="q2.1.batches"]');
  await batches.scrollIntoViewIfNeeded();
  await batches.getByLabel(/^Batches in one epoch/).fill(`${Math.ceil(train / 32)}`);
  await batches.getByLabel('Images in the last batch of the epoch').fill(`${train - 32 * (Math.ceil(train / 32) - 1)}`);
  await batches.getByRole('button', { name: 'Check' }).click();
  await expect(batches.getByRole('status')).toContainText(/^Correct/);

  await batches.getByLabel(/^Batches in one epoch/).fill(`${Math.floor(train / 32)}`);
  await batches.getByRole('button', { name: 'Check' }).click();
  await expect(batches.getByRole('status')).toContainText('drop_last');
});
