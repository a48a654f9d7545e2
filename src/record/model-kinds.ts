/**
 * The models a run record can name (`config.model`). The record's format knows them, so that the
 * record and its validator sit below the training engine; the engine's registry
 * (src/train/models/index.ts) must define exactly these, which the compiler checks.
 */
export const MODEL_KINDS = ['cnn', 'resnet18'] as const;

/** The name of a model (`cnn`, `resnet18`): `config.model`, `--model`, `Model.kind`. */
export type ModelKind = (typeof MODEL_KINDS)[number];

/** True when `x` names a model a run record can hold. */
export function isModelKind(x: unknown): x is ModelKind {
  return (MODEL_KINDS as readonly unknown[]).includes(x);
}
