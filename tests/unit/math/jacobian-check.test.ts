import { describe, expect, it } from 'vitest';
import { checkJacobian, compareCells, jacobianMistakes } from '../../../src/math/jacobian-check';
import { outer, transpose } from '../../../src/math/softmax';
import { FIX } from '../../helpers/math-fixtures';

describe('checkJacobian', () => {
  it.each(FIX.softmax)('accepts the PyTorch Jacobian at z=$z', ({ z, jacobian_dyk_dzj }) => {
    const v = checkJacobian(jacobian_dyk_dzj, jacobian_dyk_dzj, z);
    expect(v.correct).toBe(true);
    expect(v.mistake).toBeUndefined();
  });

  it.each(['missing-diagonal', 'sign', 'no-delta'])('names the mistake %s', (id) => {
    const { z, jacobian_dyk_dzj } = FIX.softmax[0];
    const wrong = jacobianMistakes(z).find((m) => m.id === id)!.value;
    const v = checkJacobian(wrong, jacobian_dyk_dzj, z);
    expect(v.correct).toBe(false);
    expect(v.mistake?.id).toBe(id);
  });

  it('names a transposed answer when the truth is not symmetric', () => {
    const { z } = FIX.softmax[0];
    const truth = outer(FIX.ce_grad[0].dL_dz, FIX.softmax[0].softmax);
    expect(checkJacobian(transpose(truth), truth, z).mistake?.id).toBe('transposed');
  });

  it('marks exactly the wrong cell', () => {
    const { z, jacobian_dyk_dzj } = FIX.softmax[0];
    const got = jacobian_dyk_dzj.map((r) => [...r]);
    got[1][2] += 0.01;
    const v = checkJacobian(got, jacobian_dyk_dzj, z);
    expect(v.correct).toBe(false);
    expect(v.cells.flat().filter((c) => !c)).toHaveLength(1);
    expect(v.cells[1][2]).toBe(false);
  });
});

describe('compareCells', () => {
  it('counts missing and non-finite cells as wrong', () => {
    expect(
      compareCells(
        [[NaN, 1]],
        [
          [0, 1],
          [2, 3],
        ],
        1e-3,
      ),
    ).toEqual([
      [false, true],
      [false, false],
    ]);
  });
});
