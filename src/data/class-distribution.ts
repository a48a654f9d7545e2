/**
 * Chart data for the class distribution of a split: per class, the count in train/val/test and
 * its share of each split; plus what a label-blind random split (torch's random_split) would give,
 * to show why the homework asks for a stratified one.
 */
import { mulberry32, shuffleInPlace } from './rng';
import { HOMEWORK_FRACTIONS, type ClassSplitCounts, type SplitFractions } from './split';

export type SplitName = 'train' | 'val' | 'test';
export const SPLIT_NAMES: readonly SplitName[] = ['train', 'val', 'test'];

/** One class: counts per split and the fraction of each split that is this class. */
export interface DistributionRow {
  label: number;
  name: string;
  total: number;
  counts: Record<SplitName, number>;
  shares: Record<SplitName, number>;
}

export interface Distribution {
  rows: DistributionRow[];
  totals: Record<SplitName, number> & { all: number };
}

/** Rows of the class-distribution chart and table from per-class split counts (label order). */
export function classDistribution(perClass: readonly ClassSplitCounts[], classes: readonly string[]): Distribution {
  if (perClass.length !== classes.length) throw new Error(`classDistribution: ${perClass.length} count rows for ${classes.length} classes`);
  const totals = { train: 0, val: 0, test: 0, all: 0 };
  for (const c of perClass) {
    totals.train += c.train;
    totals.val += c.val;
    totals.test += c.test;
    totals.all += c.total;
  }
  const share = (n: number, of: number) => (of > 0 ? n / of : 0);
  const rows = perClass.map((c, label) => ({
    label,
    name: classes[label],
    total: c.total,
    counts: { train: c.train, val: c.val, test: c.test },
    shares: { train: share(c.train, totals.train), val: share(c.val, totals.val), test: share(c.test, totals.test) },
  }));
  return { rows, totals };
}

/** Split sizes of torch.utils.data.random_split with fractions: floors, then the remainder one by one from the first split. */
export function randomSplitLengths(n: number, fractions: SplitFractions = HOMEWORK_FRACTIONS): Record<SplitName, number> {
  if (!Number.isInteger(n) || n < 0) throw new Error(`randomSplitLengths: n must be a non-negative integer, got ${n}`);
  const lengths = SPLIT_NAMES.map((k) => Math.floor(n * fractions[k] + 1e-9));
  let left = n - lengths.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % 3, left--) lengths[i]++;
  return { train: lengths[0], val: lengths[1], test: lengths[2] };
}

/** Per-class counts of a label-blind random split (shuffle everything, cut by global lengths), seeded. */
export function randomSplitPerClass(
  labels: ArrayLike<number>,
  numClasses: number,
  seed: number,
  fractions: SplitFractions = HOMEWORK_FRACTIONS,
): ClassSplitCounts[] {
  const order = shuffleInPlace(
    Array.from({ length: labels.length }, (_, i) => i),
    mulberry32(seed),
  );
  const len = randomSplitLengths(labels.length, fractions);
  const out: ClassSplitCounts[] = Array.from({ length: numClasses }, () => ({ total: 0, train: 0, val: 0, test: 0 }));
  order.forEach((idx, pos) => {
    const y = labels[idx];
    if (!Number.isInteger(y) || y < 0 || y >= numClasses)
      throw new Error(`randomSplitPerClass: label ${y} at index ${idx} is not a class index`);
    const split: SplitName = pos < len.train ? 'train' : pos < len.train + len.val ? 'val' : 'test';
    out[y][split]++;
    out[y].total++;
  });
  return out;
}

/** Smallest and largest fraction of `split` that a class takes of its own images (e.g. val: 0.1 everywhere when stratified). */
export function classFractionRange(perClass: readonly ClassSplitCounts[], split: SplitName): { min: number; max: number } {
  const fr = perClass.filter((c) => c.total > 0).map((c) => c[split] / c.total);
  if (fr.length === 0) return { min: 0, max: 0 };
  return { min: Math.min(...fr), max: Math.max(...fr) };
}
