/** Binary cross-entropy of a Bernoulli label, in bits (log base 2) or nats (natural log). */

/** The unit of a loss: `bits` uses log base 2, `nats` the natural logarithm. */
export type LogUnit = 'bits' | 'nats';

/** −[y log ŷ + (1−y) log(1−ŷ)] in `unit`, with 0·log 0 = 0; Infinity when a certain prediction is wrong. */
export function bce(y: number, p: number, unit: LogUnit = 'bits'): number {
  const pos = y === 0 ? 0 : y * Math.log(p);
  const neg = y === 1 ? 0 : (1 - y) * Math.log1p(-p);
  const nats = -(pos + neg) + 0;
  return unit === 'bits' ? nats / Math.LN2 : nats;
}

/** The losses of several (y, ŷ) examples in `unit`. */
export function bceLosses(examples: readonly (readonly [number, number])[], unit: LogUnit = 'bits'): number[] {
  return examples.map(([y, p]) => bce(y, p, unit));
}

/** The mean loss of several (y, ŷ) examples in `unit` (NaN for no examples). */
export function bceMean(examples: readonly (readonly [number, number])[], unit: LogUnit = 'bits'): number {
  const losses = bceLosses(examples, unit);
  return losses.reduce((s, l) => s + l, 0) / losses.length;
}
