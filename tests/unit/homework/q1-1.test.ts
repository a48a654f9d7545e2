import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Q1_1 } from '../../../src/homework/q1-1';
import { FIX, maxAbsDiff } from '../../helpers/math-fixtures';
import { canonicalNumbers, homeworkMarks } from '../../helpers/answer-keys';
import { byId, canonicalCode, gradeKey, HOMEWORK, keysWithPrefix, partOf, student, typedAnswer } from './q1-helpers';

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

  it('uses exactly the answer keys of homework.md', () => {
    expect(Q1_1.flatMap((e) => e.inputs.map((i) => i.key)).sort()).toEqual(keysWithPrefix('q1.1').sort());
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
    expect(byId(Q1_1, 'q1.1e').params(HOMEWORK)).toEqual({ w: ref.w, g: ref.dL_dw, alpha: ref.lr, lambda: ref.lambda });
    const p = await num('q1.1e.w_next');
    expect(Math.abs(p.answer - ref.w_next_cost_L_plus_lambda_w2)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(p.answer - canonicalNumbers('q1.1e.w_next')[0])).toBeLessThanOrEqual(1e-6);
    expect(p.mistakes?.find((m) => m.id === 'weight-decay')?.value).toBeCloseTo(ref.w_next_pytorch_weight_decay, 12);
  });
});

describe('Q1_1 grading of the canonical answers', () => {
  const canonical: [string, string | string[]][] = [
    ['q1.1a', ['vanishing', 'nonconvex', 'likelihood']],
    ['q1.1b', canonicalCode('q1.1b')],
    ['q1.1b', '-(y*log2(p) + (1-y)*log2(1-p))'],
    ['q1.1b', '-(y*log(ŷ) + (1-y)*log(1-ŷ))'],
    ['q1.1c', String(canonicalNumbers('q1.1c')[0])],
    ['q1.1c', canonicalCode('q1.1c')],
    ['q1.1d.losses', canonicalNumbers('q1.1d.losses').map(String)],
    ['q1.1d.mean', String(canonicalNumbers('q1.1d.mean')[0])],
    ['q1.1e.w_next', String(canonicalNumbers('q1.1e.w_next')[0])],
    ['q1.1e.effect', 'a-smaller'],
  ];
  it.each(canonical)('%s = %j grades correct', async (key, raw) => {
    const fb = await gradeKey(Q1_1, key, raw);
    expect(fb.status).toBe('correct');
    expect(fb.message.startsWith('Correct')).toBe(true);
  });

  const mistakes: [string, string | string[], string][] = [
    ['q1.1a', ['imbalance'], 'imbalance'],
    ['q1.1b', 'y*log(p) + (1-y)*log(1-p)', 'sign'],
    ['q1.1b', '-(y*log(1-p) + (1-y)*log(p))', 'swapped'],
    ['q1.1c', String(FIX.bce[0].nats), 'nats'],
    ['q1.1d.losses', FIX.bce_average_homework.examples.map(([y, p]) => String(FIX.bce.find((b) => b.y === y && b.p === p)!.nats)), 'nats'],
    ['q1.1d.mean', String(FIX.bce_average_homework.nats), 'nats'],
    ['q1.1e.w_next', String(FIX.l2_step[0].w_next_pytorch_weight_decay), 'weight-decay'],
    ['q1.1e.effect', 'a-zero', 'l1'],
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

describe('Q1_1 student variants', () => {
  it('are deterministic in the seed', async () => {
    for (const ex of Q1_1) {
      expect(ex.params(student(42))).toEqual(ex.params(student(42)));
      expect(await ex.parts(student(42))).toEqual(await ex.parts(student(42)));
    }
  });

  it('differ between seeds for every exercise with numbers', async () => {
    for (const id of ['q1.1c', 'q1.1d', 'q1.1e']) {
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
