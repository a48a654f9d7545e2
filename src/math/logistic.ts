/** The sigmoid and the gradients of MSE and BCE with respect to the logit of a sigmoid output. */

/** σ(z) = 1 / (1 + e^−z), computed without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** dL/dz for L = ½(ŷ − y)² with ŷ = σ(z): (ŷ − y)·ŷ(1 − ŷ). */
export function mseGradLogit(y: number, z: number): number {
  const p = sigmoid(z);
  return (p - y) * p * (1 - p);
}

/** dL/dz for L = BCE in nats with ŷ = σ(z): ŷ − y. */
export function bceGradLogit(y: number, z: number): number {
  return sigmoid(z) - y;
}

/** −log σ(z) in nats, computed stably (softplus of −z). */
export function logSigmoidNeg(z: number): number {
  return Math.max(-z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}
