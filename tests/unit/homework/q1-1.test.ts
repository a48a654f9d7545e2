import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Q1_1 } from '../../../src/homework/q1-1';
import { confidentlyWrong, decaySteps, l2Numbers, NORM_NAMES, normQuestion } from '../../../src/homework/q1-1-variants';
import { l2StepAutodiff } from '../../../src/math/l2-step';
import { ANSWER_KEY } from '../../../src/submission/limits';
import { FIX, maxAbsDiff } from '../../helpers/math-fixtures';
import { canonicalNumbers, homeworkMarks } from '../../helpers/answer-keys';
import {
  byId,
  canonicalCode,
  examplesThatAreAnswers,
  gradeKey,
  HOMEWORK,
  keysWithPrefix,
  messagesThatGiveAway,
  partOf,
  student,
  STUDENT_SEEDS,
  typedAnswer,
} from './q1-helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const num = async (key: string, v = HOMEWORK) => {
  const p = await partOf(Q1_1, key, v);
  if (p.kind !== 'number') throw new Error(`${key} is not a number`);
  return p;
};
const vec = async (key: string) => {
  const p = await partOf(Q1_1, key);
  if (p.kind !== 'vector') throw new Error(`${key} is not a vector`);
  return p;
};

describe('Q1_1 structure', () => {
  it('has q1.1a–e with the homework marks, split over parts that match the inputs', async () => {
    expect(Q1_1.map((e) => e.id)).toEqual(['q1.1a', 'q1.1b', 'q1.1c', 'q1.1d', 'q1.1e']);
    for (const ex of Q1_1) {
      expect(ex.marks).toBe(homeworkMarks(ex.id));
      const parts = await ex.parts(HOMEWORK);
      expect(parts.map((p) => p.key)).toEqual(ex.inputs.map((i) => i.key));
      expect(parts.reduce((s, p) => s + p.marks, 0)).toBeCloseTo(ex.marks, 12);
    }
  });

  it('keeps every answer key of homework.md, and its new keys are valid submission keys', () => {
    const keys = Q1_1.flatMap((e) => e.inputs.map((i) => i.key));
    expect(keys).toEqual(expect.arrayContaining(keysWithPrefix('q1.1')));
    expect(keys.filter((k) => !ANSWER_KEY.test(k))).toEqual([]);
    expect(keys.filter((k) => !keysWithPrefix('q1.1').includes(k)).sort()).toEqual(['q1.1a.bce', 'q1.1a.mse', 'q1.1e.decay']);
  });
});

describe('Q1_1 homework variant', () => {
  it('q1.1c: parts and params give the PyTorch loss of y = 0, ŷ = 0.9 in bits', async () => {
    const ref = FIX.bce[0];
    expect(byId(Q1_1, 'q1.1c').params(HOMEWORK)).toEqual({ y: ref.y, p: ref.p });
    const p = await num('q1.1c');
    expect(Math.abs(p.answer - ref.bits)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(p.answer - canonicalNumbers('q1.1c')[0])).toBeLessThanOrEqual(5e-5);
  });

  it('q1.1d: the three losses and the mean match PyTorch and homework.md', async () => {
    const { examples, bits } = FIX.bce_average_homework;
    const want = examples.map(([y, p]) => FIX.bce.find((b) => b.y === y && b.p === p)!.bits);
    const losses = await vec('q1.1d.losses');
    expect(maxAbsDiff(losses.answer, want)).toBeLessThanOrEqual(1e-12);
    expect(maxAbsDiff(losses.answer, canonicalNumbers('q1.1d.losses'))).toBeLessThanOrEqual(5e-5);
    const mean = await num('q1.1d.mean');
    expect(Math.abs(mean.answer - bits)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(mean.answer - canonicalNumbers('q1.1d.mean')[0])).toBeLessThanOrEqual(5e-5);
  });

  it('q1.1d.mean: the tolerance is ±5e-4, so the truncated 1.793 is rejected and named', async () => {
    const mean = await num('q1.1d.mean');
    expect(mean.tol).toEqual({ abs: 5e-4, rel: 0 });
    const truncated = Math.trunc(FIX.bce_average_homework.bits * 1000) / 1000;
    expect(mean.mistakes?.find((m) => m.id === 'truncated')?.value).toBe(truncated);
    const fb = await gradeKey(Q1_1, 'q1.1d.mean', String(truncated));
    expect(fb.status).toBe('wrong');
    expect(fb.mistake).toBe('truncated');
  });

  it('q1.1e: w_next is the PyTorch step for cost L + λw², and 1.948 is the weight_decay mistake', async () => {
    const ref = FIX.l2_step[0];
    expect(byId(Q1_1, 'q1.1e').params(HOMEWORK)).toMatchObject({ w: ref.w, g: ref.dL_dw, alpha: ref.lr, lambda: ref.lambda });
    const p = await num('q1.1e.w_next');
    expect(Math.abs(p.answer - ref.w_next_cost_L_plus_lambda_w2)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(p.answer - canonicalNumbers('q1.1e.w_next')[0])).toBeLessThanOrEqual(1e-6);
    expect(p.mistakes?.find((m) => m.id === 'weight-decay')?.value).toBeCloseTo(ref.w_next_pytorch_weight_decay, 12);
  });
});

describe('Q1_1 grading of the canonical answers', () => {
  const canonical: [string, string | string[]][] = [
    ['q1.1a', 'vanishing'],
    ['q1.1b', canonicalCode('q1.1b')],
    ['q1.1b', '-(y*log2(p) + (1-y)*log2(1-p))'],
    ['q1.1b', '-(y*log(ŷ) + (1-y)*log(1-ŷ))'],
    ['q1.1c', String(canonicalNumbers('q1.1c')[0])],
    ['q1.1c', canonicalCode('q1.1c')],
    ['q1.1d.losses', canonicalNumbers('q1.1d.losses').map(String)],
    ['q1.1d.mean', String(canonicalNumbers('q1.1d.mean')[0])],
    ['q1.1e.w_next', String(canonicalNumbers('q1.1e.w_next')[0])],
    ['q1.1e.effect', 'q'],
    ['q1.1c', '3.3219 bits'],
  ];
  it.each(canonical)('%s = %j grades correct', async (key, raw) => {
    const fb = await gradeKey(Q1_1, key, raw);
    expect(fb.status).toBe('correct');
    expect(fb.message.startsWith('Correct')).toBe(true);
  });

  const mistakes: [string, string | string[], string][] = [
    ['q1.1a', 'imbalance', 'imbalance'],
    ['q1.1a', 'exploding', 'exploding'],
    ['q1.1b', 'y*log(p) + (1-y)*log(1-p)', 'sign'],
    ['q1.1b', '-(y*log(1-p) + (1-y)*log(p))', 'swapped'],
    ['q1.1c', String(FIX.bce[0].nats), 'nats'],
    ['q1.1d.losses', FIX.bce_average_homework.examples.map(([y, p]) => String(FIX.bce.find((b) => b.y === y && b.p === p)!.nats)), 'nats'],
    ['q1.1d.mean', String(FIX.bce_average_homework.nats), 'nats'],
    ['q1.1e.w_next', String(FIX.l2_step[0].w_next_pytorch_weight_decay), 'weight-decay'],
    ['q1.1e.effect', 'r', 'largest-norm'],
    ['q1.1e.effect', 'p', 'one-entry'],
  ];
  it.each(mistakes)('%s = %j is wrong with the named mistake %s', async (key, raw, id) => {
    const fb = await gradeKey(Q1_1, key, raw);
    expect(fb.status).toBe('wrong');
    expect(fb.mistake).toBe(id);
  });

  it('an unreadable answer costs nothing and says "Could not read"', async () => {
    const fb = await gradeKey(Q1_1, 'q1.1c', 'three point three');
    expect(fb.status).toBe('unreadable');
    expect(fb.message.startsWith('Could not read')).toBe(true);
  });
});

describe('Q1_1 q1.1a: the gradients of a confidently wrong papaya', () => {
  /** ∂L/∂z of ½(σ(z) − y)² and of −[y ln σ(z) + (1 − y) ln(1 − σ(z))], by tfjs autodiff. */
  const autodiff = (y: number, z: number) =>
    tf.tidy(() => {
      const mse = tf.grad((t: tf.Tensor) => tf.sigmoid(t).sub(y).square().mul(0.5).sum() as tf.Scalar)(tf.scalar(z, 'float32'));
      const bce = tf.grad((t: tf.Tensor) => tf.losses.sigmoidCrossEntropy(tf.tensor1d([y]), t.reshape([1])) as tf.Scalar)(
        tf.scalar(z, 'float32'),
      );
      return { mse: mse.dataSync()[0], bce: bce.dataSync()[0] };
    });

  it('asks for the autodiff gradients (float32, abs 1e-6), for the homework and student variants', async () => {
    for (const v of [HOMEWORK, ...STUDENT_SEEDS.slice(0, 40).map(student)]) {
      const { y, z } = confidentlyWrong(v);
      const want = autodiff(y, z);
      const mse = await partOf(Q1_1, 'q1.1a.mse', v);
      const bceGrad = await partOf(Q1_1, 'q1.1a.bce', v);
      expect(mse.kind === 'number' && Math.abs(mse.answer - want.mse)).toBeLessThanOrEqual(1e-6);
      expect(bceGrad.kind === 'number' && Math.abs(bceGrad.answer - want.bce)).toBeLessThanOrEqual(1e-6);
    }
  });

  it("draws a papaya that is confidently wrong, with a logit off the widget slider's 0.1 grid", () => {
    for (const v of [HOMEWORK, ...STUDENT_SEEDS.map(student)]) {
      const { y, z } = confidentlyWrong(v);
      expect(y === 1 ? z : -z).toBeLessThan(-3);
      expect(Math.abs(z)).toBeLessThan(5.5);
      expect(Math.round(Math.abs(z) * 100) % 10).not.toBe(0);
    }
  });

  it('makes the MSE gradient tens of times smaller than the BCE one for every variant', async () => {
    for (const v of [HOMEWORK, ...STUDENT_SEEDS.slice(0, 100).map(student)]) {
      const mse = await partOf(Q1_1, 'q1.1a.mse', v);
      const bceGrad = await partOf(Q1_1, 'q1.1a.bce', v);
      if (mse.kind !== 'number' || bceGrad.kind !== 'number') throw new Error('q1.1a gradients are numbers');
      expect(Math.abs(bceGrad.answer) / Math.abs(mse.answer)).toBeGreaterThan(20);
    }
  });

  it.each([
    ['q1.1a.mse', 'no-half', (mse: number) => 2 * mse],
    ['q1.1a.bce', 'bits', (_mse: number, bceGrad: number) => bceGrad / Math.LN2],
    ['q1.1a.bce', 'swapped', (mse: number) => mse],
  ] as const)('%s names the mistake %s', async (key, id, wrongValue) => {
    const mse = await partOf(Q1_1, 'q1.1a.mse');
    const bceGrad = await partOf(Q1_1, 'q1.1a.bce');
    if (mse.kind !== 'number' || bceGrad.kind !== 'number') throw new Error('q1.1a gradients are numbers');
    const fb = await gradeKey(Q1_1, key, wrongValue(mse.answer, bceGrad.answer).toFixed(4));
    expect(fb.status).toBe('wrong');
    expect(fb.mistake).toBe(id);
  });
});

describe('Q1_1 q1.1e: weight decay and the norms of three models', () => {
  it('q1.1e.decay is k autodiff steps of the regularised cost with ∂L/∂w = 0', async () => {
    for (const v of [HOMEWORK, ...STUDENT_SEEDS.slice(0, 20).map(student)]) {
      const s = l2Numbers(v);
      let w = s.w;
      for (let i = 0; i < decaySteps(v); i++) w = l2StepAutodiff({ ...s, w, dLdw: 0 });
      const p = await partOf(Q1_1, 'q1.1e.decay', v);
      expect(p.kind === 'number' && Math.abs(p.answer - w)).toBeLessThanOrEqual(1e-4);
    }
  });

  it('q1.1e.decay asks for a visible decay that the linear guess misses', async () => {
    for (const v of [HOMEWORK, ...STUDENT_SEEDS.map(student)]) {
      const p = await partOf(Q1_1, 'q1.1e.decay', v);
      if (p.kind !== 'number') throw new Error('q1.1e.decay is a number');
      const factor = p.answer / l2Numbers(v).w;
      expect(factor).toBeGreaterThanOrEqual(0.3);
      expect(factor).toBeLessThanOrEqual(0.9);
      expect(p.mistakes?.map((m) => m.id)).toContain('linear');
    }
  });

  it.each([
    ['linear', (w: number, c: number, k: number) => w * (1 - c * k)],
    ['weight-decay', (w: number, c: number, k: number) => w * (1 - c / 2) ** k],
  ] as const)('q1.1e.decay names the mistake %s', async (id, wrongValue) => {
    const s = l2Numbers(HOMEWORK);
    const fb = await gradeKey(Q1_1, 'q1.1e.decay', wrongValue(s.w, 2 * s.lr * s.lambda, decaySteps(HOMEWORK)).toFixed(4));
    expect(fb.status).toBe('wrong');
    expect(fb.mistake).toBe(id);
  });

  it('q1.1e.effect: the right model has the smallest norm, and the trap holds the smallest single entry', async () => {
    for (const v of [HOMEWORK, ...STUDENT_SEEDS.map(student)]) {
      const n = normQuestion(v);
      const norms = n.vectors.map((w) => Math.hypot(...w));
      expect(norms[n.largest]).toBe(Math.min(...norms));
      expect(norms[n.none]).toBe(Math.max(...norms));
      const smallest = Math.min(...n.vectors.flat().map(Math.abs));
      expect(n.vectors[n.middle].map(Math.abs)).toContain(smallest);
      expect(new Set([n.largest, n.none, n.middle]).size).toBe(3);
      const p = await partOf(Q1_1, 'q1.1e.effect', v);
      expect(p.kind === 'choice' && p.correct).toEqual([NORM_NAMES[n.largest].toLowerCase()]);
      expect(byId(Q1_1, 'q1.1e').params(v)[NORM_NAMES[n.largest]]).toBe(`[${n.vectors[n.largest].join(', ')}]`);
    }
  });

  it('q1.1e.w_next typed with 2 decimals cannot be told from the missing L2 term, so it is not read as that mistake', async () => {
    const fb = await gradeKey(Q1_1, 'q1.1e.w_next', '1.95');
    expect(fb.status).toBe('unreadable');
    expect(fb.mistake).toBeUndefined();
  });
});

describe('Q1_1 examples and messages', () => {
  const variants = [HOMEWORK, ...STUDENT_SEEDS.map(student)];

  it('shows examples the book reads, and none of them is a right answer of any variant', async () => {
    expect(await examplesThatAreAnswers(Q1_1, variants)).toEqual([]);
  });

  it('never states a number of the expected answer in a named mistake or a hint', async () => {
    expect(await messagesThatGiveAway(Q1_1, variants)).toEqual([]);
  });
});

describe('Q1_1 student variants', () => {
  it('are deterministic in the seed', async () => {
    for (const ex of Q1_1) {
      expect(ex.params(student(42))).toEqual(ex.params(student(42)));
      expect(await ex.parts(student(42))).toEqual(await ex.parts(student(42)));
    }
  });

  it('differ between seeds for every exercise with numbers', async () => {
    for (const id of ['q1.1a', 'q1.1c', 'q1.1d', 'q1.1e']) {
      const ex = byId(Q1_1, id);
      const seen = new Set([1, 2, 3, 4, 5].map((s) => JSON.stringify(ex.params(student(s)))));
      expect(seen.size).toBeGreaterThan(1);
    }
  });

  it('accept their own answers typed to 4 decimals and keep named mistakes away from the answer', async () => {
    for (let seed = 1; seed <= 30; seed++) {
      for (const ex of Q1_1) {
        for (const part of await ex.parts(student(seed))) {
          expect((await gradeKey(Q1_1, part.key, typedAnswer(part), student(seed))).status).toBe('correct');
          if (part.kind === 'number') {
            for (const m of part.mistakes ?? []) expect(Math.abs(m.value - part.answer)).toBeGreaterThan(5e-4);
          }
        }
      }
    }
  });
});
