import { test, expect, type Page } from '@playwright/test';
import type { RunRecord } from '../../src/record/run-record';
import { cnnRun, epochsOf } from '../helpers/q2a-runs';

/** A CNN run: class 2 is taken for class 0 most often (7 images), class 3 has the lowest recall (12 of 22); validation loss lowest at epoch 4. */
const RUN = cnnRun({
  seed: 31,
  id: 'cnn-q2a-e2e',
  confusion: [
    [30, 2, 1, 0],
    [3, 25, 0, 2],
    [7, 1, 20, 2],
    [4, 6, 0, 12],
  ],
  epochs: epochsOf([
    [2.1, 0.25, 1.9, 0.3],
    [1.7, 0.4, 1.7, 0.38],
    [1.4, 0.5, 1.6, 0.42],
    [1.1, 0.6, 1.5, 0.45],
    [0.8, 0.7, 1.55, 0.49],
    [0.6, 0.78, 1.6, 0.48],
    [0.4, 0.85, 1.8, 0.47],
    [0.3, 0.91, 2.1, 0.47],
  ]),
});

/** Imports `run` into the runs list of chapter 2.2 and hands it in, as a student does with a PyTorch run. */
async function handIn(page: Page, run: RunRecord) {
  await page.goto('2-2/');
  const list = page.locator('hw-run-list');
  await list.scrollIntoViewIfNeeded();
  await list
    .getByLabel('Import a run (JSON)')
    .setInputFiles({ name: `${run.id}.run.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(run)) });
  await expect(list.getByText(`Imported run ${run.id}.`)).toBeVisible();
  const row = list.getByRole('row').filter({ hasText: `seed ${run.config.seed} · ${run.backend}` });
  await row.getByRole('button', { name: 'Hand in with my submission' }).click();
  await expect(row).toContainText('handed in');
  return row;
}

test('a student hands in a run and answers the curves and the confusion matrix of it as the page prints them', async ({ page }) => {
  const row = await handIn(page, RUN);
  // The runs list prints the last epoch's accuracies with one decimal: the gap is their difference.
  const cells = await row.getByRole('cell').allInnerTexts();
  const [train, val] = cells.filter((c) => /^\d+\.\d %$/.test(c.trim())).map((c) => Number(c.replace('%', '')));
  const curves = page.locator('hw-exercise[data-exercise="q2.2.curves"]');
  await curves.getByLabel('The epoch of your run with the lowest validation loss').fill('4');
  await curves.getByLabel("Training minus validation accuracy at your run's last epoch").fill(`${(train - val).toFixed(1)} %`);
  await curves.getByRole('button', { name: 'Check' }).click();
  await expect(curves.getByRole('status')).toContainText(/^Correct/);

  // Read as the row-normalised confusion matrix prints a recall: two decimals without the leading zero.
  const confusion = page.locator('hw-exercise[data-exercise="q2.2.confusion"]');
  await confusion.getByLabel('The most confused pair: true class, predicted class, entry 1').fill('2');
  await confusion.getByLabel('The most confused pair: true class, predicted class, entry 2').fill('0');
  await confusion.getByLabel('Test images of that true class predicted as that class').fill('7');
  await confusion.getByLabel('The class with the lowest recall').fill('3');
  await confusion.getByLabel('Its recall').fill('.55');
  await confusion.getByRole('button', { name: 'Check' }).click();
  await expect(confusion.getByRole('status')).toContainText(/^Correct/);

  // The answer "0, 2" has the pair the wrong way round: named, and the page does not state the right one.
  await confusion.getByLabel('The most confused pair: true class, predicted class, entry 1').fill('0');
  await confusion.getByLabel('The most confused pair: true class, predicted class, entry 2').fill('2');
  await confusion.getByRole('button', { name: 'Check' }).click();
  await expect(confusion.getByRole('status')).toContainText('the other way round');
});
