/** The progress line of the training widget: epoch, step, speed and time left. */

/** "45 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** Where training stands after a step. */
export interface ProgressState {
  epoch: number;
  epochs: number;
  step: number;
  stepsPerEpoch: number;
  imagesPerSecond: number;
  batchSize: number;
}

/** Fraction done (0..1) by steps. */
export function progressFraction(p: ProgressState): number {
  const total = p.stepsPerEpoch * p.epochs;
  return total > 0 ? Math.min(1, p.step / total) : 0;
}

/** "Epoch 2 of 10 · step 130 of 1,090 · 412 images/s · about 2 min 20 s left" (validation passes not counted). */
export function progressText(p: ProgressState): string {
  const total = p.stepsPerEpoch * p.epochs;
  const left = p.imagesPerSecond > 0 ? ((total - p.step) * p.batchSize) / p.imagesPerSecond : NaN;
  return `Epoch ${p.epoch} of ${p.epochs} · step ${p.step.toLocaleString('en')} of ${total.toLocaleString('en')} · ${Math.round(p.imagesPerSecond).toLocaleString('en')} images/s · about ${formatDuration(left)} left`;
}

/** "1 of 1 epoch", "2 of 10 epochs": the count of epochs run of those planned, the noun agreeing with the planned number. */
export function epochsOfText(done: number, planned: number): string {
  return `${done} of ${planned} ${planned === 1 ? 'epoch' : 'epochs'}`;
}

/** The progress line once training has ended (no time left): "… · done", or where it stopped; `p` is the last step's state (null before any). */
export function endProgressText(p: ProgressState | null, stopped: string | null): string {
  if (!p) return stopped === null ? '' : 'Stopped before the first step.';
  const where = `epoch ${p.epoch} of ${p.epochs} · step ${p.step.toLocaleString('en')} of ${(p.stepsPerEpoch * p.epochs).toLocaleString('en')}`;
  return stopped === null ? `Epoch ${where.slice('epoch '.length)} · done` : `Stopped in ${where}`;
}

/** Moving average of the speed, so the time left does not jump with every step. */
export function smoothRate(previous: number, current: number, weight = 0.8): number {
  if (!Number.isFinite(current) || current <= 0) return previous;
  return previous > 0 ? weight * previous + (1 - weight) * current : current;
}
