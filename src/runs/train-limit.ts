/** A cap on the images of each split, for quick tests (`?train-limit=256`); never shown to students. */
import { type TrainSplit, trainSplit } from '../train/train-split';

/** The limit in a page's query string (`train-limit`, 8 to 100000), or null when absent or malformed. */
export function trainLimitFrom(search: string): number | null {
  const raw = new URLSearchParams(search).get('train-limit');
  if (raw === null) return null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 8 && n <= 100_000 ? n : null;
}

/** The trainer's three lists of a split, each cut to at most `limit` images (taken evenly spaced so that the classes stay mixed); no limit keeps them whole. */
export function limitSplit(split: { train: number[]; val: number[]; test: number[] }, limit: number | null): TrainSplit {
  const cut = (idx: number[]) =>
    limit === null || idx.length <= limit ? idx : Array.from({ length: limit }, (_, i) => idx[Math.floor((i * idx.length) / limit)]);
  return trainSplit({ train: cut(split.train), val: cut(split.val), test: cut(split.test) });
}
