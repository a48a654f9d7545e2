import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A finished run record as the book writes it (3 classes, a 6-image test split). */
function runRecord(id: string, backend: string, augmentations: string[] = []) {
  const confusion = [
    [2, 0, 0],
    [1, 1, 0],
    [0, 0, 2],
  ];
  const per = (p: number, r: number, support: number) => ({
    precision: p,
    recall: r,
    f1: p + r === 0 ? 0 : (2 * p * r) / (p + r),
    support,
  });
  const perClass = [per(2 / 3, 1, 2), per(1, 0.5, 2), per(1, 1, 2)];
  return {
    format: 'dlcv-hw1-run',
    version: 1,
    id,
    createdAt: '2026-03-01T10:00:00.000Z',
    backend,
    config: {
      model: 'cnn',
      question: 'q2.2',
      imageSize: 32,
      epochs: 2,
      batchSize: 8,
      learningRate: 0.001,
      adamEpsilon: 1e-8,
      seed: 1234,
      augmentations,
      pretrained: null,
    },
    dataset: { name: 'pets', hash: '', classes: ['cat', 'dog', 'owl'], counts: { train: 21, val: 3, test: 6 } },
    epochs: [1, 2].map((epoch) => ({
      epoch,
      trainLoss: 1.1 / epoch,
      trainAccuracy: 0.4 * epoch,
      valLoss: 1 / epoch,
      valAccuracy: 0.33 * epoch,
      seconds: 2,
    })),
    steps: [
      { step: 1, loss: 1.2 },
      { step: 2, loss: 1.0 },
    ],
    test: {
      accuracy: 5 / 6,
      macroF1: perClass.reduce((a, c) => a + c.f1, 0) / 3,
      weightedF1: perClass.reduce((a, c) => a + c.f1 * 2, 0) / 6,
      perClass,
      confusion,
      misclassified: [{ index: 2, trueLabel: 1, predicted: 0 }],
    },
    timings: { totalSeconds: 4, imagesPerSecond: 40 },
    stopped: null,
  };
}

test('a student imports a run, presses "Run this in PyTorch", and gets a Python script that compiles', async ({ page }) => {
  await page.goto('2-2/');
  await expect(page.getByText(/When the browser gets too slow, press Run this in PyTorch/)).toBeVisible();
  const list = page.locator('hw-run-list');
  await list.scrollIntoViewIfNeeded();
  const run = runRecord('cnn-1234-imported', 'wasm', [
    'RandomHorizontalFlip(p=0.5)',
    "RandomCrop(size=(32, 32), padding=(4, 4, 4, 4), fill=0, padding_mode='reflect')",
  ]);
  await list
    .getByLabel('Import a run (JSON)')
    .setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(run)) });
  await expect(list.getByText(`Imported run ${run.id}.`)).toBeVisible();
  const row = list.getByRole('row').filter({ has: page.getByRole('checkbox', { name: `Compare run ${run.id}` }) });

  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Run this in PyTorch' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('train-cnn-1234-imported.py');
  await expect(
    list.getByText(/^Saved train-cnn-1234-imported\.py: .*python3 train-cnn-1234-imported\.py --data DIR --out run\.json/),
  ).toBeVisible();
  const path = (await file.path())!;
  const source = readFileSync(path, 'utf8');
  expect(source).toMatch(/^#!\/usr\/bin\/env python3\n"""Repeats the book's run cnn-1234-imported in PyTorch/);
  expect(source).toContain('"seed": 1234');
  expect(source).toContain('T.RandomCrop(size=(32, 32), padding=(4, 4, 4, 4), fill=0, padding_mode="reflect")');
  const compiled = spawnSync(
    process.env.PYTHON ?? 'python3',
    ['-c', 'import sys, py_compile; py_compile.compile(sys.argv[1], cfile=sys.argv[1] + "c", doraise=True)', path],
    { encoding: 'utf8' },
  );
  expect(compiled.status, compiled.stderr).toBe(0);
});

test('a run record written by the script imports with backend pytorch; a run the script cannot repeat says why', async ({ page }) => {
  await page.goto('2-2/');
  const list = page.locator('hw-run-list');
  await list.scrollIntoViewIfNeeded();
  const back = runRecord('cnn-1234-2026-03-02T08:00:00.000Z', 'pytorch');
  await list
    .getByLabel('Import a run (JSON)')
    .setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(back)) });
  await expect(list.getByText(`Imported run ${back.id}.`)).toBeVisible();
  await expect(list.getByRole('row').filter({ hasText: 'pytorch' })).toHaveCount(1);

  const odd = runRecord('cnn-odd', 'wasm', ['MixUp(alpha=0.2)']);
  await list
    .getByLabel('Import a run (JSON)')
    .setInputFiles({ name: 'odd.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(odd)) });
  await expect(list.getByText('Imported run cnn-odd.')).toBeVisible();
  const row = list.getByRole('row').filter({ has: page.getByRole('checkbox', { name: 'Compare run cnn-odd' }) });
  await row.getByRole('button', { name: 'Run this in PyTorch' }).click();
  await expect(list.getByRole('alert')).toContainText(
    "Run cnn-odd cannot be written as a PyTorch script: the run's augmentations cannot be exported: steps[0].op must be one of",
  );
});
