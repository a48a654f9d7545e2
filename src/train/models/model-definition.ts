/**
 * What one model of the engine provides: everything that differs between models (build, init,
 * weights check, the settings its runs use, parameter counts, the exported script's PyTorch source,
 * how it is named). One module per model in this folder, gathered in the registry (index.ts).
 */
import type { Model, TorchState } from '../model';
import type { RunConfig } from '../../record/run-record';
import type { TF } from '../../tensor/tf-types';
import type { RunQuestion } from '../../record/questions';

/** What building a model needs besides its weights (each model reads the options that apply to it). */
export interface BuildOptions {
  /** Input side, for a model whose weights depend on it (the CNN's fc); others take any size. */
  imageSize?: number;
  /** Outputs of the head; when it differs from the weights' head, the head is replaced by a fresh torch.nn.Linear init. */
  classes?: number;
  /** Seed of a replaced head (default 0). */
  headSeed?: number;
  /** Train only the head; the backbone then runs in eval mode. */
  frozenBackbone?: boolean;
  /** BatchNorm in train-mode forward passes: batch statistics ('train') or running ones ('eval'). */
  batchNorm?: 'train' | 'eval';
}

/** Input normalisation after scaling to [0, 1]. */
export type Normalization = NonNullable<RunConfig['normalization']>;

/** The run settings a model's description in the exported script depends on. */
export interface ScriptSettings {
  imageSize: number;
  classes: number;
  frozenBackbone: boolean;
  batchNorm: 'train' | 'eval';
  normalization: Normalization;
}

/** One model kind (`K`: its registry name, also its `--model` value and `config.model`). */
export interface ModelDefinition<K extends string = string> {
  readonly kind: K;
  /** Its name in sentences and messages ('the CNN', 'ResNet-18'). */
  readonly name: string;
  /** Its name in tables, legends and the runs list ('CNN', 'ResNet-18'). */
  readonly label: string;
  /** Its full name in weights checks and the exported script ('the homework CNN', "torchvision's ResNet-18"). */
  readonly title: string;
  /** The question a run of it answers unless told otherwise (the train CLI's record). */
  readonly question: RunQuestion;
  /** Fine-tunes given weights (--weights, frozen backbone, BatchNorm mode) rather than starting from --init. */
  readonly fineTunes: boolean;
  /** The normalisation its runs use unless the config names one. */
  readonly normalization: Normalization;
  /** What fixes its input side ("the CNN's fc layer"), so augmentations must keep the size; null when any side fits. */
  readonly inputSizeFixedBy: string | null;
  /** Why `size` cannot be its input side ("a multiple of 16 (…)", to follow "must be"), or null when it can. */
  imageSizeProblem(size: number): string | null;
  /** The model from a PyTorch state_dict (names and layouts). */
  build(tf: TF, state: TorchState, opts: BuildOptions): Model;
  /** A seeded, freshly initialised state_dict in PyTorch names and layouts. */
  init(imageSize: number, classes: number, seed: number): TorchState;
  /** Throws the list of missing, unexpected and mis-shaped tensors when `state` does not fit. */
  checkState(state: ReadonlyMap<string, { shape: number[] }>): void;
  /** The settings a run of it records, filled in from `config` (defaults made explicit). */
  settle(config: RunConfig): RunConfig;
  /** The build options of a run with these (settled) settings and `classes` outputs. */
  buildOptions(config: RunConfig, classes: number): BuildOptions;
  /** Learnable parameters at this input side with `classes` outputs, or null when that size cannot be built or the count needs a side not known (null). */
  parameterCount(imageSize: number | null, classes: number): number | null;
  /** Parameters a run with these settings trains (only the head with a frozen backbone), or null as parameterCount. */
  trainedParameterCount(config: Pick<RunConfig, 'imageSize' | 'fineTuning'>, classes: number): number | null;
  /** The exported script's description of the model. */
  describeScript(s: ScriptSettings): string;
  /** Python source defining `build_<kind>_model(torch, nn, classes, weights_path)` → (model, parameters Adam updates), and its helpers. */
  readonly python: string;
}
