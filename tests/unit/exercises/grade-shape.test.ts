import { describe, expect, it } from 'vitest';
import { formatShape, gradeShape } from '../../../src/exercises/grade-shape';
import type { PartSpec } from '../../../src/exercises/types';

type ShapeSpec = Extract<PartSpec, { kind: 'shape' }>;
const w2: ShapeSpec = { kind: 'shape', key: 'q1.2a.W2', marks: 1, answer: ['K', 'Da'], symbols: ['K', 'Da', 'Dx', 'm'] };
const b2: ShapeSpec = {
  kind: 'shape',
  key: 'q1.2a.b2',
  marks: 1,
  answer: ['K', '1'],
  mistakes: [{ id: 'per-sample', value: ['K', 'm'], message: 'The bias is shared by all m samples: it has one column.' }],
};

describe('gradeShape', () => {
  it('accepts the shape in any spelling', () => {
    for (const text of [
      'K x Da',
      '(K, Da)',
      'K×Da',
      'k by da',
      'K \\times D_a',
      'K × Dₐ',
      'R^(K x Da)',
      '\\mathbb{R}^{K \\times D_a}',
      'K by D_a',
    ]) {
      expect(gradeShape(w2, text)).toMatchObject({ status: 'correct', marks: 1, message: 'Correct: K×Da.' });
    }
    expect(gradeShape(b2, 'K x 1').status).toBe('correct');
  });

  it('names the transposed shape and spec mistakes', () => {
    expect(gradeShape(w2, 'Da x K')).toMatchObject({ status: 'wrong', mistake: 'transposed' });
    expect(gradeShape(b2, '(K, m)')).toMatchObject({ status: 'wrong', mistake: 'per-sample' });
  });

  it("explains numpy's 1-D shape where the homework writes a column (built-in mistake one-dim)", () => {
    for (const text of ['(K,)', 'K', 'ℝ^K', '\\mathbb{R}^{K}']) {
      expect(gradeShape(b2, text)).toMatchObject({
        status: 'wrong',
        mistake: 'one-dim',
        message: expect.stringMatching(/1-D \(numpy\) shape.*column/),
      });
    }
    for (const text of ['K x 1', '(K, 1)', 'K×1', 'K \\times 1']) expect(gradeShape(b2, text).status).toBe('correct');
  });

  it('says how many dimensions are expected', () => {
    expect(gradeShape(b2, 'K x 1 x 1')).toMatchObject({ status: 'wrong', message: 'Not right: expected 2 dimensions, got 3.' });
    expect(gradeShape(w2, 'K x Dx')).toMatchObject({ status: 'wrong', message: 'Not right: K×Dx is not the expected shape.' });
  });

  it('is strict about symbols only when the spec lists them', () => {
    expect(gradeShape(w2, 'K x Q').status).toBe('unreadable');
    expect(gradeShape(b2, 'K x Q')).toMatchObject({ status: 'wrong', message: 'Not right: K×Q is not the expected shape.' });
  });
});

describe('formatShape', () => {
  it('joins with ×', () => {
    expect(formatShape(['K', 'Da'])).toBe('K×Da');
  });
});
