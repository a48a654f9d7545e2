/** Seeded sample points for comparing formulas: each variable drawn from its domain, list values covered in turn. */
import type { FormulaVariable } from './types';
import { mulberry32 } from './variant';

const DEFAULT_LO = 0.1;
const DEFAULT_HI = 0.9;

/**
 * `count` points as name → value maps. A variable with `values` cycles through them (mixed radix across such
 * variables, so every combination appears when `count` allows); otherwise it is uniform in [lo, hi]
 * (default [0.1, 0.9], safe for probabilities), integer when asked. Ties (`equals`) are applied last.
 */
export function samplePoints(variables: readonly FormulaVariable[], count: number, seed: number): Map<string, number>[] {
  const rng = mulberry32(seed);
  const points: Map<string, number>[] = [];
  for (let i = 0; i < count; i++) {
    const point = new Map<string, number>();
    let radix = 1;
    for (const v of variables) {
      if (v.values && v.values.length > 0) {
        point.set(v.name, v.values[Math.floor(i / radix) % v.values.length]);
        radix *= v.values.length;
        continue;
      }
      const lo = v.lo ?? (v.hi !== undefined ? v.hi - 1 : DEFAULT_LO);
      const hi = v.hi ?? (v.lo !== undefined ? v.lo + 1 : DEFAULT_HI);
      if (v.integer) {
        const a = Math.ceil(Math.min(lo, hi));
        const b = Math.floor(Math.max(lo, hi));
        point.set(v.name, b < a ? a : a + Math.floor(rng() * (b - a + 1)));
      } else {
        point.set(v.name, lo + rng() * (hi - lo));
      }
    }
    for (const v of variables) {
      if (v.equals && point.get(v.equals.when) === v.equals.is && point.has(v.equals.name)) {
        point.set(v.name, point.get(v.equals.name) as number);
      }
    }
    points.push(point);
  }
  return points;
}
