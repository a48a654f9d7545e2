/** Names of models, questions and runs in the comparison's table, legends and choices. */
import type { RunRecord } from '../train/run-record';

/** Display names of the model kinds. */
export const MODEL_NAMES: Record<string, string> = { cnn: 'CNN', resnet18: 'ResNet-18' };

/** What each homework question trains. */
export const QUESTION_MODELS: Record<'q2.2' | 'q2.3' | 'q2.4', string> = {
  'q2.2': 'CNN from scratch',
  'q2.3': 'ResNet-18 fine-tuned',
  'q2.4': 'ResNet-18 with augmentation',
};

/** A short name of a run for legends and headings: "q2.2 CNN · 32 px · wasm · 1/1 ep". */
export function runLabel(run: RunRecord): string {
  const model = MODEL_NAMES[run.config.model] ?? run.config.model;
  return `${run.config.question} ${model} · ${run.config.imageSize} px · ${run.backend} · ${run.epochs.length}/${run.config.epochs} ep`;
}
