import { test, expect, type Locator, type Page } from '@playwright/test';
import type { Variant } from '../../src/exercises/types';
import { formatNumber, formatVector } from '../../src/exercises/format-number';
import { homeworkVariant, variantFor } from '../../src/exercises/variant';
import { confidentlyWrong, l2Numbers, logitGradients, onePapaya, threePapayas } from '../../src/homework/q1-1-variants';
import { hugeLogits, jacobianPoint, layerSizes } from '../../src/homework/q1-2-variants';
import { bce } from '../../src/math/bce';
import { bceGradLogit, mseGradLogit } from '../../src/math/logistic';
import { parameterCount } from '../../src/math/shapes';
import { ceGrad, softmax, softmaxJacobian } from '../../src/math/softmax';

const COURSE = { name: 'Test course', perStudentVariants: true, salt: 'fall-2026' };
const STUDENT = 'S-271828';

/** The numbers written in a text, exercise ids aside. */
const numbersIn = (text: string): number[] => [...text.replace(/q\d\.\d[a-e]/g, '').matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

/**
 * Waits for the widget's "these are the numbers of exercise …" message, then asserts that no value of `results` appears in
 * the widget's text as the widgets format numbers (values that equal a number the student typed are not results).
 */
async function expectGuarded(widget: Locator, exercise: string, results: number[], typed: number[]): Promise<void> {
  await expect(widget.locator('[data-readout]')).toHaveText(/^These are the numbers of exercise /);
  await expect(widget.locator('[data-readout]')).toContainText(`exercise ${exercise}`);
  await expect(widget.locator('[data-readout]')).toContainText('Method:');
  const shown = numbersIn((await widget.textContent()) ?? '');
  for (const r of results.map((x) => Number(formatNumber(x))).filter((x) => !typed.includes(x) && !Number.isInteger(x))) {
    expect(shown, `${r} shown by ${await widget.evaluate((e) => e.tagName)}`).not.toContain(r);
  }
}

/** The closed-form L2 steps the checker prints: L + λw², PyTorch's weight_decay, and no L2. */
const l2Steps = (s: { w: number; dLdw: number; lr: number; lambda: number }) => [
  s.w - s.lr * (s.dLdw + 2 * s.lambda * s.w),
  s.w - s.lr * (s.dLdw + s.lambda * s.w),
  s.w - s.lr * s.dLdw,
];

/** Logits with the largest moved up by 0.5: no longer the exercise's probabilities. */
const moved = (z: readonly number[]) => z.map((x) => (x === Math.max(...z) ? x + 0.5 : x));

/** Everything a logit widget could print for z and the true class. */
const logitResults = (z: readonly number[], target: number) => [...softmax(z), ...softmaxJacobian(z).flat(), ...ceGrad(z, target)];

/** Chapter 1.1: logit gradient, BCE explorer and L2 checker, for the exercise numbers of `v` and for `others` (ordinary inputs). */
async function checkChapter11(
  page: Page,
  v: Variant,
  others: { papaya: readonly [0 | 1, number]; l2: ReturnType<typeof l2Numbers> },
): Promise<void> {
  const lg = page.locator('hw-logit-gradient');
  await lg.scrollIntoViewIfNeeded();
  await expect(lg.locator('svg[role="img"]')).toBeVisible();
  const slide = async (y: 0 | 1, z: number) => {
    await lg.getByRole('radio', { name: new RegExp(`^y = ${y}`) }).check();
    await lg.getByRole('slider', { name: 'Logit z' }).evaluate((el, value) => {
      (el as HTMLInputElement).value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, z.toFixed(1));
  };
  const papaya = confidentlyWrong(v);
  const nearest = Math.round(papaya.z * 10) / 10;
  const answers = logitGradients(papaya);
  await slide(papaya.y, nearest);
  const shownThere = [mseGradLogit(papaya.y, nearest), bceGradLogit(papaya.y, nearest)];
  await expect(lg.locator('[data-readout]')).toContainText('These are the numbers of exercise q1.1a');
  const text = (await lg.textContent()) ?? '';
  for (const g of [answers.mse, answers.bce, ...shownThere]) expect(text).not.toContain(g.toFixed(4));
  await expect(lg.locator('svg circle')).toHaveCount(0);
  await slide(papaya.y, nearest + 0.5);
  await expect(lg.locator('[data-readout]')).toContainText(`MSE gradient ${mseGradLogit(papaya.y, nearest + 0.5).toFixed(4)}`);
  await expect(lg.locator('svg circle')).toHaveCount(2);

  const explorer = page.locator('hw-bce-explorer');
  await explorer.scrollIntoViewIfNeeded();
  await expect(explorer.locator('svg[role="img"]')).toBeVisible();
  const setPapaya = async ([y, p]: readonly [number, number]) => {
    await explorer.getByRole('radio', { name: `y = ${y}` }).check();
    await explorer.getByLabel('ŷ exactly').fill(String(p));
  };
  for (const [i, e] of [onePapaya(v), ...threePapayas(v)].entries()) {
    for (const unit of ['bits (log₂)', 'nats (ln)']) {
      await explorer.getByRole('radio', { name: unit }).check();
      await setPapaya(e);
      await expectGuarded(explorer, i === 0 ? 'q1.1c' : 'q1.1d', [bce(...e, 'bits'), bce(...e, 'nats')], [...e]);
      await expect(explorer.locator('[data-readout]')).toContainText(`with ŷ = ${e[1]}`);
      await expect(explorer.locator('svg')).not.toContainText('you');
      await expect(explorer.locator('svg circle')).toHaveCount(0);
    }
  }
  const [oy, op] = others.papaya;
  await explorer.getByRole('radio', { name: 'bits (log₂)' }).check();
  await setPapaya(others.papaya);
  await expect(explorer.locator('[data-readout]')).toHaveText(`L(y = ${oy}, ŷ = ${op}) = ${formatNumber(bce(oy, op, 'bits'))} bits.`);
  await expect(explorer.locator('svg')).toContainText('you');

  const checker = page.locator('hw-l2-checker');
  const fillL2 = async (s: { w: number; dLdw: number; lr: number; lambda: number }) => {
    for (const [name, value] of [
      ['w', s.w],
      ['∂L/∂w', s.dLdw],
      ['α', s.lr],
      ['λ', s.lambda],
    ] as const) {
      await checker.getByLabel(name, { exact: true }).fill(String(value));
    }
    await checker.getByRole('button', { name: 'Compute the step' }).click();
  };
  const own = l2Numbers(v);
  await fillL2(own);
  await expectGuarded(checker, 'q1.1e', l2Steps(own), Object.values(own));
  await fillL2(others.l2);
  await expect(checker.locator('[data-readout]')).toContainText('Cost L + λw² (tfjs autodiff): w ← ');
  const printed = Number(/autodiff\): w ← (-?\d+(?:\.\d+)?)/.exec((await checker.locator('[data-readout]').textContent()) ?? '')?.[1]);
  expect(Math.abs(printed - l2Steps(others.l2)[0])).toBeLessThanOrEqual(1e-4);
}

/** Chapter 1.2: shapes, Jacobian checker, CE gradient, softmax stability for the numbers of `v`, and `others`. */
async function checkChapter12(
  page: Page,
  v: Variant,
  others: { sizes: ReturnType<typeof layerSizes>; point: ReturnType<typeof jacobianPoint>; huge: number[] },
): Promise<void> {
  const shapes = page.locator('hw-shape-calculator');
  const fillSizes = async (s: { Dx: number; Da: number; K: number }) => {
    for (const [name, value] of [
      [/^Dx/, s.Dx],
      [/^Da/, s.Da],
      [/^K/, s.K],
    ] as const)
      await shapes.getByRole('spinbutton', { name }).fill(String(value));
  };
  const sizes = layerSizes(v);
  await fillSizes(sizes);
  await expect(shapes.locator('[data-readout]')).toContainText(
    `These are the numbers of exercise q1.2b (Dx = ${sizes.Dx}, Da = ${sizes.Da}, K = ${sizes.K})`,
  );
  await expect(shapes.locator('[data-readout]')).not.toContainText(`= ${parameterCount(sizes)}`);
  await expect(shapes.locator('tbody tr')).toHaveCount(0);
  await fillSizes(others.sizes);
  await expect(shapes.locator('[data-readout]')).toContainText(`= ${parameterCount(others.sizes)}.`);

  const point = jacobianPoint(v);
  const jc = page.locator('hw-jacobian-checker');
  const useLogits = async (z: readonly number[]) => {
    await jc.getByLabel('Logits z (2 to 6 numbers)').fill(z.join(', '));
    await jc.getByRole('button', { name: 'Use these logits' }).click();
  };
  await useLogits(point.z);
  await expectGuarded(jc, 'q1.2d', logitResults(point.z, point.target), point.z);
  await expect(jc.getByRole('textbox', { name: /row 1, column 1$/ })).toHaveCount(0);
  await jc.getByRole('button', { name: 'Check my Jacobian' }).click();
  await expectGuarded(jc, 'q1.2d', logitResults(point.z, point.target), point.z);
  await useLogits(others.point.z);
  await expect(jc.locator('[data-yhat]')).toHaveText(
    `z = ${formatVector(others.point.z)}, ŷ = softmax(z) = ${formatVector(softmax(others.point.z))}.`,
  );
  await expect(jc.getByRole('textbox', { name: /row 1, column 1$/ })).toHaveCount(1);

  const ce = page.locator('hw-ce-gradient');
  const compute = async (z: readonly number[], target: number) => {
    await ce.getByLabel(/z\[2\]/).fill(z.join(', '));
    await ce.getByLabel('true class (1-based)').fill(String(target + 1));
    await ce.getByRole('button', { name: 'Compute' }).click();
  };
  await compute(point.z, point.target);
  await expectGuarded(ce, 'q1.2d', logitResults(point.z, point.target), point.z);
  await compute(others.point.z, others.point.target);
  await expect(ce.locator('[data-readout]')).toContainText(`ŷ = softmax(z[2]) = ${formatVector(softmax(others.point.z))}`);

  const ss = page.locator('hw-softmax-stability');
  const huge = hugeLogits(v);
  await ss.getByLabel('Logits z (2 to 8 numbers)').fill(huge.join(', '));
  await expectGuarded(ss, 'q1.2e', softmax(huge), huge);
  await expect(ss.locator('tbody tr')).toHaveCount(0);
  await ss.getByLabel('Logits z (2 to 8 numbers)').fill(others.huge.join(', '));
  await expect(ss.locator('tbody tr')).toHaveCount(others.huge.length);
  await expect(ss.locator('[data-readout]')).toContainText('Overflow');
}

test.describe("Question 1 widgets give the method, not the result, for the student's own exercise numbers", () => {
  test('homework numbers: every widget names its exercise and hides the value; nearby numbers are computed', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const v = homeworkVariant;
    const [y, p] = onePapaya(v);
    await page.goto('1-1/');
    await checkChapter11(page, v, {
      papaya: [y, Number((p + 0.005).toFixed(3))],
      l2: { ...l2Numbers(v), lambda: l2Numbers(v).lambda + 0.01 },
    });
    await page.goto('1-2/');
    const sizes = layerSizes(v);
    const point = jacobianPoint(v);
    await checkChapter12(page, v, {
      sizes: { ...sizes, K: sizes.K + 1 },
      point: { ...point, z: moved(point.z) },
      huge: moved(hugeLogits(v)),
    });

    const df = page.locator('hw-delta-formula');
    await df.getByLabel(/in y_k, y_j and d/).fill('y_k*(d - y_j)');
    await df.getByRole('button', { name: 'Test at random logits' }).click();
    await expect(df.locator('[data-readout]')).toContainText('No cell (k, j) disagrees with autodiff');
    await expect(df.locator('[data-readout]')).toContainText('whether your formula answers exercise q1.2c is for that exercise to grade');
    await expect(df.locator('[data-readout]')).not.toContainText(/match|right|correct/i);
    expect(errors).toEqual([]);
  });

  test("per-student numbers: the student's own numbers are guarded, the homework's are ordinary inputs", async ({ page }) => {
    await page.route('**/course.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(COURSE) }));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const v = variantFor(STUDENT, COURSE);
    const h = homeworkVariant;
    await page.goto('1-1/');
    await page.getByRole('button', { name: /^Student/ }).click();
    const panel = page.getByRole('dialog', { name: 'Your progress' });
    await panel.getByLabel('Student id').fill(STUDENT);
    await panel.getByRole('button', { name: 'Save student' }).click();
    await expect(panel.getByText(`your own numbers (seed ${v.seed})`)).toBeVisible();
    await panel.getByRole('button', { name: 'Close' }).click();
    await checkChapter11(page, v, { papaya: onePapaya(h), l2: l2Numbers(h) });
    await page.goto('1-2/');
    await checkChapter12(page, v, { sizes: layerSizes(h), point: jacobianPoint(h), huge: hugeLogits(h) });
    expect(errors).toEqual([]);
  });
});
