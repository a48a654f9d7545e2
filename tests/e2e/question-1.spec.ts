import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { ExerciseDef, InputDef } from '../../src/exercises/exercise';
import { Q1_1 } from '../../src/homework/q1-1';
import { Q1_2 } from '../../src/homework/q1-2';
import { canonicalNumbers } from '../helpers/answer-keys';
import { FIX } from '../helpers/math-fixtures';
import { formatNumber, formatVector } from '../../src/exercises/format-number';
import { homeworkVariant } from '../../src/exercises/variant';
import {
  confidentlyWrong,
  decayedWeight,
  decaySteps,
  l2Numbers,
  logitGradients,
  onePapaya,
  threePapayas,
} from '../../src/homework/q1-1-variants';
import { bce } from '../../src/math/bce';
import { layerSizes } from '../../src/homework/q1-2-variants';
import { parameterCount } from '../../src/math/shapes';
import { OPENINGS } from '../../src/widgets/openings';

/** What to type into one input: text, cells of a vector or matrix, or the labels of the options to tick. */
type Typed = string | string[] | string[][] | { choose: string[] };

interface Case {
  id: string;
  right: Record<string, Typed>;
  wrong: Record<string, Typed>;
  /** A fragment of the named mistake's message the wrong answer must produce. */
  mistake: RegExp;
  unreadable: Record<string, Typed>;
}

const f4 = (x: number) => x.toFixed(4);
const nums = (key: string) => canonicalNumbers(key).map(String);
const ALL: ExerciseDef[] = [...Q1_1, ...Q1_2];
const optionLabels = (key: string, ids: string[]): { choose: string[] } => {
  const input = ALL.flatMap((e) => e.inputs).find((i) => i.key === key);
  if (input?.kind !== 'choice') throw new Error(`no choice ${key}`);
  return { choose: ids.map((id) => input.options.find((o) => o.id === id)!.label) };
};
const grads = logitGradients(confidentlyWrong(homeworkVariant));
const decay = f4(decayedWeight(l2Numbers(homeworkVariant), decaySteps(homeworkVariant)));
const jac = FIX.softmax[0];
const huge = FIX.softmax[1];

const CASES: Case[] = [
  {
    id: 'q1.1a',
    right: { 'q1.1a.mse': f4(grads.mse), 'q1.1a.bce': f4(grads.bce), 'q1.1a': optionLabels('q1.1a', ['vanishing']) },
    wrong: { 'q1.1a.mse': f4(grads.mse), 'q1.1a.bce': f4(grads.bce), 'q1.1a': optionLabels('q1.1a', ['imbalance']) },
    mistake: /imbalance/,
    unreadable: { 'q1.1a.mse': 'tiny', 'q1.1a.bce': f4(grads.bce), 'q1.1a': optionLabels('q1.1a', ['vanishing']) },
  },
  {
    id: 'q1.1b',
    right: { 'q1.1b': '-(y*log(p) + (1-y)*log(1-p))' },
    wrong: { 'q1.1b': 'y*log(p) + (1-y)*log(1-p)' },
    mistake: /minus sign/,
    unreadable: { 'q1.1b': '-(y*log(p) + ' },
  },
  {
    id: 'q1.1c',
    right: { 'q1.1c': nums('q1.1c')[0] },
    wrong: { 'q1.1c': f4(FIX.bce[0].nats) },
    mistake: /nats/,
    unreadable: { 'q1.1c': 'three bits' },
  },
  {
    id: 'q1.1d',
    right: { 'q1.1d.losses': nums('q1.1d.losses'), 'q1.1d.mean': nums('q1.1d.mean')[0] },
    wrong: { 'q1.1d.losses': nums('q1.1d.losses'), 'q1.1d.mean': String(Math.trunc(FIX.bce_average_homework.bits * 1000) / 1000) },
    mistake: /truncated/i,
    unreadable: { 'q1.1d.losses': ['3.3219', 'abc', '1.7370'], 'q1.1d.mean': nums('q1.1d.mean')[0] },
  },
  {
    id: 'q1.1e',
    right: { 'q1.1e.w_next': nums('q1.1e.w_next')[0], 'q1.1e.decay': decay, 'q1.1e.effect': optionLabels('q1.1e.effect', ['q']) },
    wrong: {
      'q1.1e.w_next': String(FIX.l2_step[0].w_next_pytorch_weight_decay),
      'q1.1e.decay': decay,
      'q1.1e.effect': optionLabels('q1.1e.effect', ['q']),
    },
    mistake: /weight_decay/,
    unreadable: { 'q1.1e.w_next': '1.94.6', 'q1.1e.decay': decay, 'q1.1e.effect': optionLabels('q1.1e.effect', ['q']) },
  },
  {
    id: 'q1.2a',
    right: { 'q1.2a.W2': 'K x Da', 'q1.2a.b2': '(K, 1)', 'q1.2a.Z2': 'K×m' },
    wrong: { 'q1.2a.W2': 'Da x K', 'q1.2a.b2': 'K x 1', 'q1.2a.Z2': 'K x m' },
    mistake: /Transposed/,
    unreadable: { 'q1.2a.W2': 'banana x Da', 'q1.2a.b2': 'K x 1', 'q1.2a.Z2': 'K x m' },
  },
  {
    id: 'q1.2b',
    right: { 'q1.2b': nums('q1.2b')[0] },
    wrong: { 'q1.2b': '24' },
    mistake: /biases are missing/,
    unreadable: { 'q1.2b': 'thirty-one' },
  },
  {
    id: 'q1.2c',
    right: { 'q1.2c': 'y_k*(d - y_j)' },
    wrong: { 'q1.2c': '-y_k*y_j' },
    mistake: /diagonal term is missing/,
    unreadable: { 'q1.2c': 'y_k*(d - y_j' },
  },
  {
    id: 'q1.2d',
    right: {
      'q1.2d.jacobian': jac.jacobian_dyk_dzj.map((r) => r.map(f4)),
      'q1.2d.dz': nums('q1.2d.dz'),
      'q1.2d.dW': optionLabels('q1.2d.dW', ['outer']),
    },
    wrong: {
      'q1.2d.jacobian': jac.jacobian_dyk_dzj.map((r) => r.map((v) => f4(-v))),
      'q1.2d.dz': nums('q1.2d.dz'),
      'q1.2d.dW': optionLabels('q1.2d.dW', ['outer']),
    },
    mistake: /Sign error/,
    unreadable: {
      'q1.2d.jacobian': jac.jacobian_dyk_dzj.map((r, i) => r.map((v, j) => (i === 1 && j === 1 ? 'x' : f4(v)))),
      'q1.2d.dz': nums('q1.2d.dz'),
      'q1.2d.dW': optionLabels('q1.2d.dW', ['outer']),
    },
  },
  {
    id: 'q1.2e',
    right: { 'q1.2e.problems': optionLabels('q1.2e.problems', ['overflow', 'underflow']), 'q1.2e.softmax': nums('q1.2e.softmax') },
    wrong: {
      'q1.2e.problems': optionLabels('q1.2e.problems', ['overflow', 'underflow']),
      'q1.2e.softmax': [...huge.softmax].sort((a, b) => a - b).map(f4),
    },
    mistake: /sorted/,
    unreadable: { 'q1.2e.problems': optionLabels('q1.2e.problems', ['overflow', 'underflow']), 'q1.2e.softmax': ['0.2447', '', '0.0900'] },
  },
];

const inputOf = (key: string): InputDef => {
  const input = ALL.flatMap((e) => e.inputs).find((i) => i.key === key);
  if (!input) throw new Error(`no input ${key}`);
  return input;
};

/** Types `value` into the input `key` of `ex`, by the accessible labels the Exercise component renders. */
async function fill(ex: Locator, key: string, value: Typed): Promise<void> {
  const input = inputOf(key);
  if (input.kind === 'choice') {
    const role = input.multiple ? 'checkbox' : 'radio';
    const chosen = new Set((value as { choose: string[] }).choose);
    for (const o of input.options) {
      const box = ex.getByRole(role, { name: o.label, exact: true });
      if (chosen.has(o.label)) await box.check();
      else if (input.multiple) await box.uncheck();
    }
  } else if (input.kind === 'vector') {
    const cells = value as string[];
    for (let j = 0; j < input.length; j++) await ex.getByLabel(`${input.label}, entry ${j + 1}`, { exact: true }).fill(cells[j] ?? '');
  } else if (input.kind === 'matrix') {
    const rows = value as string[][];
    for (let r = 0; r < input.rows; r++) {
      for (let c = 0; c < input.cols; c++) {
        await ex.getByLabel(`${input.label}, row ${r + 1}, column ${c + 1}`, { exact: true }).fill(rows[r]?.[c] ?? '');
      }
    }
  } else {
    await ex.getByLabel(input.label, { exact: true }).fill(value as string);
  }
}

async function answer(page: Page, id: string, values: Record<string, Typed>): Promise<Locator> {
  const ex = page.locator(`[data-exercise="${id}"]`);
  for (const [key, value] of Object.entries(values)) await fill(ex, key, value);
  await ex.getByRole('button', { name: 'Check', exact: true }).click();
  const status = ex.getByRole('status');
  await expect(status).not.toHaveText(/^(Checking…)?$/);
  return status;
}

/** Serious or critical axe violations inside the widgets, in light and dark themes. */
async function widgetViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    const result = await new AxeBuilder({ page }).include('.widget').exclude('.katex-mathml').analyze();
    for (const v of result.violations) {
      if (v.impact === 'serious' || v.impact === 'critical')
        found.push(`[${theme}] ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
  }
  return found;
}

const attempts = (page: Page, id: string) => page.locator(`[data-exercise="${id}"] [data-attempts]`).textContent();

test.describe('Question 1 exercises', () => {
  for (const c of CASES) {
    test(`${c.id}: right, wrong with a named mistake, and unreadable`, async ({ page }) => {
      await page.goto(c.id.startsWith('q1.1') ? '1-1/' : '1-2/');
      const ex = page.locator(`[data-exercise="${c.id}"]`);
      await ex.scrollIntoViewIfNeeded();

      const right = await answer(page, c.id, c.right);
      await expect(right).toHaveText(/^Correct/);

      const wrong = await answer(page, c.id, c.wrong);
      await expect(wrong).not.toHaveText(/^Correct/);
      await expect(wrong).toContainText(c.mistake);

      if (Object.keys(c.unreadable).length > 0) {
        const before = await attempts(page, c.id);
        const unreadable = await answer(page, c.id, c.unreadable);
        await expect(unreadable).toHaveText(/^Could not read/);
        expect(await attempts(page, c.id)).toBe(before);
      }
    });
  }
});

test.describe('Question 1 widgets', () => {
  test('chapter 1.1 widgets draw their charts, train with tfjs and compute the L2 step', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('1-1/');
    for (const name of ['hw-logit-gradient', 'hw-mse-nonconvex', 'hw-bce-explorer']) {
      const w = page.locator(name);
      await w.scrollIntoViewIfNeeded();
      await expect(w.locator('svg[role="img"]').first()).toBeVisible();
    }
    const explorer = page.locator('hw-bce-explorer');
    await explorer.getByLabel('ŷ exactly').fill(String(1 - OPENINGS.bce.y));
    await expect(explorer.getByText(/is infinite/)).toBeVisible();

    const checker = page.locator('hw-l2-checker');
    const o = OPENINGS.l2;
    await checker.getByRole('button', { name: 'Compute the step' }).click();
    await expect(checker.locator('[data-readout]')).toContainText(`w ← ${formatNumber(o.w - o.lr * (o.g + 2 * o.lambda * o.w))}`);
    await expect(checker.locator('[data-readout]')).not.toContainText(String(FIX.l2_step[0].w_next_cost_L_plus_lambda_w2));
    for (const fx of [FIX.l2_step[1], FIX.l2_step[2]]) {
      for (const [name, value] of [
        ['w', fx.w],
        ['∂L/∂w', fx.dL_dw],
        ['α', fx.lr],
        ['λ', fx.lambda],
      ] as const) {
        await checker.getByLabel(name, { exact: true }).fill(String(value));
      }
      await checker.getByRole('button', { name: 'Compute the step' }).click();
      await expect(checker.locator('[data-readout]')).toContainText(`w ← ${fx.w_next_cost_L_plus_lambda_w2}`);
      await expect(checker.locator('[data-readout]')).toContainText(String(fx.w_next_pytorch_weight_decay));
    }
    await checker.getByLabel('w', { exact: true }).fill('');
    await checker.getByRole('button', { name: 'Compute the step' }).click();
    await expect(checker.locator('[data-readout]')).toContainText('(field w)');
    await expect(checker.locator('[data-readout]')).not.toContainText('NaN');

    const demo = page.locator('hw-l2-demo');
    await demo.scrollIntoViewIfNeeded();
    await expect(demo.locator('[data-readout]')).toContainText('Model A ends with smaller weights', { timeout: 60_000 });
    expect(await widgetViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('BCE explorer: opens away from q1.1c and q1.1d, and lists or plots no exercise papaya, not even after a check', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('1-1/');
    const explorer = page.locator('hw-bce-explorer');
    await explorer.scrollIntoViewIfNeeded();
    await expect(explorer.locator('svg[role="img"]')).toBeVisible();
    const { y, p } = OPENINGS.bce;
    await expect(explorer.locator('[data-readout]')).toHaveText(`L(y = ${y}, ŷ = ${p}) = ${formatNumber(bce(y, p, 'bits'))} bits.`);
    await expect(explorer.locator('svg')).toContainText('you');

    const wrong = await answer(page, 'q1.1d', { 'q1.1d.losses': ['1', '1', '1'], 'q1.1d.mean': '1' });
    await expect(wrong).not.toHaveText(/^Correct/);
    await answer(page, 'q1.1c', { 'q1.1c': '1' });
    await page.reload();
    await explorer.scrollIntoViewIfNeeded();
    await expect(explorer.locator('svg[role="img"]')).toBeVisible();
    await expect(explorer.getByRole('list')).toHaveCount(0);
    await expect(explorer.locator('svg')).not.toContainText('1.1');
    const papayas = [onePapaya(homeworkVariant), ...threePapayas(homeworkVariant)];
    for (const unit of ['bits', 'nats'] as const) {
      await explorer.getByRole('radio', { name: unit === 'bits' ? 'bits (log₂)' : 'nats (ln)' }).check();
      for (const [py, pp] of papayas) await expect(explorer).not.toContainText(formatNumber(bce(py, pp, unit)));
    }
    expect(await widgetViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('chapter 1.2 widgets: shapes, Jacobian checker, formula test, CE gradients, float32 stability', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('1-2/');
    const shapes = page.locator('hw-shape-calculator');
    await expect(shapes.locator('[data-readout]')).toContainText(`= ${parameterCount(OPENINGS.shapes)}.`);
    await expect(shapes.locator('[data-readout]')).not.toContainText(`= ${canonicalNumbers('q1.2b')[0]}.`);
    const sizes = layerSizes(homeworkVariant);
    for (const [name, value] of [
      [/^Dx/, sizes.Dx],
      [/^Da/, sizes.Da],
      [/^K/, sizes.K],
    ] as const)
      await shapes.getByRole('spinbutton', { name }).fill(String(value));
    await expect(shapes.locator('[data-readout]')).toContainText('These are the numbers of exercise q1.2b');
    await shapes.getByRole('spinbutton', { name: /^K/ }).fill(String(sizes.K + 1));
    await expect(shapes.locator('[data-readout]')).toContainText(`= ${parameterCount({ ...sizes, K: sizes.K + 1 })}.`);

    const jc = page.locator('hw-jacobian-checker');
    const fillJacobian = async (m: number[][]) => {
      for (let r = 0; r < m.length; r++)
        for (let c = 0; c < m.length; c++)
          await jc.getByRole('textbox', { name: new RegExp(`row ${r + 1}, column ${c + 1}$`) }).fill(f4(m[r][c]));
      await jc.getByRole('button', { name: 'Check my Jacobian' }).click();
    };
    const own = FIX.softmax[2];
    expect(own.z).toEqual(OPENINGS.jacobian.z);
    await expect(jc.locator('[data-yhat]')).toContainText(`ŷ = softmax(z) = ${formatVector(own.softmax)}`);
    await expect(jc.locator('[data-yhat]')).not.toContainText(formatVector(jac.softmax));
    await fillJacobian(own.jacobian_dyk_dzj);
    await expect(jc.locator('[data-readout]')).toHaveText(/^Correct/);
    await fillJacobian(own.jacobian_dyk_dzj.map((r) => r.map((v) => -v)));
    await expect(jc.locator('[data-readout]')).toContainText('Sign error');
    const five = FIX.softmax[3];
    await jc.getByLabel('Logits z (2 to 6 numbers)').fill(five.z.join(', '));
    await jc.getByRole('button', { name: 'Use these logits' }).click();
    await fillJacobian(five.jacobian_dyk_dzj);
    await expect(jc.locator('[data-readout]')).toHaveText(/^Correct/);
    await jc.getByLabel('Logits z (2 to 6 numbers)').fill(jac.z.join(', '));
    await jc.getByRole('button', { name: 'Use these logits' }).click();
    await expect(jc.locator('[data-readout]')).toContainText('These are the numbers of exercise q1.2d');

    const df = page.locator('hw-delta-formula');
    await expect(df.getByLabel(/in y_k, y_j and d/)).toHaveAttribute('placeholder', OPENINGS.deltaPlaceholder);
    await df.getByLabel(/in y_k, y_j and d/).fill('y_k*(d - y_j)');
    await df.getByRole('button', { name: 'Test at random logits' }).click();
    await expect(df.locator('[data-readout]')).toContainText('No cell (k, j) disagrees with autodiff');
    await expect(df.locator('[data-readout]')).toContainText('for that exercise to grade');
    await df.getByLabel(/in y_k, y_j and d/).fill('-y_k*y_j');
    await df.getByRole('button', { name: 'Test at random logits' }).click();
    await expect(df.locator('[data-readout]')).toContainText('all on the diagonal');

    const ce = page.locator('hw-ce-gradient');
    expect([FIX.ce_grad[2].z, FIX.ce_grad[2].target]).toEqual([OPENINGS.ceGradient.z, OPENINGS.ceGradient.target]);
    await ce.getByRole('button', { name: 'Compute' }).click();
    await expect(ce.locator('[data-readout]')).toContainText('Largest difference');
    await expect(ce.locator('[data-readout]')).toContainText(`∂L/∂z[2] by autodiff = ${formatVector(FIX.ce_grad[2].dL_dz)}`);
    await expect(ce.locator('[data-readout]')).not.toContainText(formatVector(FIX.ce_grad[0].dL_dz));
    const fx = FIX.ce_grad[3];
    await ce.getByLabel(/z\[2\]/).fill(fx.z.join(', '));
    await ce.getByLabel('true class (1-based)').fill(String(fx.target + 1));
    await ce.getByRole('button', { name: 'Compute' }).click();
    await expect(ce.locator('[data-readout]')).toContainText(`∂L/∂z[2] by autodiff = ${formatVector(fx.dL_dz)}`);
    await ce.getByLabel(/z\[2\]/).fill(FIX.ce_grad[0].z.join(', '));
    await ce.getByRole('button', { name: 'Compute' }).click();
    await expect(ce.locator('[data-readout]')).toContainText('These are the numbers of exercise q1.2d');
    await ce.getByLabel(/z\[2\]/).fill('');
    await ce.getByRole('button', { name: 'Compute' }).click();
    await expect(ce.locator('[data-readout]')).toContainText('z[2]:');
    await expect(ce.locator('[data-readout]')).not.toContainText('NaN');

    const ss = page.locator('hw-softmax-stability');
    const shifted = FIX.softmax[3];
    expect(OPENINGS.softmax.opening).toEqual(shifted.z.map((z) => z + 1000));
    await expect(ss.locator('tbody')).toContainText('NaN');
    await expect(ss.locator('tbody tr')).toHaveCount(shifted.z.length);
    for (const [i, p] of shifted.softmax.entries())
      await expect(ss.locator('tbody tr').nth(i).locator('td').nth(2)).toHaveText(formatNumber(p));
    await expect(ss.locator('[data-readout]')).toContainText('Overflow');
    await ss.getByLabel('Logits z (2 to 8 numbers)').fill(shifted.z.map((z) => z + 2000).join(', '));
    for (const [i, p] of shifted.softmax.entries()) await expect(ss.locator('tbody tr').nth(i)).toContainText(formatNumber(p));
    await expect(ss.locator('[data-readout]')).toContainText('Overflow');
    await ss.getByLabel('Logits z (2 to 8 numbers)').fill(huge.z.join(', '));
    await expect(ss.locator('[data-readout]')).toContainText('These are the numbers of exercise q1.2e');
    await expect(ss.locator('tbody tr')).toHaveCount(0);
    await ss.getByRole('button', { name: 'Very negative logit' }).click();
    await expect(ss.locator('[data-readout]')).toContainText('Underflow');
    await ss.getByLabel('Logits z (2 to 8 numbers)').fill('');
    await expect(ss.locator('[data-readout]')).toContainText('Type some numbers');
    expect(await widgetViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
