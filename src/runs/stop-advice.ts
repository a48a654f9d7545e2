/** What to change after a run that stopped itself: its loss became NaN, or diverged (a learning rate far too high). */
import { DIVERGENCE_FACTOR } from '../train/divergence';
import type { RunRecord } from '../record/run-record';

const number = (x: number) => (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en') : String(Number(x.toPrecision(3))));

/** A learning rate to try instead of `lr`: 1e-3 (Adam's usual) from a high one, else a tenth. */
export function lowerLearningRate(lr: number): number {
  return lr > 1e-3 ? 1e-3 : Number((lr / 10).toPrecision(2));
}

/** The message for a run stopped by a NaN or diverging loss, saying what happened and what to change; null for any other run. */
export function stopAdvice(run: Pick<RunRecord, 'stopped' | 'steps' | 'config'>): string | null {
  const lr = run.config.learningRate;
  const kept = 'The curves so far are kept in your runs list.';
  if (run.stopped === 'nan-loss') {
    return `The loss became NaN (not a number) after ${run.steps.at(-1)?.step ?? 'a few'} steps, so training stopped. Lower the learning rate (for example to 1e-4) and press Start again. ${kept}`;
  }
  if (run.stopped !== 'diverged') return null;
  const first = run.steps[0];
  const last = run.steps.at(-1);
  const rise = first && last ? ` from ${number(first.loss)} at step ${first.step} to ${number(last.loss)} at step ${last.step}` : '';
  return `Training diverged: the loss rose${rise}, more than ${DIVERGENCE_FACTOR} times its start, so training stopped. A learning rate of ${lr} is too high: lower it (for example to ${lowerLearningRate(lr)}) and press Start again. ${kept}`;
}
