/** Which images of a data set a run's test split held: what the student detail needs to draw the run's misclassified images. */
import { stratifiedSplit } from '../data/split';
import { limitSplit } from '../runs/train-limit';
import type { RunRecord } from '../record/run-record';

/** The data set at hand: its hash and one label per image. */
export interface DatasetAtHand {
  hash: string;
  labels: ArrayLike<number>;
}

/** The data-set index of each test image of `run` (as the book split it: stratified 70/10/20 with the run's seed), or why they cannot be known from `data`. */
export function runTestIndices(
  run: RunRecord,
  data: DatasetAtHand | null,
): { ok: true; indices: number[] } | { ok: false; reason: string } {
  const want = `${run.dataset.name} (hash ${run.dataset.hash.slice(0, 12)}…)`;
  if (!data) return { ok: false, reason: `no data set is loaded in this browser; load ${want} in the book to see them` };
  if (data.hash !== run.dataset.hash)
    return { ok: false, reason: `this browser's data set is not the one the run used; load ${want} in the book to see them` };
  const test = stratifiedSplit(data.labels, run.dataset.classes.length, run.config.seed).test;
  const count = run.dataset.counts.test;
  const indices = count < test.length ? limitSplit({ train: [], val: [], test }, count).test : test;
  if (indices.length !== count)
    return { ok: false, reason: `the run's test split (${count} images) is not the book's split of this data set (${test.length})` };
  return { ok: true, indices };
}
