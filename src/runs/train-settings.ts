/** The training widget's settings: defaults, reading the form's strings with clear errors, and the run config they give. */
import { DEFAULT_BACKENDS } from '../train/backends';
import type { RunConfig } from '../record/run-record';

/** Backend choices of the widget: auto tries webgpu → webgl → wasm → cpu. */
export const BACKEND_CHOICES = ['auto', ...DEFAULT_BACKENDS] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** Input sizes offered (multiples of 16, as the CNN's pools need). */
export const IMAGE_SIZES = [32, 64, 128] as const;

/** What the student sets before pressing Start. */
export interface TrainSettings {
  backend: BackendChoice;
  imageSize: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
}

/** The homework's settings: 10 epochs, batch 32, Adam at 1e-3; 64×64 inputs. */
export const DEFAULT_SETTINGS: TrainSettings = { backend: 'auto', imageSize: 64, epochs: 10, batchSize: 32, learningRate: 1e-3, seed: 42 };

/** PyTorch's Adam epsilon (tfjs's own default is 1e-7). */
export const TORCH_ADAM_EPSILON = 1e-8;

/** One field the form got wrong. */
export interface SettingError {
  field: keyof TrainSettings;
  message: string;
}

function int(raw: string | undefined, field: keyof TrainSettings, lo: number, hi: number, what: string, errors: SettingError[]): number {
  const t = (raw ?? '').trim();
  const n = Number(t);
  if (t === '' || !Number.isInteger(n) || n < lo || n > hi)
    errors.push({ field, message: `${what} must be a whole number from ${lo} to ${hi}${t === '' ? '' : `, not "${t}"`}.` });
  return n;
}

/** Reads the form's raw strings; every problem is reported, nothing is guessed. */
export function readSettings(
  raw: Partial<Record<keyof TrainSettings, string>>,
): { ok: true; value: TrainSettings } | { ok: false; errors: SettingError[] } {
  const errors: SettingError[] = [];
  const backend = (raw.backend ?? 'auto') as BackendChoice;
  if (!BACKEND_CHOICES.includes(backend)) errors.push({ field: 'backend', message: `Unknown backend "${raw.backend}".` });
  const imageSize = Number(raw.imageSize);
  if (!(IMAGE_SIZES as readonly number[]).includes(imageSize))
    errors.push({ field: 'imageSize', message: `The image size must be one of ${IMAGE_SIZES.join(', ')}.` });
  const epochs = int(raw.epochs, 'epochs', 1, 100, 'Epochs', errors);
  const batchSize = int(raw.batchSize, 'batchSize', 1, 512, 'The batch size', errors);
  const lrText = (raw.learningRate ?? '').trim();
  const learningRate = Number(lrText);
  if (lrText === '' || !Number.isFinite(learningRate) || learningRate <= 0 || learningRate > 1) {
    errors.push({
      field: 'learningRate',
      message: `The learning rate must be a number above 0 and at most 1 (e.g. 1e-3)${lrText === '' ? '' : `, not "${lrText}"`}.`,
    });
  }
  const seed = int(raw.seed, 'seed', 0, 4294967295, 'The seed', errors);
  return errors.length ? { ok: false, errors } : { ok: true, value: { backend, imageSize, epochs, batchSize, learningRate, seed } };
}

/** The run config of a q2.2 CNN run with these settings (PyTorch's Adam epsilon). */
export function runConfigOf(s: TrainSettings): RunConfig {
  return {
    model: 'cnn',
    question: 'q2.2',
    imageSize: s.imageSize,
    epochs: s.epochs,
    batchSize: s.batchSize,
    learningRate: s.learningRate,
    adamEpsilon: TORCH_ADAM_EPSILON,
    seed: s.seed,
    augmentations: [],
    pretrained: null,
  };
}

/** Backends to try, in order, for a choice. */
export function backendOrder(choice: BackendChoice): string[] {
  return choice === 'auto' ? [...DEFAULT_BACKENDS] : [choice];
}
