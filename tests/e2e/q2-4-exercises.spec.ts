import { test, expect } from '@playwright/test';
import { TRANSFORM_LINES } from '../../src/homework/q2-4-bugs';
import { GEOMETRIC_OPS } from '../../src/homework/q2-4-pipeline';
import type { RunRecord } from '../../src/record/run-record';
import { comparisonRun } from '../helpers/run-records';

const file = (run: RunRecord) => ({ name: `${run.id}.run.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(run)) });

/** The book's default pipeline at 64×64, as a version-2 record keeps it. */
const PIPELINE = [
  { op: 'RandomCrop', params: { size: [64, 64], padding: [4, 4, 4, 4], fill: 0, padding_mode: 'constant' } },
  { op: 'RandomPerspective', params: { distortion_scale: 0.5, p: 0.5, interpolation: 'bilinear', fill: [0, 0, 0] } },
  { op: 'ColorJitter', params: { brightness: [0.7, 1.3], contrast: [0.8, 1.2], saturation: [0.8, 1.2], hue: [0, 0] } },
];

test('a student hands in an augmented run and one without, and answers what the pipeline did and the bug hunt', async ({ page }) => {
  const plain = comparisonRun({
    id: 'resnet-e2e-plain',
    question: 'q2.3',
    seed: 41,
    skill: 12,
    finalTrain: 0.9,
    finalVal: 0.6,
    createdAt: '2026-12-01T09:00:00.000Z',
  });
  const aug = comparisonRun({
    id: 'resnet-e2e-aug',
    question: 'q2.4',
    seed: 42,
    skill: 20,
    finalTrain: 0.8,
    finalVal: 0.72,
    epochs: 6,
    createdAt: '2026-12-01T10:00:00.000Z',
    augmentations: PIPELINE,
  });
  await page.goto('2-4/');
  const list = page.locator('hw-run-list');
  await list.scrollIntoViewIfNeeded();
  for (const run of [plain, aug]) {
    await list.getByLabel('Import a run (JSON)').setInputFiles(file(run));
    await expect(list.getByText(`Imported run ${run.id}.`)).toBeVisible();
    const row = list.getByRole('row').filter({ has: page.getByRole('checkbox', { name: `Compare run ${run.id}` }) });
    await row.getByRole('button', { name: 'Hand in with my submission' }).click();
    await expect(row).toContainText('handed in');
  }

  const ex = page.locator('hw-exercise[data-exercise="q2.4.pipeline"]');
  await ex.scrollIntoViewIfNeeded();
  const geometric = ex.getByRole('group', { name: /move pixels to other places/ });
  for (const { op } of PIPELINE)
    if ((GEOMETRIC_OPS as readonly string[]).includes(op)) await geometric.getByRole('checkbox', { name: op, exact: true }).check();
  await ex.getByLabel(/how many different random versions of each training image/).fill(String(aug.epochs.length));
  await ex
    .getByRole('group', { name: /applied to the validation and test images/ })
    .getByRole('checkbox', { name: 'None of them' })
    .check();
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.getByRole('status')).toContainText(/^Correct/);

  const bugs = page.locator('hw-exercise[data-exercise="q2.4.bugs"]');
  await bugs.scrollIntoViewIfNeeded();
  for (const id of ['crop', 'resize-second'])
    await bugs.getByRole('checkbox', { name: TRANSFORM_LINES.find((l) => l.id === id)!.label, exact: true }).check();
  await bugs.getByRole('button', { name: 'Check' }).click();
  await expect(bugs.getByRole('status')).toContainText(/^Correct/);
});
