import { describe, expect, it } from 'vitest';
import { checkDeltaFormula } from '../../../src/math/delta-formula-check';
import { FIX } from '../../helpers/math-fixtures';

describe('checkDeltaFormula', () => {
  const { softmax, jacobian_dyk_dzj } = FIX.softmax[2];

  it('accepts y_k(d − y_j) and its symmetric form y_j(d − y_k) at every (k, j)', () => {
    expect(checkDeltaFormula((yk, yj, d) => yk * (d - yj), softmax, jacobian_dyk_dzj).every((c) => c.ok)).toBe(true);
    expect(checkDeltaFormula((yk, yj, d) => yj * (d - yk), softmax, jacobian_dyk_dzj).every((c) => c.ok)).toBe(true);
  });

  it('fails −y_k y_j exactly on the diagonal', () => {
    const cells = checkDeltaFormula((yk, yj) => -yk * yj, softmax, jacobian_dyk_dzj);
    expect(cells).toHaveLength(16);
    expect(cells.filter((c) => !c.ok).every((c) => c.k === c.j)).toBe(true);
    expect(cells.filter((c) => !c.ok)).toHaveLength(4);
  });

  it('fails a formula that returns NaN', () => {
    expect(checkDeltaFormula(() => NaN, softmax, jacobian_dyk_dzj).some((c) => c.ok)).toBe(false);
  });
});
