/** The PyTorch reference values of ../shared/fixtures/math.json, typed. */
import { readFileSync } from 'node:fs';

export interface MathFixtures {
  bce: { y: number; p: number; nats: number; bits: number }[];
  bce_average_homework: { examples: [number, number][]; nats: number; bits: number };
  softmax: { z: number[]; softmax: number[]; jacobian_dyk_dzj: number[][] }[];
  ce_grad: { z: number[]; target: number; dL_dz: number[] }[];
  l2_step: {
    w: number;
    dL_dw: number;
    lr: number;
    lambda: number;
    w_next_cost_L_plus_lambda_w2: number;
    w_next_pytorch_weight_decay: number;
  }[];
}

/** The fixtures, read once. */
export const FIX: MathFixtures = JSON.parse(readFileSync('../shared/fixtures/math.json', 'utf8'));

/** Asserts |a_i − b_i| ≤ tol for every entry of two equally long flat or nested arrays. */
export function maxAbsDiff(a: readonly (number | readonly number[])[], b: readonly (number | readonly number[])[]): number {
  const fa = a.flat() as number[];
  const fb = b.flat() as number[];
  if (fa.length !== fb.length) return Infinity;
  return fa.reduce((m, x, i) => Math.max(m, Math.abs(x - fb[i])), 0);
}
