import { describe, expect, it } from 'vitest';
import { formatNumber, formatVector } from '../../../src/exercises/format-number';
import { FIX as math } from '../../helpers/math-fixtures';

describe('formatNumber', () => {
  it('prints the homework values to 4 decimals', () => {
    expect(formatNumber(math.bce[0].bits)).toBe('3.3219');
    expect(formatNumber(math.bce_average_homework.bits)).toBe('1.7936');
    expect(formatNumber(math.l2_step[0].w_next_cost_L_plus_lambda_w2)).toBe('1.946');
    expect(formatNumber(31)).toBe('31');
    expect(formatNumber(math.ce_grad[0].dL_dz[1])).toBe('-0.7553');
  });

  it('keeps 4 significant digits below 1 and uses e-notation for tiny or huge values', () => {
    expect(formatNumber(math.softmax[0].softmax[0])).toBe('0.09003');
    expect(formatNumber(math.bce[6].nats)).toBe('1e-7');
    expect(formatNumber(1.2345e8)).toBe('1.235e8');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-1e-20 * 0)).toBe('0');
  });

  it('names non-finite values', () => {
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('-∞');
    expect(formatNumber(NaN)).toBe('NaN');
  });
});

describe('formatVector', () => {
  it('brackets a list', () => {
    expect(formatVector(math.ce_grad[0].dL_dz)).toBe('[0.09003, -0.7553, 0.6652]');
  });
});
