/** Data for the BCE explorer: the loss as a function of ŷ for a fixed label. */
import { bce, type LogUnit } from '../math/bce';

/** One point of the curve. */
export interface BcePoint {
  p: number;
  loss: number;
}

/** The loss of label y at `n` values of ŷ in [0.001, 0.999], in `unit`. */
export function bceCurve(y: 0 | 1, unit: LogUnit, n = 200): BcePoint[] {
  return Array.from({ length: n }, (_, i) => {
    const p = 0.001 + (0.998 * i) / (n - 1);
    return { p, loss: bce(y, p, unit) };
  });
}
