/** Seeded pseudo-random numbers (mulberry32) and a Fisher–Yates shuffle: same seed, same order, everywhere. */

/** A function returning uniform floats in [0, 1). */
export type Rng = () => number;

/** mulberry32: a small 32-bit generator; good enough for shuffles and sampling, not for cryptography. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for stream `salt` derived from `seed` (golden-ratio mixing), so streams of one seed do not overlap. */
export function mixSeed(seed: number, salt: number): number {
  return (seed ^ Math.imul(salt, 0x9e3779b1)) >>> 0;
}

/** Shuffles `items` in place with Fisher–Yates driven by `rng`, and returns it. */
export function shuffleInPlace<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}
