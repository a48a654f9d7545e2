import { test, expect } from '@playwright/test';
import { curveFacts } from '../../src/homework/q2-3-curves';
import { FINE_TUNE_LINES } from '../../src/homework/q2-3-bugs';
import { VAL_LOSS_OPTIONS, VERDICT_OPTIONS } from '../../src/homework/q2-3-overfit';
import type { RunRecord } from '../../src/record/run-record';
import { HOMEWORK_LIKE_CURVES, resnetWithFeatures, withCurves } from '../helpers/q2b-runs';

const file = (run: RunRecord) => ({ name: `${run.id}.run.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(run)) });
const label = (options: { id: string; label: string }[], id: string) => options.find((o) => o.id === id)!.label;

test('a student hands in a q2.3 run and answers the overfitting questions from its curves, typed as the comparison prints them', async ({
  page,
}) => {
  const run = withCurves(resnetWithFeatures(0.88, 0.58, 'resnet-e2e-q23'), HOMEWORK_LIKE_CURVES);
  await page.goto('2-3/');
  const list = page.locator('hw-run-list');
  await list.scrollIntoViewIfNeeded();
  await list.getByLabel('Import a run (JSON)').setInputFiles(file(run));
  await expect(list.getByText(`Imported run ${run.id}.`)).toBeVisible();
  const row = list.getByRole('row').filter({ has: page.getByRole('checkbox', { name: `Compare run ${run.id}` }) });
  await row.getByRole('button', { name: 'Hand in with my submission' }).click();
  await expect(row).toContainText('handed in');
  await expect(list.getByText(`This chapter's exercises on your own run are checked against ${run.id}.`)).toBeVisible();

  const f = curveFacts(run.epochs)!;
  const ex = page.locator('hw-exercise[data-exercise="q2.3.overfit"]');
  await ex.scrollIntoViewIfNeeded();
  await ex.getByRole('group', { name: 'Is your handed-in q2.3 run overfitting?' }).getByLabel(label(VERDICT_OPTIONS, f.verdict)).check();
  await ex.getByLabel('Training minus validation accuracy at the last epoch').fill(`${(100 * f.gap).toFixed(2)} pp`);
  await ex.getByLabel(/The epoch with the lowest validation loss/).fill(String(f.bestEpoch));
  await ex
    .getByRole('group', { name: 'What did the validation loss of your run do?' })
    .getByLabel(label(VAL_LOSS_OPTIONS, f.valLoss))
    .check();
  await ex
    .getByLabel(/Your reading of your curves/)
    .fill('Apart from epoch 3; the validation loss swings and ends above its lowest. Stop at the lowest validation loss.');
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.getByRole('status')).toContainText(/^Correct/);
  await expect(ex.getByRole('status')).toContainText('What did the validation loss of your run do? Correct');

  const bugs = page.locator('hw-exercise[data-exercise="q2.3.bugs"]');
  await bugs.scrollIntoViewIfNeeded();
  for (const id of ['eval', 'no-fc']) await bugs.getByRole('checkbox', { name: label(FINE_TUNE_LINES, id), exact: true }).check();
  await bugs.getByRole('button', { name: 'Check' }).click();
  await expect(bugs.getByRole('status')).toContainText(/^Correct/);
});
