/**
 * Stratified random split (70/10/20 by default), deterministic in the seed.
 *
 * Per class, the counts come from largest-remainder rounding of n·fraction, so each split's count
 * is within one image of the exact proportion. Ties in the remainders go to the split with the
 * larger fraction (train, then test, then val for 70/10/20). Consequences for tiny classes:
 * 1 image → 1/0/0, 2 → 2/0/0, 3 → 2/0/1, 4 → 3/0/1, 5 → 4/0/1, 6 → 4/1/1 (train/val/test).
 * So a class needs 6 images to appear in every split; `tinyClasses` lists those that do not.
 * Shuffling: one mulberry32 stream seeded with `seed`, classes shuffled in label order.
 */
import { mulberry32, shuffleInPlace } from './rng';

export interface SplitFractions {
  train: number;
  val: number;
  test: number;
}

export const HOMEWORK_FRACTIONS: SplitFractions = { train: 0.7, val: 0.1, test: 0.2 };

export interface ClassSplitCounts {
  total: number;
  train: number;
  val: number;
  test: number;
}

export interface SplitResult {
  /** Indices into the data set, ascending within each split. */
  train: number[];
  val: number[];
  test: number[];
  /** perClass[label] = counts of that class in each split. */
  perClass: ClassSplitCounts[];
  /** Labels of classes with images that are missing from at least one split (fewer than 6 images at 70/10/20). */
  tinyClasses: number[];
}

const KEYS = ['train', 'val', 'test'] as const;

/** Largest-remainder counts of n items for the given fractions (ties: larger fraction first, then train/val/test order). */
export function splitCounts(n: number, fractions: SplitFractions = HOMEWORK_FRACTIONS): ClassSplitCounts {
  checkFractions(fractions);
  if (!Number.isInteger(n) || n < 0) throw new Error(`splitCounts: n must be a non-negative integer, got ${n}`);
  const quotas = KEYS.map((k) => n * fractions[k]);
  const counts = quotas.map((q) => Math.floor(q + 1e-9));
  let left = n - counts.reduce((a, b) => a + b, 0);
  const order = [0, 1, 2].sort((a, b) => {
    const ra = quotas[a] - counts[a];
    const rb = quotas[b] - counts[b];
    if (Math.abs(ra - rb) > 1e-9) return rb - ra;
    if (fractions[KEYS[a]] !== fractions[KEYS[b]]) return fractions[KEYS[b]] - fractions[KEYS[a]];
    return a - b;
  });
  for (let i = 0; left > 0; i = (i + 1) % 3, left--) counts[order[i]]++;
  return { total: n, train: counts[0], val: counts[1], test: counts[2] };
}

/** Splits `labels` (one class index per image) per class into train/val/test index arrays. */
export function stratifiedSplit(
  labels: ArrayLike<number>,
  numClasses: number,
  seed: number,
  fractions: SplitFractions = HOMEWORK_FRACTIONS,
): SplitResult {
  checkFractions(fractions);
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new Error(`stratifiedSplit: numClasses must be a positive integer, got ${numClasses}`);
  }
  const byClass: number[][] = Array.from({ length: numClasses }, () => []);
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= numClasses) {
      throw new Error(`stratifiedSplit: label ${y} at index ${i} is not a class index in [0, ${numClasses})`);
    }
    byClass[y].push(i);
  }
  const rng = mulberry32(seed);
  const out: SplitResult = { train: [], val: [], test: [], perClass: [], tinyClasses: [] };
  byClass.forEach((indices, label) => {
    shuffleInPlace(indices, rng);
    const c = splitCounts(indices.length, fractions);
    out.train.push(...indices.slice(0, c.train));
    out.val.push(...indices.slice(c.train, c.train + c.val));
    out.test.push(...indices.slice(c.train + c.val));
    out.perClass.push(c);
    const missing = KEYS.some((k) => fractions[k] > 0 && c[k] === 0);
    if (c.total > 0 && missing) out.tinyClasses.push(label);
  });
  for (const k of KEYS) out[k].sort((a, b) => a - b);
  return out;
}

function checkFractions(f: SplitFractions): void {
  const vals = KEYS.map((k) => f[k]);
  if (vals.some((v) => !Number.isFinite(v) || v < 0)) {
    throw new Error(`split fractions must be non-negative numbers, got ${JSON.stringify(f)}`);
  }
  const sum = vals.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-6) throw new Error(`split fractions must sum to 1, got ${sum}`);
}
