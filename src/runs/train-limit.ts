/** A cap on the images of each split, for quick tests (`?train-limit=256`); never shown to students. */
import type { TrainSplit } from '../train/trainer';

/** The limit in a page's query string (`train-limit`, 8 to 100000), or null when absent or malformed. */
export function trainLimitFrom(search: string): number | null {
  const raw = new URLSearchParams(search).get('train-limit');
  if (raw === null) return null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 8 && n <= 100_000 ? n : null;
}

/** Every split cut to at most `limit` images, taken evenly spaced so that the classes stay mixed. */
export function limitSplit(split: TrainSplit, limit: number | null): TrainSplit {
  if (limit === null) return split;
  const cut = (idx: number[]) => (idx.length <= limit ? idx : Array.from({ length: limit }, (_, i) => idx[Math.floor((i * idx.length) / limit)]));
  return { train: cut(split.train), val: cut(split.val), test: cut(split.test) };
}
