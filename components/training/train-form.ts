/** Reads a TrainForm: the settings, or every wrong field marked (aria-invalid) and the messages returned. */
import { readSettings, type TrainSettings } from '../../src/runs/train-settings';
import { part } from '../lib/part';

const NAMES = ['backend', 'imageSize', 'epochs', 'batchSize', 'learningRate', 'seed'] as const;

/** The form's settings, or the error text to show. */
export function readTrainForm(root: HTMLElement): { ok: true; value: TrainSettings } | { ok: false; error: string } {
  const field = (n: string) => part<HTMLInputElement>(root, `[data-settings] [name=${n}]`);
  const r = readSettings(Object.fromEntries(NAMES.map((n) => [n, field(n).value])));
  for (const n of NAMES) field(n).removeAttribute('aria-invalid');
  if (r.ok) return r;
  for (const e of r.errors) field(e.field).setAttribute('aria-invalid', 'true');
  return { ok: false, error: r.errors.map((e) => e.message).join(' ') };
}
