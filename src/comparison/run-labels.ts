/** Names of models, questions and runs in the comparison's table, legends and choices, and the runs list's setup columns. */
import type { RunQuestion } from '../record/questions';
import type { RunRecord } from '../record/run-record';
import { isModelKind, MODEL_KINDS, MODELS } from '../train/models';
import { describeAugmentations } from './augmentation-text';

/** Display names of the model kinds (their registry labels). */
export const MODEL_NAMES: Record<string, string> = Object.fromEntries(MODEL_KINDS.map((k) => [k, MODELS[k].label]));

/** What each homework question trains. */
export const QUESTION_MODELS: Record<RunQuestion, string> = {
  'q2.2': 'CNN from scratch',
  'q2.3': 'ResNet-18 fine-tuned',
  'q2.4': 'ResNet-18 with augmentation',
};

/** A homework question in plain words: "question 2.3 (ResNet-18 fine-tuned)". */
export function questionText(question: RunRecord['config']['question']): string {
  return `question ${question.slice(1)} (${QUESTION_MODELS[question] ?? 'training'})`;
}

/** "pretrained" or "not pretrained" for a ResNet-18 run; empty for the CNN, which always starts from random weights. */
export function pretrainedText(run: RunRecord): string {
  if (!isModelKind(run.config.model) || !MODELS[run.config.model].fineTunes) return '';
  return run.config.pretrained ? 'pretrained' : 'not pretrained';
}

/** A short name of a run for legends and headings: "q2.2 CNN · 32 px · wasm · 1/1 ep", ResNet-18 runs end with "· pretrained" or "· not pretrained". */
export function runLabel(run: RunRecord): string {
  const model = MODEL_NAMES[run.config.model] ?? run.config.model;
  const weights = pretrainedText(run);
  return `${run.config.question} ${model} · ${run.config.imageSize} px · ${run.backend} · ${run.epochs.length}/${run.config.epochs} ep${weights ? ` · ${weights}` : ''}`;
}

/** What a run trained, in words, for the runs list's columns. */
export interface RunSetup {
  /** "CNN" or "ResNet-18". */
  model: string;
  /** "from scratch", "frozen backbone (only fc trained)" or "all layers". */
  fineTuning: string;
  /** The augmentations by name, or "none". */
  augmentation: string;
  /** Where the starting weights came from: "random (not pretrained)" or the weights' source. */
  weights: string;
}

/** The model, fine-tuning mode, augmentation and weights source of a run. */
export function runSetup(run: RunRecord): RunSetup {
  const c = run.config;
  const resnet = isModelKind(c.model) && MODELS[c.model].fineTunes;
  const fineTuning = !resnet ? 'from scratch' : c.fineTuning === 'frozen' ? 'frozen backbone (only fc trained)' : 'all layers';
  const source = c.weights?.source ?? c.pretrained;
  return {
    model: MODEL_NAMES[c.model] ?? c.model,
    fineTuning,
    augmentation: describeAugmentations(c.augmentations).names,
    weights: resnet && c.pretrained ? `pretrained: ${source}` : 'random (not pretrained)',
  };
}
