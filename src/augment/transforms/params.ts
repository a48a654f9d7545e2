/** Readers of the constructor parameters that several transforms share; each throws a ParamError naming the field. */
import { type Obj, fail, fillValue, int, num, oneOf, range } from '../check';
import type { Interpolation } from '../grid-sample';
import type { Range } from './transform';

const MAX_SIDE = 4096;
const INTERP = ['nearest', 'bilinear'] as const;

/** An output size: an integer (square) or [height, width]. */
export function size(x: unknown, name: string): [number, number] {
  if (typeof x === 'number') {
    const s = int(x, name, 1, MAX_SIDE);
    return [s, s];
  }
  if (Array.isArray(x) && (x.length === 1 || x.length === 2)) {
    const s = x.map((v, i) => int(v, `${name}[${i}]`, 1, MAX_SIDE));
    return [s[0], s[s.length - 1]];
  }
  return fail(name, 'an integer or [height, width]', x, 'a whole number, or height, width');
}

/** ColorJitter's `_check_input`: a number v ≥ 0 means [max(0, centre − v), centre + v]. */
export function jitter(x: unknown, name: string, centre: number, lo: number, hi: number): Range {
  if (x === undefined) return [centre, centre];
  if (typeof x === 'number') {
    const v = num(x, name, 0, centre === 0 ? 0.5 : Infinity);
    return [Math.max(lo, centre - v), centre + v];
  }
  return range(x, name, lo, hi);
}

/** A kernel size whose sides are odd. */
export function oddSize(x: unknown, name: string): [number, number] {
  const s = size(x, name);
  s.forEach((k, i) => {
    if (k % 2 === 0)
      fail(
        `${name}${typeof x === 'number' ? '' : `[${i}]`}`,
        'odd (a Gaussian kernel has a centre tap)',
        k,
        'an odd number, as a Gaussian kernel has a centre tap',
      );
  });
  return s;
}

/** A [min, max] range with 0 < min, or `d` when absent. */
export function positiveRange(x: unknown, name: string, d: Range, hi = Infinity): Range {
  if (x === undefined) return d;
  const r = range(x, name, 0, hi);
  if (r[0] <= 0) fail(name, '[min, max] with 0 < min ≤ max', x, 'two numbers above 0, the smaller first');
  return r;
}

/** The probability p (default `d`). */
export const prob = (p: Obj, field: (k: string) => string, d: number): number => (p.p === undefined ? d : num(p.p, field('p'), 0, 1));

/** The interpolation (default `d`). */
export const interpolation = (p: Obj, field: (k: string) => string, d: Interpolation): Interpolation =>
  p.interpolation === undefined ? d : oneOf(p.interpolation, field('interpolation'), INTERP);

/** A warp's fill: a number or one per channel (default [0]). */
export function fill(p: Obj, field: (k: string) => string): number[] {
  if (p.fill === undefined) return [0];
  return fillValue(p.fill, field('fill'), false) ?? [0];
}
