import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { test, expect, type Locator, type Page } from '@playwright/test';
import type { RunRecord } from '../../src/record/run-record';
import { CLASSES, comparisonRun } from '../helpers/run-records';

const file = (run: RunRecord) => ({ name: `${run.id}.run.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(run)) });

/** A one-epoch ResNet-18 run from random weights with a frozen backbone (q2.3). */
function oneEpochScratch(id: string, createdAt: string): RunRecord {
  const r = comparisonRun({
    id,
    question: 'q2.3',
    seed: 21,
    skill: 9,
    finalTrain: 0.5,
    finalVal: 0.4,
    epochs: 1,
    createdAt,
    backend: 'wasm',
    imageSize: 32,
  });
  return { ...r, config: { ...r.config, pretrained: null, fineTuning: 'frozen', batchNorm: 'eval', normalization: 'imagenet' } };
}

async function axeClean(page: Page, include: string): Promise<void> {
  const result = await new AxeBuilder({ page }).include(include).exclude('.katex-mathml').analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
  ).toEqual([]);
}

/** The chart's x tick labels, its dots (centre x) and the left edge of the plot, read from the SVG. */
async function chartGeometry(chart: Locator) {
  return chart.evaluate((svg) => {
    const axes = [...svg.querySelectorAll(':scope > g')].filter((g) => g.querySelector('.tick'));
    const ticks = (g: Element) => [...g.querySelectorAll('.tick text')].map((t) => t.textContent ?? '');
    const box = (e: Element) => e.getBoundingClientRect();
    const yTitle = [...svg.querySelectorAll(':scope > text')].find((t) => (t.getAttribute('transform') ?? '').includes('rotate'))!;
    return {
      xTicks: ticks(axes[0]),
      dots: [...svg.querySelectorAll('g[data-series] circle')].map((c) => Number(c.getAttribute('cx'))),
      plotLeft: Number(/translate\(([\d.]+)/.exec(axes[1].getAttribute('transform') ?? '')![1]),
      yTickLeft: Math.min(...[...axes[1].querySelectorAll('.tick text')].map((t) => box(t).left)),
      yTitleRight: box(yTitle).right,
      legend: svg.textContent ?? '',
    };
  });
}

test('a one-epoch run draws a visible point on a whole-epoch axis, and a loss of 350,000 keeps its labels clear of the axis title', async ({
  page,
}) => {
  const run = oneEpochScratch('resnet18-one-epoch', '2026-12-01T10:00:00.000Z');
  const big = {
    ...run,
    id: 'resnet18-diverged',
    createdAt: '2026-12-01T11:00:00.000Z',
    epochs: [{ ...run.epochs[0], trainLoss: 120000, valLoss: 350000 }],
  };
  await page.goto('2-6/');
  const w = page.locator('hw-comparison');
  await w.scrollIntoViewIfNeeded();
  await w.getByLabel('Import run records (JSON)').setInputFiles([file(run)]);
  await w.locator('[data-curves]').scrollIntoViewIfNeeded();
  const chart = w.getByRole('img', { name: 'Compared runs: validation accuracy per epoch' });
  await expect(chart).toBeVisible();
  const g = await chartGeometry(chart);
  expect(g.xTicks).toEqual(['1']);
  expect(g.dots).toHaveLength(1);
  expect(g.dots[0]).toBeGreaterThan(g.plotLeft + 20);
  expect(g.legend).toContain('not pretrained');
  // The side-by-side charts keep their text at 11 px or more on the page, under a visible title and axis label.
  const f1 = w.getByRole('img', { name: /^F1 per class: q2\.3 ResNet-18 .*· not pretrained / });
  await f1.scrollIntoViewIfNeeded();
  const f1Text = await f1.evaluate((svg) => ({
    px: (parseFloat(getComputedStyle(svg).fontSize) * svg.getBoundingClientRect().width) / (svg as SVGSVGElement).viewBox.baseVal.width,
    text: svg.textContent ?? '',
  }));
  expect(f1Text.px).toBeGreaterThanOrEqual(11);
  expect(f1Text.text).toContain('F1 score on the test split (0 to 1)');
  expect(f1Text.text).toContain('F1 per class: q2.3 ResNet-18');

  await w.getByLabel('Import run records (JSON)').setInputFiles([file(big)]);
  await w.getByRole('checkbox', { name: `Compare run ${big.id}` }).check();
  await w.getByLabel('Curve').selectOption('valLoss');
  const loss = w.getByRole('img', { name: 'Compared runs: validation loss per epoch' });
  await expect(loss).toBeVisible();
  const l = await chartGeometry(loss);
  expect(l.xTicks.every((t) => /^\d+$/.test(t))).toBe(true);
  expect(l.yTitleRight).toBeLessThan(l.yTickLeft);
  await expect(loss).toContainText('350,000');
});

test('the runs list says the model, fine-tuning, augmentation and weights of each run, in plain words, with its buttons in view at 1,280 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const a = oneEpochScratch('resnet18-scratch-a', '2026-12-01T10:00:00.000Z');
  const b = { ...oneEpochScratch('resnet18-scratch-b', '2026-12-01T11:00:00.000Z'), epochs: [{ ...a.epochs[0], valLoss: 1.5 }] };
  await page.goto('2-3/');
  const list = page.locator('hw-run-list');
  await list.scrollIntoViewIfNeeded();
  await expect(
    list.getByText(
      /^No run is handed in yet\. This chapter's exercises on your own run are checked against the latest finished run of question 2\.3 \(ResNet-18 fine-tuned\) that you hand in\.$/,
    ),
  ).toBeVisible();
  await expect(list).not.toContainText('q2.2.metrics');
  for (const r of [a, b]) {
    await list.getByLabel('Import a run (JSON)').setInputFiles(file(r));
    await expect(list.getByText(`Imported run ${r.id}.`)).toBeVisible();
  }
  const table = list.getByRole('table', { name: 'Runs kept in this browser, newest first' });
  await expect(table.getByRole('columnheader')).toHaveText([
    'Run (tick to compare)',
    'Model and fine-tuning',
    'Augmentation',
    'Weights',
    'Results',
    'Actions',
  ]);
  const row = table.getByRole('row').filter({ has: page.getByRole('checkbox', { name: `Compare run ${a.id}` }) });
  // The row's cells, then the cells of its small results table (epochs, train, validation, test accuracy, macro F1).
  await expect(row.getByRole('cell')).toHaveText([
    /32px · 1\/1 ep.*completed$/,
    'ResNet-18frozen backbone (only fc trained)',
    'none',
    'random (not pretrained)',
    /epochs1\/1train/,
    '1/1',
    /^\d+\.\d %$/,
    /^\d+\.\d %$/,
    /^\d+\.\d %$/,
    /^0\.\d{4}$/,
    /Hand in with my submission/,
  ]);
  await expect(row.getByRole('table', { name: `Results of run ${a.id}` }).getByRole('rowheader')).toHaveText([
    'epochs',
    'train',
    'validation',
    'test',
    'macro F1',
  ]);
  const wrap = list.locator('.run-table');
  const frame = (await wrap.boundingBox())!;
  expect(await wrap.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
  for (const button of await row.getByRole('button').all()) {
    const box = (await button.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(frame.x);
    expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
  }

  await row.getByRole('button', { name: 'Hand in with my submission' }).click();
  await expect(
    list.getByText(`1 run handed in with your submission. This chapter's exercises on your own run are checked against ${a.id}.`),
  ).toBeVisible();
  for (const r of [a, b]) await list.getByRole('checkbox', { name: `Compare run ${r.id}` }).check();
  await list.getByRole('button', { name: 'Compare selected runs' }).click();
  const chart = list.getByRole('img', { name: 'Compared runs: validation loss per epoch' });
  await expect(chart).toBeVisible();
  const g = await chartGeometry(chart);
  expect(g.xTicks).toEqual(['1']);
  expect(g.dots).toHaveLength(2);
  expect(g.legend).toContain('ResNet-18 · not pretrained');
  await axeClean(page, 'hw-run-list');
});

/** Synthetic embeddings: 2-D of train and validation points, 3-D of validation points only, three classes in three clusters. */
function embedding(dims: 2 | 3, n: number, withTrain: boolean) {
  const embeddingValues: number[] = [];
  const labels: number[] = [];
  const splits: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    labels.push(c);
    splits.push(withTrain && i % 2 === 0 ? 'train' : 'val');
    for (let a = 0; a < dims; a++) embeddingValues.push((a === c ? 5 : 0) + Math.sin(i * (a + 1)) * 0.5);
  }
  return {
    embedding: embeddingValues,
    dims,
    labels,
    splits,
    classes: CLASSES.slice(0, 3),
    kl: 0.85,
    trustworthiness: 0.93,
    subject: 'validation features of ResNet-18, not pretrained',
  };
}

test('the t-SNE views take the keyboard, describe themselves in words, offer only the points they have, and export a titled figure', async ({
  page,
}) => {
  await page.goto('2-3/');
  const views = page.locator('hw-feature-space');
  await views.nth(0).scrollIntoViewIfNeeded();
  await page.evaluate(
    async ([d2, d3]) => {
      await customElements.whenDefined('hw-feature-space');
      const els = document.querySelectorAll('hw-feature-space') as NodeListOf<HTMLElement & { show(d: unknown): Promise<void> }>;
      await els[0].show({ ...d2, embedding: Float32Array.from(d2.embedding) });
      await els[1].show({ ...d3, embedding: Float32Array.from(d3.embedding) });
    },
    [embedding(2, 60, true), embedding(3, 30, false)] as const,
  );

  const three = views.nth(1);
  const cloud = three.getByRole('img', {
    name: /^3-D t-SNE of 30 points \(validation images\), coloured by class: validation features of ResNet-18, not pretrained; drag to rotate/,
  });
  await expect(cloud).toBeVisible();
  await expect(three.getByRole('combobox', { name: /^Points/ })).toBeHidden();
  await expect(three.getByText('Showing all 30 points.', { exact: true })).toBeVisible();
  const positions = () =>
    cloud.evaluate((svg) =>
      [...svg.querySelectorAll('circle')]
        .map((c) => `${c.getAttribute('cx')},${c.getAttribute('cy')}`)
        .sort()
        .join(' '),
    );
  const start = await positions();
  await cloud.focus();
  await expect(cloud).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  const turned = await positions();
  expect(turned).not.toBe(start);
  await page.keyboard.press('+');
  expect(await positions()).not.toBe(turned);
  await page.keyboard.press('0');
  expect(await positions()).toBe(start);
  await three.getByText('The picture in words: class centres and nearest classes').click();
  const words = three.getByRole('list');
  await expect(words.getByRole('listitem')).toHaveCount(3);
  await expect(words.getByRole('listitem').first()).toHaveText(
    new RegExp(`^${CLASSES[0]}: 10 points, centre at x [−\\d.]+, y [−\\d.]+, z [−\\d.]+; nearest `),
  );

  const two = views.nth(0);
  const scatter = two.getByRole('img', { name: /^2-D t-SNE of 60 points, coloured by class/ });
  await expect(two.getByRole('combobox', { name: /^Points/ }).locator('option')).toHaveText([
    'train and validation',
    'train only',
    'validation only',
  ]);
  await two.getByRole('combobox', { name: /^Points/ }).selectOption('train');
  await expect(two.getByText('Showing 30 of 60 points (train only).', { exact: true })).toBeVisible();
  await expect(scatter.locator('circle:not([display="none"])')).toHaveCount(30);
  const first = () => scatter.locator('circle').first().getAttribute('cx');
  const x0 = Number(await first());
  await scatter.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number(await first())).toBeLessThan(x0);
  await page.keyboard.press('0');
  await expect.poll(async () => Number(await first())).toBeCloseTo(x0, 6);

  await two.getByRole('button', { name: CLASSES[1] }).click();
  const download = page.waitForEvent('download');
  await two.getByRole('button', { name: 'Save SVG' }).click();
  // Long lines of the figure are wrapped into consecutive <text> elements: join them back.
  const svgText = readFileSync((await (await download).path())!, 'utf8').replace(/<\/text><text[^>]*>/g, ' ');
  expect(svgText).toContain('2-D t-SNE of 60 points, coloured by class: validation features of ResNet-18, not pretrained');
  expect(svgText).toContain('KL divergence 0.850 · trustworthiness (k = 10) 0.930');
  expect(svgText).toContain('Showing 20 of 60 points (train only; 1 class hidden)');
  expect(svgText).toContain(`>${CLASSES[0]}<`);
  expect(svgText).not.toContain(`>${CLASSES[1]}<`);
  const png = page.waitForEvent('download');
  await two.getByRole('button', { name: 'Save PNG' }).click();
  expect((await png).suggestedFilename()).toBe('feature-space-2d.png');
  await axeClean(page, 'hw-feature-space');
});
