/** One training attempt on the page (the CNN of 2.2 or ResNet-18 of 2.3): runs the engine, reports progress, captures the CNN's weights, and on an error keeps the curves so far. */
import { classifyFailure } from '../../src/runs/training-failure';
import type { EpochMetrics, RunConfig, RunRecord } from '../../src/record/run-record';
import type { Model, TorchState } from '../../src/train/model';
import type { TF } from '../../src/tensor/tf-types';
import type { TrainController } from '../../src/train/train-control';
import type { StepInfo, TrainData, TrainSplit } from '../../src/train/trainer';

/** What the page hands to an attempt. */
export interface AttemptInput {
  tf: TF;
  data: TrainData;
  split: TrainSplit;
  config: RunConfig;
  dataset: { name: string; hash: string };
  control: TrainController;
  onStep(s: StepInfo, steps: readonly { step: number; loss: number }[]): void;
  onEpoch(epochs: readonly EpochMetrics[]): void;
  /** Resolves true when the GPU device under the backend was lost (its errors then say little about why). */
  deviceLost?: () => Promise<boolean>;
  /** Starting weights (a PyTorch state_dict); the model kind is `config.model`. */
  initialWeights?: TorchState;
  /** Frozen backbone: features kept between runs of this page (see train()'s featureCache). */
  featureCache?: Map<string, Map<number, Float32Array>>;
  /** Frozen backbone: feature extraction progress. */
  onFeatures?(p: { done: number; total: number }): void;
  /** Called with the trained model before it is disposed (after the CNN's weights are captured). */
  onModel?(model: Model): Promise<void>;
}

/** The record (complete, stopped, or partial after an error), the weights when captured, and the error if any. */
export interface AttemptResult {
  record: RunRecord | null;
  weights: Uint8Array | null;
  weightsError: string | null;
  error: string | null;
}

/** Trains once; never throws. The engine's record is kept as it comes (a failure keeps the curves so far, named by its kind). */
export async function trainAttempt(a: AttemptInput): Promise<AttemptResult> {
  const steps: { step: number; loss: number }[] = [];
  const epochs: EpochMetrics[] = [];
  let weights: Uint8Array | null = null;
  let weightsError: string | null = null;
  let error: string | null = null;
  try {
    const { train } = await import('../../src/train/trainer');
    const record = await train({
      tf: a.tf,
      data: a.data,
      initialWeights: a.initialWeights,
      featureCache: a.featureCache,
      split: a.split,
      config: a.config,
      control: a.control,
      dataset: a.dataset,
      callbacks: {
        onStep: (s) => {
          steps.push({ step: s.step, loss: s.loss });
          a.onStep(s, steps);
        },
        onEpoch: (m) => {
          epochs.push(m);
          a.onEpoch(epochs);
        },
        onFeatures: a.onFeatures,
        onModel: async (model) => {
          await a.onModel?.(model);
          if (a.config.model !== 'cnn') return;
          try {
            const [{ cnnToTorch }, { writeSafetensors }] = await Promise.all([
              import('../../src/train/cnn'),
              import('../../src/tensor/weights/safetensors'),
            ]);
            weights = writeSafetensors(await cnnToTorch(a.tf, model), {
              format: 'pt',
              model: 'cnn',
              imageSize: String(a.config.imageSize),
            });
          } catch (e) {
            weightsError = (e as Error)?.message ?? String(e);
          }
        },
        onError: (e) => {
          error = e.message;
        },
      },
    });
    if (error === null) return { record, weights, weightsError, error: null };
    const kind = (await a.deviceLost?.()) ? 'device-lost' : classifyFailure(error);
    const kept = record.epochs.length || record.steps.length ? { ...record, stopped: kind === 'other' ? 'error' : kind } : null;
    return { record: kept, weights: null, weightsError: null, error };
  } catch (e) {
    return { record: null, weights: null, weightsError: null, error: (e as Error)?.message ?? String(e) };
  }
}
