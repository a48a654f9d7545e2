/**
 * The registry of models: one line a model, keyed by the names the run record's format knows
 * (src/record/model-kinds.ts). The CLIs' `--model` choices, the comparison's counts and the exported
 * script derive from it, so a new model is its module in this folder, its line here and its name there.
 */
import { isModelKind, MODEL_KINDS, type ModelKind } from '../../record/model-kinds';
import { cnn } from './cnn';
import type { ModelDefinition } from './model-definition';
import { resnet18 } from './resnet18';

/** Every model by name (the compiler requires one for each name of MODEL_KINDS, and no other). */
export const MODELS: { readonly [K in ModelKind]: ModelDefinition } = { cnn, resnet18 };

export { isModelKind, MODEL_KINDS, type ModelKind };

/** The definition of the model `kind` (throws, naming the choices, for a name the registry does not know). */
export function modelOf(kind: string): ModelDefinition {
  if (!isModelKind(kind)) throw new Error(`unknown model "${kind}" (${choiceList(MODEL_KINDS)})`);
  return MODELS[kind];
}

/** Choices as a phrase: "cnn or resnet18", "resnet18, cnn or none". */
export function choiceList(choices: readonly string[]): string {
  return choices.length < 2 ? choices.join('') : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
}

/** The names of the models that fine-tune given weights, as a phrase ("ResNet-18"). */
export function fineTuningModels(): string {
  return choiceList(
    Object.values(MODELS)
      .filter((m) => m.fineTunes)
      .map((m) => m.name),
  );
}

/** Why a run's fine-tuning settings do not fit its model ("… apply to ResNet-18 only"), or null when they do. */
export function fineTuningProblem(config: {
  model: ModelKind;
  fineTuning?: string;
  batchNorm?: string;
  normalization?: string;
}): string | null {
  if (modelOf(config.model).fineTunes) return null;
  return config.fineTuning === 'frozen' || config.batchNorm === 'eval' || config.normalization === 'imagenet'
    ? `fineTuning, batchNorm and ImageNet normalisation apply to ${fineTuningModels()} only`
    : null;
}
