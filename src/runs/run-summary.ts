/** The key numbers of a run for the runs list, and the file names it is saved under. */
import { describeAugmentations } from '../comparison/augmentation-text';
import type { RunRecord } from '../record/run-record';

/** One row of the runs list. */
export interface RunSummary {
  id: string;
  /** Short label for legends: "64px · 10 ep · seed 42 · webgpu". */
  label: string;
  createdAt: string;
  backend: string;
  imageSize: number;
  epochsDone: number;
  epochsPlanned: number;
  finalTrainAccuracy: number | null;
  finalValAccuracy: number | null;
  testAccuracy: number | null;
  macroF1: number | null;
  stopped: string | null;
  minutes: number;
  /** The augmentations with their parameters ("none" without), from either record version. */
  augmentations: string;
}

/** Summarises a run record. */
export function summariseRun(r: RunRecord): RunSummary {
  const last = r.epochs.at(-1);
  const aug = describeAugmentations(r.config.augmentations);
  return {
    id: r.id,
    label: `${r.config.imageSize}px · ${r.epochs.length}/${r.config.epochs} ep · bs ${r.config.batchSize} · lr ${r.config.learningRate} · seed ${r.config.seed} · ${r.backend}${aug.count ? ` · aug: ${aug.names}` : ''}`,
    createdAt: r.createdAt,
    backend: r.backend,
    imageSize: r.config.imageSize,
    epochsDone: r.epochs.length,
    epochsPlanned: r.config.epochs,
    finalTrainAccuracy: last?.trainAccuracy ?? null,
    finalValAccuracy: last?.valAccuracy ?? null,
    testAccuracy: r.test?.accuracy ?? null,
    macroF1: r.test?.macroF1 ?? null,
    stopped: r.stopped,
    minutes: r.timings.totalSeconds / 60,
    augmentations: aug.full,
  };
}

/** Words for a stop reason. */
export function stopReasonText(stopped: string | null): string {
  if (stopped === null) return 'completed';
  if (stopped === 'stopped') return 'stopped early';
  if (stopped === 'nan-loss') return 'stopped: the loss became NaN';
  if (stopped === 'diverged') return 'stopped: the loss diverged';
  if (stopped === 'device-lost') return 'stopped: the GPU was lost';
  if (stopped === 'out-of-memory') return 'stopped: out of memory';
  return `stopped: ${stopped}`;
}

const safe = (s: string) =>
  s
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'run';

/** File name of a run's JSON export. */
export function runFileName(r: RunRecord): string {
  return `${safe(r.id)}.run.json`;
}

/** File name of a run's weights. */
export function weightsFileName(r: RunRecord): string {
  return `${safe(r.id)}.safetensors`;
}

/** Newest first. */
export function sortRuns(runs: readonly RunRecord[]): RunRecord[] {
  return [...runs].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}
