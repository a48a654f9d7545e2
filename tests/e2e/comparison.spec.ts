import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Locator, type Page } from '@playwright/test';
import type { RunRecord } from '../../src/record/run-record';
import { homeworkRuns } from '../helpers/run-records';

const file = (run: RunRecord) => ({ name: `${run.id}.run.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(run)) });

/** The comparison table's cells of every row, by column heading. */
async function tableRows(table: Locator): Promise<{ name: string; cells: Record<string, string> }[]> {
  const heads = await table.getByRole('columnheader').allInnerTexts();
  const out: { name: string; cells: Record<string, string> }[] = [];
  for (const row of await table.locator('tbody').getByRole('row').all()) {
    const texts = [await row.getByRole('rowheader').innerText(), ...(await row.getByRole('cell').allInnerTexts())];
    out.push({ name: texts[0], cells: Object.fromEntries(heads.map((h, i) => [h.trim(), texts[i]?.trim() ?? ''])) });
  }
  return out;
}

const percent = (text: string) => Number(text.replace(/\s*(%|pp)$/, ''));

async function openComparison(page: Page) {
  await page.goto('2-6/');
  const w = page.locator('hw-comparison');
  await w.scrollIntoViewIfNeeded();
  return w;
}

test('imported run records: the table with the reference rows, curves, F1 and confusion side by side, and the exercises answered from the page', async ({
  page,
}) => {
  const [cnn, resnet, aug] = homeworkRuns();
  await page.goto('2-2/');
  const list = page.locator('hw-run-list');
  await list.scrollIntoViewIfNeeded();
  await list.getByLabel('Import a run (JSON)').setInputFiles(file(cnn));
  await expect(list.getByText(`Imported run ${cnn.id}.`)).toBeVisible();

  const w = await openComparison(page);
  await expect(w.getByRole('row').filter({ hasText: cnn.id })).toHaveCount(1);
  await w
    .getByLabel('Import run records (JSON)')
    .setInputFiles([
      file(resnet),
      file(aug),
      { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"dlcv-hw1-run"}') },
    ]);
  await expect(w.getByRole('alert')).toContainText(`Imported ${resnet.id}, ${aug.id}. broken.json is not a valid run record`);
  for (const run of [cnn, resnet, aug]) await expect(w.getByRole('checkbox', { name: `Compare run ${run.id}` })).toBeChecked();
  await expect(w.getByText('Comparing 3 runs.')).toBeVisible();

  const table = w.getByRole('table', { name: /Your ticked runs/ });
  await expect(table.locator('tbody').getByRole('row')).toHaveCount(6);
  const reference = table.getByRole('row', { name: /Reported in the homework: CNN from scratch/ });
  await expect(reference).toContainText('44.17 %');
  await expect(table.getByRole('row', { name: /Reported in the homework: ResNet-18 fine-tuned/ })).toContainText('11,181,642');
  await expect(table.getByRole('row', { name: /Reported in the homework: ResNet-18 with augmentation/ })).toContainText('11.90 pp');
  const augRow = table.getByRole('row', { name: /^q2\.4 ResNet-18/ });
  await expect(augRow).toContainText('RandomPerspective(distortion_scale=0.5)');
  await expect(augRow).toContainText('yes (torchvision IMAGENET1K_V1)');

  await expect(w.getByRole('img', { name: 'Compared runs: validation accuracy per epoch' })).toBeVisible();
  await w.getByLabel('Curve').selectOption('valLoss');
  await expect(w.getByRole('img', { name: 'Compared runs: validation loss per epoch' })).toBeVisible();
  await expect(w.getByRole('img', { name: /^F1 per class: / })).toHaveCount(3);
  await expect(w.getByRole('table', { name: /F1 score per class/ }).getByRole('row')).toHaveCount(11);
  await expect(w.getByRole('img', { name: /^Confusion matrix \(counts\): / })).toHaveCount(3);
  await w.getByLabel('Show each row as a share of the true class').check();
  await expect(w.getByRole('img', { name: /^Confusion matrix \(share of each true class\): / })).toHaveCount(3);

  for (const run of [cnn, resnet, aug])
    await w.getByRole('row').filter({ hasText: run.id }).getByRole('button', { name: 'Hand in with my submission' }).click();
  await expect(w.getByText(`q2.2: ${cnn.id}; q2.3: ${resnet.id}; q2.4: ${aug.id}`)).toBeVisible();

  // Answer from what the table shows: the smallest train–val gap, and its test accuracy minus the CNN's.
  const rows = (await tableRows(table)).filter((r) => !r.name.startsWith('Reported'));
  const best = rows.reduce((a, b) => (percent(b.cells['Train–val gap']) < percent(a.cells['Train–val gap']) ? b : a));
  const cnnRow = rows.find((r) => r.name.startsWith('q2.2'))!;
  const question = best.name.slice(0, 4);
  const gain = percent(best.cells['Test accuracy']) - percent(cnnRow.cells['Test accuracy']);
  const ex = page.locator('hw-exercise[data-exercise="q2.6.best"]');
  await ex.getByRole('radio', { name: new RegExp(`^Your ${question.replace('.', '\\.')} run`) }).check();
  await ex.getByLabel(/By how many percentage points/).fill(`${gain.toFixed(2)}%`);
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.getByRole('status')).toContainText(/^Correct/);
  expect(question).toBe('q2.4');

  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    const result = await new AxeBuilder({ page }).include('main').exclude('.katex-mathml').analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map(
        (v) =>
          `[${theme}] ${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      ),
    ).toEqual([]);
  }

  // Fewer ticks: one run beside the reference rows.
  await w.getByRole('checkbox', { name: `Compare run ${resnet.id}` }).uncheck();
  await w.getByRole('checkbox', { name: `Compare run ${aug.id}` }).uncheck();
  await expect(w.getByText(/^One run is ticked/)).toBeVisible();
  await expect(table.locator('tbody').getByRole('row')).toHaveCount(4);
  await expect(w.getByRole('img', { name: /^F1 per class: / })).toHaveCount(1);
  await w.getByRole('checkbox', { name: `Compare run ${cnn.id}` }).uncheck();
  await expect(w.getByText(/^No run is ticked/)).toBeVisible();
  await expect(w.getByText('No ticked run has a finished epoch, so there is no curve to draw.')).toBeVisible();
});

test('with no runs the chapter says so and shows the reported numbers only', async ({ page }) => {
  const w = await openComparison(page);
  await expect(w.getByText(/^No runs yet, so the table shows only the numbers reported in the homework/)).toBeVisible();
  await expect(
    w
      .getByRole('table', { name: /Your ticked runs/ })
      .locator('tbody')
      .getByRole('row'),
  ).toHaveCount(3);
  await expect(w.getByText(/q2\.2: none handed in; q2\.3: none handed in; q2\.4: none handed in/)).toBeVisible();
  await expect(w.getByText('No ticked run has test results.').first()).toBeVisible();
});

test('a run trained in chapter 2.2 (wasm, 32×32, 1 epoch, 128 images per split) appears in 2.6, ticked', async ({ page }) => {
  await page.goto('2-2/?train-limit=128');
  const t = page.locator('hw-train-cnn');
  await t.scrollIntoViewIfNeeded();
  await expect(t.getByText(/Training on the default data set/)).toBeVisible();
  await t.getByLabel('Backend').selectOption('wasm');
  await t.getByLabel('Image size').selectOption('32');
  await t.getByLabel('Epochs').fill('1');
  await t.getByRole('button', { name: 'Start' }).click();
  await expect(t.getByText(/Run completed on wasm in [\d.]+ s/)).toBeVisible({ timeout: 120_000 });

  const w = await openComparison(page);
  const box = w.getByRole('checkbox', { name: /^Compare run cnn-/ });
  await expect(box).toHaveCount(1);
  await expect(box).toBeChecked();
  const table = w.getByRole('table', { name: /Your ticked runs/ });
  const row = table.getByRole('row', { name: /^q2\.2 CNN · 32 px · wasm · 1\/1 ep/ });
  await expect(row).toBeVisible();
  // 32×32: three convolutions (weights and biases) and a linear layer from 128·2·2 features to 10 classes.
  const params =
    [
      [3, 32],
      [32, 64],
      [64, 128],
    ].reduce((n, [i, o]) => n + o * i * 9 + o, 0) +
    128 * 2 * 2 * 10 +
    10;
  await expect(row).toContainText(params.toLocaleString('en'));
  await expect(w.getByText(/^One run is ticked/)).toBeVisible();
  await expect(w.getByRole('img', { name: 'Compared runs: validation accuracy per epoch' })).toBeVisible();
  await expect(w.getByRole('img', { name: /^Confusion matrix \(counts\): q2\.2 CNN/ })).toBeVisible();
});

test('the handed-in runs the exercises are checked against are ticked by default, not newer kept ones, and the page says so', async ({
  page,
}) => {
  const [cnn, resnet] = homeworkRuns();
  const newer = { ...cnn, id: 'cnn-newer-not-handed-in', createdAt: '2026-12-02T10:00:00.000Z' };
  const w = await openComparison(page);
  await w.getByLabel('Import run records (JSON)').setInputFiles([file(cnn), file(resnet), file(newer)]);
  await expect(w.getByRole('checkbox', { name: `Compare run ${newer.id}` })).toBeChecked();
  await expect(w.getByRole('checkbox', { name: `Compare run ${cnn.id}` })).not.toBeChecked();

  await w.getByRole('row').filter({ hasText: cnn.id }).getByRole('button', { name: 'Hand in with my submission' }).click();
  await expect(w.getByRole('checkbox', { name: `Compare run ${cnn.id}` })).toBeChecked();
  await expect(w.getByRole('checkbox', { name: `Compare run ${newer.id}` })).not.toBeChecked();
  await expect(w.getByRole('checkbox', { name: `Compare run ${resnet.id}` })).toBeChecked();
  const note = w.getByText(/^The exercises below are checked against/);
  await expect(note).toContainText(
    `Ticked by default: your handed-in runs, the ones the exercises below are checked against (q2.2: ${cnn.id}).`,
  );
  await expect(note).toContainText(`the latest finished run (q2.3: ${resnet.id}), which the exercises do not read until you hand it in.`);

  await page.reload();
  const again = await openComparison(page);
  await expect(again.getByRole('checkbox', { name: `Compare run ${cnn.id}` })).toBeChecked();
  await expect(again.getByRole('checkbox', { name: `Compare run ${newer.id}` })).not.toBeChecked();
  const result = await new AxeBuilder({ page }).include('hw-comparison').analyze();
  expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
