/** A run record for a run the engine could not finish (it threw): the curves so far, no test metrics. */
import { type EpochMetrics, type RunConfig, type RunRecord, RUN_FORMAT, RUN_VERSION } from '../train/run-record';

/** What the page collected from the engine's callbacks before it failed. */
export interface PartialRun {
  id: string;
  createdAt: string;
  config: RunConfig;
  backend: string;
  dataset: RunRecord['dataset'];
  epochs: readonly EpochMetrics[];
  steps: readonly { step: number; loss: number }[];
  totalSeconds: number;
  imagesPerSecond: number;
  stopped: string;
}

/** Keeps at most `max` step losses, evenly spaced (the record format bounds them). */
function thin(steps: readonly { step: number; loss: number }[], max: number) {
  const finite = steps.filter((s) => Number.isFinite(s.loss) && s.loss >= 0);
  if (finite.length <= max) return [...finite];
  return Array.from({ length: max }, (_, i) => finite[Math.floor((i * finite.length) / max)]);
}

/** The record of a run that ended with an error, keeping its epochs and step losses. */
export function partialRecord(p: PartialRun): RunRecord {
  return {
    format: RUN_FORMAT, version: RUN_VERSION, id: p.id, createdAt: p.createdAt, config: { ...p.config }, backend: p.backend,
    dataset: { ...p.dataset, classes: [...p.dataset.classes], counts: { ...p.dataset.counts } },
    epochs: p.epochs.map((e) => ({ ...e })), steps: thin(p.steps, 2000), test: null,
    timings: { totalSeconds: Math.max(0, p.totalSeconds), imagesPerSecond: Math.max(0, p.imagesPerSecond) }, stopped: p.stopped,
  };
}
