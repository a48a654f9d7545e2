/** Softmax, log-sum-exp, log-softmax, the softmax Jacobian and the cross-entropy gradient, in float64 closed form. */

/** log Σ exp(z_i), computed as m + log Σ exp(z_i − m) with m = max z so nothing overflows. */
export function logSumExp(z: readonly number[]): number {
  const m = Math.max(...z);
  if (!Number.isFinite(m)) return m;
  return m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0));
}

/** Softmax with the maximum subtracted first (shift-invariant, so the result is unchanged). */
export function softmax(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** log softmax(z)_i = z_i − logSumExp(z): finite even where softmax underflows to 0. */
export function logSoftmax(z: readonly number[]): number[] {
  const lse = logSumExp(z);
  return z.map((v) => v - lse);
}

/** The one-hot vector of length `k` with a 1 at `index`. */
export function oneHot(index: number, k: number): number[] {
  return Array.from({ length: k }, (_, i) => (i === index ? 1 : 0));
}

/** Closed-form Jacobian of softmax: J[k][j] = ŷ_k(δ_kj − ŷ_j), i.e. diag(ŷ) − ŷŷᵀ. */
export function softmaxJacobian(z: readonly number[]): number[][] {
  const y = softmax(z);
  return y.map((yk, k) => y.map((yj, j) => yk * ((k === j ? 1 : 0) - yj)));
}

/** Closed-form ∂L/∂z of cross-entropy through softmax for true class `target`: ŷ − y. */
export function ceGrad(z: readonly number[], target: number): number[] {
  const y = softmax(z);
  return y.map((v, i) => v - (i === target ? 1 : 0));
}

/** The outer product u vᵀ (rows follow u). */
export function outer(u: readonly number[], v: readonly number[]): number[][] {
  return u.map((a) => v.map((b) => a * b));
}

/** The transpose of a matrix given as rows. */
export function transpose(m: readonly (readonly number[])[]): number[][] {
  return m.length === 0 ? [] : m[0].map((_, j) => m.map((row) => row[j]));
}
