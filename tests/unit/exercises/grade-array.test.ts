import { describe, expect, it } from 'vitest';
import { gradeMatrix, gradeVector, transpose } from '../../../src/exercises/grade-array';
import type { PartSpec } from '../../../src/exercises/types';
import { FIX as math } from '../../helpers/math-fixtures';

const dz: number[] = math.ce_grad[0].dL_dz;
const softmax: number[] = math.softmax[0].softmax;
const jacobian: number[][] = math.softmax[0].jacobian_dyk_dzj;
const a1 = [0.5, 1, 2, 0.25];
const dW = dz.map((g) => a1.map((a) => g * a));

const dzSpec: Extract<PartSpec, { kind: 'vector' }> = {
  kind: 'vector',
  key: 'q1.2d.dz',
  marks: 1,
  answer: dz,
  mistakes: [{ id: 'softmax-only', value: softmax, message: 'That is ŷ: subtract the one-hot y.' }],
};
const s = (xs: number[]) => xs.map((x) => x.toFixed(4));

describe('gradeVector', () => {
  it('cannot read entries rounded so early that they could be a mistake, and names them (no attempt)', () => {
    const tol = { abs: 5e-4, rel: 0 };
    const losses: Extract<PartSpec, { kind: 'vector' }> = {
      kind: 'vector',
      key: 'q1.1d.losses',
      marks: 1,
      answer: [0.152, 1.737, 3.3219],
      tol,
      // biome-ignore lint/suspicious/noApproximativeNumericConstant: the losses in nats as a student would type them
      mistakes: [{ id: 'nats', value: [0.105, 1.204, 2.3026], message: 'These are in nats.' }],
    };
    const f = gradeVector(losses, ['0.15', '1.74', '3.3219']);
    expect(f).toMatchObject({ status: 'unreadable', marks: 0 });
    expect(f.message).toBe(
      'Could not read entries 1 and 2 precisely enough: give at least 3 decimals; with 2, the answer cannot be checked to the precision this question needs.',
    );
    expect(gradeVector(losses, ['0.152', '1.7', '3.3219']).message).toMatch(/^Could not read entry 2 precisely enough/);
    expect(gradeVector(losses, ['0.152', '1.737', '3.3219']).status).toBe('correct');
    expect(gradeVector(losses, ['0.16', '1.737', '3.3219'])).toMatchObject({ status: 'wrong', cells: [false, true, true] });
    const alike = { ...losses, mistakes: [{ id: 'truncated', value: [0.1504, 1.7404, 3.32], message: 'Round, do not cut.' }] };
    expect(gradeVector(alike, ['0.15', '1.74', '3.32'])).toMatchObject({
      status: 'unreadable',
      message: expect.stringMatching(/entries 1, 2 and 3 .*a right answer and a common mistake look the same/),
    });
  });

  it('reads LaTeX and Unicode in entries', () => {
    const spec: Extract<PartSpec, { kind: 'vector' }> = { kind: 'vector', key: 'v', marks: 1, answer: [0.5, Math.log2(10), -0.25] };
    expect(gradeVector(spec, ['\\frac{1}{2}', '\\log_2(10)', '−¼']).status).toBe('correct');
    expect(gradeVector(spec, '½, log₂(10), −0.25').status).toBe('correct');
  });

  it('accepts the gradient rounded to 4 decimals, as boxes or pasted', () => {
    expect(gradeVector(dzSpec, s(dz))).toMatchObject({ status: 'correct', marks: 1 });
    expect(gradeVector(dzSpec, s(dz).join(', ')).status).toBe('correct');
  });

  it('marks each entry and gives no partial marks', () => {
    const typed = s(dz);
    typed[1] = '0.7553';
    const f = gradeVector(dzSpec, typed);
    expect(f).toMatchObject({ status: 'wrong', marks: 0, cells: [true, false, true] });
    expect(f.message).toBe('Not right: 2 of 3 entries are right; the wrong ones are marked.');
  });

  it('names the softmax-only mistake and the flipped sign', () => {
    expect(gradeVector(dzSpec, s(softmax))).toMatchObject({ status: 'wrong', mistake: 'softmax-only', cells: [true, false, true] });
    expect(gradeVector(dzSpec, s(dz.map((x) => -x)))).toMatchObject({ mistake: 'sign', cells: [false, false, false] });
  });

  it('says the expected length when it differs', () => {
    expect(gradeVector(dzSpec, ['1', '2'])).toMatchObject({ status: 'wrong', message: 'Not right: expected 3 numbers, got 2.' });
  });

  it('cannot read a bad entry', () => {
    expect(gradeVector(dzSpec, ['1', 'x', '2'])).toMatchObject({
      status: 'unreadable',
      message: expect.stringMatching(/^Could not read entry 2/),
    });
  });
});

describe('gradeMatrix', () => {
  it('names the cells rounded too early by row and column', () => {
    const spec: Extract<PartSpec, { kind: 'matrix' }> = {
      kind: 'matrix',
      key: 'm',
      marks: 1,
      answer: [
        [0.2461, 0.5],
        [0.5, 0.25],
      ],
      tol: { abs: 5e-4, rel: 0 },
    };
    expect(
      gradeMatrix(spec, [
        ['0.25', '0.5'],
        ['0.5', '0.25'],
      ]).message,
    ).toBe(
      'Could not read row 1, column 1 precisely enough: give at least 3 decimals; with 2, the answer cannot be checked to the precision this question needs.',
    );
  });

  const jacSpec: Extract<PartSpec, { kind: 'matrix' }> = { kind: 'matrix', key: 'q1.2d.jacobian', marks: 1, answer: jacobian };
  const dWSpec: Extract<PartSpec, { kind: 'matrix' }> = { kind: 'matrix', key: 'q1.2d.dW', marks: 1, answer: dW };

  it('accepts the Jacobian fixture rounded to 4 decimals', () => {
    expect(gradeMatrix(jacSpec, jacobian.map(s))).toMatchObject({ status: 'correct', marks: 1, message: 'Correct.' });
  });

  it('gives per-cell feedback', () => {
    const typed = jacobian.map(s);
    typed[2][0] = '0.5';
    const f = gradeMatrix(jacSpec, typed);
    expect(f.status).toBe('wrong');
    expect(f.cells).toEqual([
      [true, true, true],
      [true, true, true],
      [false, true, true],
    ]);
  });

  it('detects a transposed matrix of the other shape and of the same shape', () => {
    expect(gradeMatrix(dWSpec, transpose(dW).map(s))).toMatchObject({
      status: 'wrong',
      mistake: 'transposed',
      message: expect.stringMatching(/looks transposed/),
    });
    const square = [dz.slice(0, 2), softmax.slice(0, 2)];
    const squareSpec: Extract<PartSpec, { kind: 'matrix' }> = { kind: 'matrix', key: 'sq', marks: 1, answer: square };
    expect(gradeMatrix(squareSpec, transpose(square).map(s))).toMatchObject({
      mistake: 'transposed',
      cells: [
        [true, false],
        [false, true],
      ],
    });
  });

  it('says the expected dimensions for another shape', () => {
    expect(
      gradeMatrix(dWSpec, [
        ['1', '2'],
        ['3', '4'],
      ]),
    ).toMatchObject({
      status: 'wrong',
      message: 'Not right: expected a 3×4 matrix (3 rows, 4 columns), got 2×2.',
    });
  });

  it('matches a named mistake given as a matrix', () => {
    const spec = { ...dWSpec, mistakes: [{ id: 'outer-order', value: transpose(dW), message: 'Order of the outer product.' }] };
    expect(gradeMatrix(spec, transpose(dW).map(s))).toMatchObject({ mistake: 'outer-order' });
  });
});

describe('transpose', () => {
  it('swaps rows and columns', () => {
    expect(
      transpose([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(transpose([])).toEqual([]);
  });
});

describe('gradeVector with a named mistake in some cells', () => {
  it('names the mistake when it explains every wrong entry', () => {
    const bits = [Math.log2(10), -Math.log2(0.8), -Math.log2(0.3)];
    const nats = bits.map((b) => b * Math.LN2);
    const spec = {
      kind: 'vector' as const,
      key: 'v',
      marks: 1,
      answer: bits,
      tol: { abs: 5e-4, rel: 0 },
      mistakes: [{ id: 'nats', value: nats, message: 'These are nats: use log base 2.' }],
    };
    const fb = gradeVector(spec, [nats[0].toFixed(4), bits[1].toFixed(4), bits[2].toFixed(4)]);
    expect(fb.status).toBe('wrong');
    expect(fb.mistake).toBe('nats');
    expect(fb.message).toContain('2 of 3 entries are right');
    expect(fb.message).toContain('use log base 2');
    const other = gradeVector(spec, [nats[0].toFixed(4), '7', bits[2].toFixed(4)]);
    expect(other.mistake).toBeUndefined();
  });
});
