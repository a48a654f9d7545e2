/** Data for the chart of dL/dz over the logit z for sigmoid + MSE and for BCE. */
import { bceGradLogit, mseGradLogit } from '../math/logistic';

/** One point: the logit and the two gradients at it. */
export interface LogitGradientPoint {
  z: number;
  mse: number;
  bce: number;
}

/** `n` evenly spaced points on [zMin, zMax] of dL/dz for label y (½-MSE and BCE in nats). */
export function logitGradientSeries(y: 0 | 1, zMin = -8, zMax = 8, n = 161): LogitGradientPoint[] {
  return Array.from({ length: n }, (_, i) => {
    const z = zMin + ((zMax - zMin) * i) / (n - 1);
    return { z, mse: mseGradLogit(y, z), bce: bceGradLogit(y, z) };
  });
}
