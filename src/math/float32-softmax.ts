/** Softmax and log-softmax evaluated in float32, naively and stably, to show overflow and underflow. */

const f = Math.fround;

/** exp(z_i) / Σ exp(z_j) with every step rounded to float32: ∞/∞ = NaN once some z_i > 88.7. */
export function softmaxNaive32(z: readonly number[]): number[] {
  const e = z.map((v) => f(Math.exp(f(v))));
  const s = e.reduce((a, b) => f(a + b), 0);
  return e.map((v) => f(v / s));
}

/** Softmax in float32 after subtracting max(z): the largest term is exp(0) = 1, so nothing overflows. */
export function softmaxStable32(z: readonly number[]): number[] {
  const m = f(Math.max(...z.map(f)));
  return softmaxNaive32(z.map((v) => f(f(v) - m)));
}

/** log(softmax(z)) in float32 via the naive softmax: −∞ where a probability underflows to 0, NaN on overflow. */
export function logSoftmaxNaive32(z: readonly number[]): number[] {
  return softmaxNaive32(z).map((p) => f(Math.log(p)));
}

/** log-softmax in float32 by log-sum-exp: z_i − m − log Σ exp(z_j − m), finite for every finite z. */
export function logSoftmaxLse32(z: readonly number[]): number[] {
  const m = f(Math.max(...z.map(f)));
  const s = z.reduce((a, v) => f(a + f(Math.exp(f(f(v) - m)))), 0);
  const logS = f(Math.log(s));
  return z.map((v) => f(f(f(v) - m) - logS));
}
