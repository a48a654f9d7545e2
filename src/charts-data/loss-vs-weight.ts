/** Data for the chart of the MSE and BCE costs of logistic regression as functions of one weight. */
import { logSigmoidNeg, sigmoid } from '../math/logistic';

/** A tiny one-feature data set (x, y) used for the plot. */
export const SINGLE_WEIGHT_DATA: readonly (readonly [number, 0 | 1])[] = [
  [1, 1],
  [2, 1],
  [-1, 0],
  [0.5, 0],
];

/** One point: the weight and the mean ½-MSE and mean BCE (nats) of σ(w·x) at it. */
export interface LossPoint {
  w: number;
  mse: number;
  bce: number;
}

/** Mean ½(σ(wx) − y)² and mean BCE of σ(wx) on `data`, at `n` evenly spaced w in [wMin, wMax]. */
export function lossVsWeight(data = SINGLE_WEIGHT_DATA, wMin = -10, wMax = 10, n = 201): LossPoint[] {
  return Array.from({ length: n }, (_, i) => {
    const w = wMin + ((wMax - wMin) * i) / (n - 1);
    let mse = 0;
    let bce = 0;
    for (const [x, y] of data) {
      const p = sigmoid(w * x);
      mse += 0.5 * (p - y) ** 2;
      bce += y === 1 ? logSigmoidNeg(w * x) : logSigmoidNeg(-w * x);
    }
    return { w, mse: mse / data.length, bce: bce / data.length };
  });
}
