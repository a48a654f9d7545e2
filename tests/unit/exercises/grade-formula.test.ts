import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/exercises/expr/evaluate';
import { formatNumber } from '../../../src/exercises/format-number';
import { gradeFormula } from '../../../src/exercises/grade-formula';
import { parseFormula } from '../../../src/exercises/parse-formula';
import type { PartSpec } from '../../../src/exercises/types';
import { FIX as math } from '../../helpers/math-fixtures';

type FormulaSpec = Extract<PartSpec, { kind: 'formula' }>;

const bceSpec: FormulaSpec = {
  kind: 'formula',
  key: 'q1.1b',
  marks: 1,
  answer: '-(y*log(p) + (1-y)*log(1-p))',
  variables: [
    { name: 'y', values: [0, 1] },
    { name: 'p', lo: 0.01, hi: 0.99 },
  ],
  aliases: { ŷ: 'p' },
  scaleInvariant: true,
  mistakes: [{ id: 'mse', expr: '(y - p)^2', message: 'That is the squared error, not the cross-entropy.' }],
};

const deltaSpec: FormulaSpec = {
  kind: 'formula',
  key: 'q1.2c',
  marks: 1,
  answer: 'y_k*(d - y_j)',
  variables: [
    { name: 'y_k', lo: 0.01, hi: 0.99 },
    { name: 'y_j', lo: 0.01, hi: 0.99, equals: { name: 'y_k', when: 'd', is: 1 } },
    { name: 'd', values: [0, 1] },
  ],
};

describe('gradeFormula', () => {
  it('uses a reference that reproduces the BCE fixtures in nats', () => {
    const ref = parseFormula(bceSpec.answer, { variables: ['y', 'p'] });
    if (!ref.ok) throw new Error(ref.error);
    for (const c of math.bce) {
      expect(
        Math.abs(
          evaluate(
            ref.value.expr,
            new Map([
              ['y', c.y],
              ['p', c.p],
            ]),
          ) - c.nats,
        ),
      ).toBeLessThan(1e-12);
    }
  });

  it('accepts equivalent forms and any log base used consistently', () => {
    for (const text of [
      '-y*log(p)-(1-y)*log(1-p)',
      '-(y*log(p)+(1-y)*log(1-p))',
      'L = −[y·ln(ŷ) + (1−y)·ln(1−ŷ)]',
      '-log(p^y * (1-p)^(1-y))',
    ]) {
      expect(gradeFormula(bceSpec, text)).toMatchObject({ status: 'correct', marks: 1, message: 'Correct.' });
    }
    const base2 = gradeFormula(bceSpec, '-(y*log2(p)+(1-y)*log2(1-p))');
    expect(base2.status).toBe('correct');
    expect(base2.message).toMatch(/^Correct \(it equals the expected formula times 1.4427/);
  });

  it('rejects mixed bases, wrong formulas and names mistakes', () => {
    expect(gradeFormula(bceSpec, '-(y*log2(p)+(1-y)*log(1-p))').status).toBe('wrong');
    expect(gradeFormula(bceSpec, 'y*log(p)')).toMatchObject({
      status: 'wrong',
      marks: 0,
      message: expect.stringMatching(/^Not right: it does not match/),
    });
    expect(gradeFormula(bceSpec, 'y*log(p)+(1-y)*log(1-p)')).toMatchObject({ status: 'wrong', mistake: 'sign' });
    expect(gradeFormula(bceSpec, '(p - y)^2')).toMatchObject({ status: 'wrong', mistake: 'mse', message: bceSpec.mistakes![0].message });
  });

  it("tells log from log2 when the spec is not scale-invariant, showing a point and the student's value only", () => {
    const strict = { ...bceSpec, scaleInvariant: false };
    const f = gradeFormula(strict, '-(y*log2(p)+(1-y)*log2(1-p))');
    expect(f.status).toBe('wrong');
    expect(f.message).toMatch(/^Not right: at y = \d, p = [\d.]+ your formula gives [\d.]+, which is not the expected value\.$/);
    const [, y, p] = /y = (\d), p = ([\d.]+)/.exec(f.message) ?? [];
    const expected = -(Number(y) * Math.log(Number(p)) + (1 - Number(y)) * Math.log(1 - Number(p)));
    expect(f.message).not.toContain(formatNumber(expected));
  });

  it('reads the aliases of how the book shows a variable (display)', () => {
    const shown: FormulaSpec = { ...deltaSpec, display: { y_k: '\\hat y_k', y_j: '\\hat y_j', d: '\\delta_{kj}' } };
    for (const text of ['ŷ_k(δ_kj − ŷ_j)', 'y_k(d_kj - y_j)', '\\hat{y}_k(\\delta_{kj} - \\hat{y}_j)', 'yhat_k*(delta_kj - yhat_j)']) {
      expect(gradeFormula(shown, text).status).toBe('correct');
    }
    expect(gradeFormula(deltaSpec, 'y_k(d_kj - y_j)').status).toBe('unreadable');
  });

  it('cannot read formulas undefined everywhere or with unknown variables', () => {
    for (const text of ['1/0', 'log(0)', '1/(y - y)', 'log(p - p)']) {
      expect(gradeFormula(bceSpec, text)).toMatchObject({
        status: 'unreadable',
        marks: 0,
        message: expect.stringMatching(/^Could not read .*undefined at every point/),
      });
    }
    expect(gradeFormula(bceSpec, 'x*log(p)')).toMatchObject({ status: 'unreadable', message: expect.stringMatching(/unknown symbol "x"/) });
  });

  it('grades the softmax derivative with the Kronecker delta', () => {
    for (const text of ['y_k*(d - y_j)', 'y_k*d - y_k*y_j', 'd*y_k - y_j*y_k', 'y_j*(d - y_k)']) {
      expect(gradeFormula(deltaSpec, text).status).toBe('correct');
    }
    expect(gradeFormula(deltaSpec, 'y_k*(1 - y_j)').status).toBe('wrong');
    expect(gradeFormula(deltaSpec, '-y_k*y_j').status).toBe('wrong');
  });

  it('needs the tie to accept y_j*(d - y_k)', () => {
    const untied: FormulaSpec = { ...deltaSpec, variables: deltaSpec.variables.map(({ equals: _, ...v }) => v) };
    expect(gradeFormula(untied, 'y_j*(d - y_k)').status).toBe('wrong');
  });

  it('reproduces the softmax Jacobian fixture from the reference', () => {
    const ref = parseFormula(deltaSpec.answer, { variables: ['y_k', 'y_j', 'd'] });
    if (!ref.ok) throw new Error(ref.error);
    const { softmax, jacobian_dyk_dzj: jac } = math.softmax[2];
    softmax.forEach((yk: number, k: number) =>
      softmax.forEach((yj: number, j: number) => {
        const v = evaluate(
          ref.value.expr,
          new Map([
            ['y_k', yk],
            ['y_j', yj],
            ['d', k === j ? 1 : 0],
          ]),
        );
        expect(Math.abs(v - jac[k][j])).toBeLessThan(1e-12);
      }),
    );
  });

  it('is deterministic for a given seed and reports a broken answer key without throwing', () => {
    expect(gradeFormula(bceSpec, 'y*log(p)', 7)).toEqual(gradeFormula(bceSpec, 'y*log(p)', 7));
    const broken = { ...bceSpec, answer: 'y*log(' };
    expect(gradeFormula(broken, 'y')).toMatchObject({
      status: 'unreadable',
      message: expect.stringMatching(/^Could not read the answer: the answer key of q1.1b is broken/),
    });
  });
});
