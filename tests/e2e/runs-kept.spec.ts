import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';

/** Runs on wasm at 32×32: on the whole default data set as a student trains, or (`tiny`) every split cut to 128 images
 * (4 steps of 32 per epoch) through the hidden ?train-limit= parameter, to make a 50-epoch run stoppable in time. */
async function startRun(page: Page, epochs: number, learningRate = '1e-3', tiny = false) {
  await page.goto(tiny ? '2-2/?train-limit=128' : '2-2/');
  const w = page.locator('hw-train-cnn');
  await w.scrollIntoViewIfNeeded();
  await expect(w.getByText(/Training on the default data set/)).toBeVisible();
  await w.getByLabel('Backend').selectOption('wasm');
  await w.getByLabel('Image size').selectOption('32');
  await w.getByLabel('Epochs').fill(String(epochs));
  await w.getByLabel('Learning rate').fill(learningRate);
  await w.getByRole('button', { name: 'Start' }).click();
  return w;
}

async function expectAxeClean(page: Page, selector: string) {
  const axe = await new AxeBuilder({ page }).include(selector).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a kept run reopens its test results from the runs list after a reload: confusion matrix, F1 bars, misclassified images', async ({
  page,
}) => {
  const w = await startRun(page, 1);
  await expect(w.getByText(/Run completed on wasm in [\d.]+ s .*: 1 of 1 epoch\. /)).toBeVisible({ timeout: 120_000 });
  await expect(w.getByText(/^Epoch 1 of 1 · step (\d+) of \1 · done$/)).toBeVisible();
  const summary = await w.getByText(/^Test accuracy [\d.]+ %/).textContent();
  const shown = await w.getByRole('img', { name: /^Test image \d+: true .+, predicted .+$/ }).count();
  expect(shown).toBeGreaterThan(0);

  await page.reload();
  const list = page.locator('hw-run-list');
  await list.scrollIntoViewIfNeeded();
  const row = list.getByRole('row').filter({ hasText: 'wasm' });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Show test results' }).click();
  const kept = page.locator('hw-run-results');
  await expect(kept.getByRole('heading', { name: /^Test results of run cnn-42-/ })).toBeFocused();
  await expect(kept.getByText(/^Test accuracy [\d.]+ %/)).toHaveText(summary!);
  await expect(kept.getByRole('img', { name: /Confusion matrix of the test split \(counts\)/ })).toBeVisible();
  await kept.getByLabel(/share of the true class/).check();
  await expect(kept.getByRole('img', { name: /Confusion matrix of the test split \(share of each true class\)/ })).toBeVisible();
  await expect(kept.getByRole('img', { name: 'F1 score per class on the test split' })).toBeVisible();
  await expect(kept.getByRole('img', { name: /^Test image \d+: true .+, predicted .+$/ })).toHaveCount(shown);
  await expectAxeClean(page, 'hw-run-results');
});

test('a diverging run (learning rate 1) stops, says so and what to change, and is kept', async ({ page }) => {
  const w = await startRun(page, 1, '1');
  await expect(w.getByRole('alert')).toContainText(
    /Training diverged: the loss rose from [\d.]+ at step 1 to [\d,.]+ at step \d+, more than 10 times its start, so training stopped\. A learning rate of 1 is too high: lower it \(for example to 0\.001\)/,
    { timeout: 120_000 },
  );
  await expect(w.getByText(/^Run stopped: the loss diverged on wasm/)).toBeVisible();
  await expect(w.getByText(/Run completed/)).toHaveCount(0);
  await expect(w.locator('[data-progress-text]')).not.toContainText('left');
  const row = page.locator('hw-run-list').getByRole('row').filter({ hasText: 'the loss diverged' });
  await expect(row).toHaveCount(1);
  await expectAxeClean(page, 'hw-train-cnn');
});

test('after Stop the progress line says where training stopped, with no time left', async ({ page }) => {
  const w = await startRun(page, 50, '1e-3', true);
  await expect(w.getByText(/Epoch \d+ of 50 · step \d+ of 200 · .* left/)).toBeVisible({ timeout: 60_000 });
  await w.getByRole('button', { name: 'Stop' }).click();
  await expect(w.getByText(/^Run stopped early on wasm in [\d.]+ s .*: \d+ of 50 epochs\. /)).toBeVisible({ timeout: 60_000 });
  await expect(w.locator('[data-progress-text]')).toHaveText(/^Stopped in epoch \d+ of 50 · step \d+ of 200$/);
  await expect(w.getByText(/s left/)).toHaveCount(0);
  await expectAxeClean(page, 'hw-train-cnn');
});
