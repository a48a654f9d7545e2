import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { l2StepAutodiff, plainStep, weightDecayStep } from '../../../src/math/l2-step';
import { FIX } from '../../helpers/math-fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const input = (s: (typeof FIX.l2_step)[number]) => ({ w: s.w, dLdw: s.dL_dw, lr: s.lr, lambda: s.lambda });

describe('l2StepAutodiff', () => {
  it.each(FIX.l2_step)('matches PyTorch for cost L + λw² at w=$w (float32, abs 1e-6)', (s) => {
    expect(Math.abs(l2StepAutodiff(input(s)) - s.w_next_cost_L_plus_lambda_w2)).toBeLessThanOrEqual(1e-6);
  });
});

describe('weightDecayStep', () => {
  it.each(FIX.l2_step)('matches PyTorch weight_decay at w=$w (abs 1e-12)', (s) => {
    expect(Math.abs(weightDecayStep(input(s)) - s.w_next_pytorch_weight_decay)).toBeLessThanOrEqual(1e-12);
  });
});

describe('plainStep', () => {
  it('ignores λ', () => {
    const s = input(FIX.l2_step[0]);
    expect(plainStep(s)).toBe(plainStep({ ...s, lambda: 0 }));
    expect(plainStep({ ...s, lambda: 0 })).toBeCloseTo(weightDecayStep({ ...s, lambda: 0 }), 12);
  });
});
