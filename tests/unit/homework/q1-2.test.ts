import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Q1_2 } from '../../../src/homework/q1-2';
import { FIX, maxAbsDiff } from '../../helpers/math-fixtures';
import { ANSWER_KEYS, canonicalNumbers, homeworkMarks } from '../../helpers/answer-keys';
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

const jac = FIX.softmax[0];
const grad = FIX.ce_grad[0];
const huge = FIX.softmax[1];
const shapes = (ANSWER_KEYS.get('q1.2a.W2') ?? '').split(',').map((s) => s.trim());
const arrayAnswer = async (key: string) => {
  const p = await partOf(Q1_2, key);
  if (p.kind !== 'vector' && p.kind !== 'matrix') throw new Error(`${key} is not an array`);
  return p;
};

describe('Q1_2 structure', () => {
  it('has q1.2a–e with the homework marks, split over parts that match the inputs', async () => {
    expect(Q1_2.map((e) => e.id)).toEqual(['q1.2a', 'q1.2b', 'q1.2c', 'q1.2d', 'q1.2e']);
    for (const ex of Q1_2) {
      expect(ex.marks).toBe(homeworkMarks(ex.id));
      const parts = await ex.parts(HOMEWORK);
      expect(parts.map((p) => p.key)).toEqual(ex.inputs.map((i) => i.key));
      expect(parts.reduce((s, p) => s + p.marks, 0)).toBeCloseTo(ex.marks, 12);
    }
  });

  it('uses exactly the answer keys of homework.md', () => {
    expect(Q1_2.flatMap((e) => e.inputs.map((i) => i.key)).sort()).toEqual(keysWithPrefix('q1.2').sort());
  });
});

describe('Q1_2 homework variant', () => {
  it('q1.2b: 31 parameters for Dx = 3, Da = 4, K = 3', async () => {
    const p = await partOf(Q1_2, 'q1.2b');
    expect(p.kind === 'number' && p.answer).toBe(canonicalNumbers('q1.2b')[0]);
  });

  it('q1.2d: prompt numbers are the fixture point z = [1, 2, 3], target index 1', () => {
    const params = byId(Q1_2, 'q1.2d').params(HOMEWORK);
    expect(params.z).toBe(`[${jac.z.join(', ')}]`);
    expect(params.targetIndex).toBe(grad.target);
  });

  it('q1.2d.jacobian is the PyTorch Jacobian (float32 autodiff, abs 1e-6)', async () => {
    expect(maxAbsDiff((await arrayAnswer('q1.2d.jacobian')).answer as number[][], jac.jacobian_dyk_dzj)).toBeLessThanOrEqual(1e-6);
  });

  it("q1.2d.dz is the PyTorch ∂L/∂z and homework.md's rounded vector", async () => {
    const dz = (await arrayAnswer('q1.2d.dz')).answer as number[];
    expect(maxAbsDiff(dz, grad.dL_dz)).toBeLessThanOrEqual(1e-6);
    expect(maxAbsDiff(dz, canonicalNumbers('q1.2d.dz'))).toBeLessThanOrEqual(5e-5);
  });

  it('q1.2e.softmax is the PyTorch softmax of [1000, 1001, 999]', async () => {
    expect(byId(Q1_2, 'q1.2e').params(HOMEWORK).z).toBe(`[${huge.z.join(', ')}]`);
    const s = (await arrayAnswer('q1.2e.softmax')).answer as number[];
    expect(maxAbsDiff(s, huge.softmax)).toBeLessThanOrEqual(1e-12);
    expect(maxAbsDiff(s, canonicalNumbers('q1.2e.softmax'))).toBeLessThanOrEqual(5e-5);
  });
});

describe('Q1_2 grading of the canonical answers', () => {
  const f4 = (x: number) => x.toFixed(4);
  const canonical: [string, string | string[] | string[][]][] = [
    ['q1.2a.W2', shapes[0]],
    ['q1.2a.b2', shapes[1]],
    ['q1.2a.Z2', shapes[2]],
    ['q1.2a.W2', '(K, Da)'],
    ['q1.2a.b2', 'K x 1'],
    ['q1.2b', String(canonicalNumbers('q1.2b')[0])],
    ['q1.2b', `${canonicalNumbers('q1.2b')[0]} parameters`],
    ['q1.2c', canonicalCode('q1.2c')],
    ['q1.2c', 'y_j*(d - y_k)'],
    ['q1.2c', 'ŷ_k*δ_kj - ŷ_k*ŷ_j'],
    ['q1.2d.jacobian', jac.jacobian_dyk_dzj.map((r) => r.map(f4))],
    ['q1.2d.dz', canonicalNumbers('q1.2d.dz').map(String)],
    ['q1.2d.dW', 'outer'],
    ['q1.2e.problems', ['overflow', 'underflow']],
    ['q1.2e.softmax', canonicalNumbers('q1.2e.softmax').map(String)],
  ];
  it.each(canonical)('%s = %j grades correct', async (key, raw) => {
    const fb = await gradeKey(Q1_2, key, raw);
    expect(fb.status).toBe('correct');
    expect(fb.message.startsWith('Correct')).toBe(true);
  });

  const yhat = jac.softmax;
  const mistakes: [string, string | string[] | string[][], string][] = [
    ['q1.2a.W2', 'Da x K', 'transposed'],
    ['q1.2a.b2', 'K x m', 'per-sample'],
    ['q1.2a.b2', '(K,)', 'one-dim'],
    ['q1.2a.b2', 'K', 'one-dim'],
    ['q1.2a.Z2', 'm x K', 'transposed'],
    ['q1.2b', '24', 'no-bias'],
    ['q1.2c', '-y_k*y_j', 'missing-diagonal'],
    ['q1.2c', 'y_k*(y_j - d)', 'sign'],
    ['q1.2d.jacobian', yhat.map((a) => yhat.map((b) => f4(-a * b))), 'missing-diagonal'],
    ['q1.2d.jacobian', jac.jacobian_dyk_dzj.map((r) => r.map((v) => f4(-v))), 'sign'],
    ['q1.2d.dz', grad.dL_dz.map((v) => f4(-v)), 'sign'],
    ['q1.2d.dz', yhat.map(f4), 'no-label'],
    ['q1.2d.dW', 'outer-t', 'transposed'],
    ['q1.2e.problems', ['negative'], 'negative'],
    ['q1.2e.softmax', [...huge.softmax].sort((a, b) => a - b).map(f4), 'sorted'],
    ['q1.2e.softmax', [Math.exp(-1), 1, Math.exp(2)].map((e, _, all) => f4(e / all.reduce((a, b) => a + b, 0))), 'exp-sign'],
  ];
  it.each(mistakes)('%s = %j is wrong with the named mistake %s', async (key, raw, id) => {
    const fb = await gradeKey(Q1_2, key, raw);
    expect(fb.status).toBe('wrong');
    expect(fb.mistake).toBe(id);
  });

  it.each([
    ['q1.2a.W2', 'banana x Da'],
    ['q1.2d.dz', ['0.09', 'x', '0.66']],
    ['q1.2c', 'y_k*(d - '],
  ] as const)('%s = %j cannot be read', async (key, raw) => {
    const fb = await gradeKey(Q1_2, key, raw as string | string[]);
    expect(fb.status).toBe('unreadable');
    expect(fb.message.startsWith('Could not read')).toBe(true);
  });
});

describe('Q1_2 examples and messages', () => {
  const variants = [HOMEWORK, ...STUDENT_SEEDS.map(student)];

  it('shows examples the book reads, and none of them is a right answer of any variant', async () => {
    expect(await examplesThatAreAnswers(Q1_2, variants)).toEqual([]);
  });

  it('never states a number of the expected answer in a named mistake or a hint', async () => {
    expect(await messagesThatGiveAway(Q1_2, variants)).toEqual([]);
  });

  it("names no shape of the answer in a shape mistake's message", async () => {
    for (const part of await byId(Q1_2, 'q1.2a').parts(HOMEWORK)) {
      if (part.kind !== 'shape') throw new Error('q1.2a has shape parts');
      const spelled = [part.answer.join('×'), part.answer.join(' × '), part.answer.join(' x '), `(${part.answer.join(', ')})`];
      for (const m of part.mistakes ?? []) for (const s of spelled) expect(m.message, `${part.key} ${m.id}`).not.toContain(s);
    }
  });
});

describe('Q1_2 student variants', () => {
  it('are deterministic in the seed', async () => {
    for (const ex of Q1_2) {
      expect(ex.params(student(7))).toEqual(ex.params(student(7)));
      expect(await ex.parts(student(7))).toEqual(await ex.parts(student(7)));
    }
  });

  it('differ between seeds for every exercise with numbers', () => {
    for (const id of ['q1.2b', 'q1.2d', 'q1.2e']) {
      const ex = byId(Q1_2, id);
      expect(new Set([1, 2, 3, 4, 5].map((s) => JSON.stringify(ex.params(student(s))))).size).toBeGreaterThan(1);
    }
  });

  it('keep q1.2e logits huge (naive softmax overflows) and distinct', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const z = String(byId(Q1_2, 'q1.2e').params(student(seed)).z)
        .slice(1, -1)
        .split(', ')
        .map(Number);
      expect(new Set(z).size).toBe(3);
      expect(Math.min(...z)).toBeGreaterThan(700);
    }
  });

  it('accept their own answers typed to 4 decimals', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      for (const ex of Q1_2) {
        for (const part of await ex.parts(student(seed))) {
          expect((await gradeKey(Q1_2, part.key, typedAnswer(part), student(seed))).status).toBe('correct');
        }
      }
    }
  });
});
