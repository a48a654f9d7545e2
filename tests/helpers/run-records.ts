/** Valid run records built from src/train/run-record.ts types for the comparison's tests (unit and browser): seeded confusion matrices, curves with a chosen final gap. */
import { mulberry32 } from '../../src/exercises/variant';
import { metricsFromConfusion } from '../../src/train/metrics';
import { RUN_FORMAT, RUN_VERSION, type RunRecord } from '../../src/record/run-record';

export const CLASSES = [
  'amur_leopard',
  'amur_tiger',
  'birds',
  'black_bear',
  'brown_bear',
  'dog',
  'roe_deer',
  'sika_deer',
  'wild_boar',
  'people',
];

/** What a test chooses about a run; everything else is seeded. */
export interface RunSpec {
  id: string;
  question: 'q2.2' | 'q2.3' | 'q2.4';
  seed: number;
  /** Images per class on the diagonal vs. off it: a larger value gives a higher accuracy. */
  skill: number;
  /** Train and validation accuracy at the last epoch. */
  finalTrain: number;
  finalVal: number;
  epochs?: number;
  createdAt?: string;
  imageSize?: number;
  backend?: string;
  /** config.augmentations as a version-1 (names) or version-2 ({op, params}) record keeps them. */
  augmentations?: unknown[];
}

/** A run record that passes validateRunRecord; accuracy and F1 follow from its confusion matrix. */
export function comparisonRun(s: RunSpec): RunRecord {
  const rng = mulberry32(s.seed);
  const confusion = CLASSES.map((_, t) => CLASSES.map((_, p) => (t === p ? s.skill + Math.floor(rng() * 6) : Math.floor(rng() * 4))));
  const m = metricsFromConfusion(confusion);
  const n = s.epochs ?? 5;
  const epochs = Array.from({ length: n }, (_, i) => {
    const f = (i + 1) / n;
    return {
      epoch: i + 1,
      trainLoss: 2.3 - 2 * s.finalTrain * f,
      valLoss: 2.3 - 2 * s.finalVal * f + 0.3 * (s.finalTrain - s.finalVal) * f * f,
      trainAccuracy: 0.1 + (s.finalTrain - 0.1) * f,
      valAccuracy: 0.1 + (s.finalVal - 0.1) * f,
      seconds: 12 + i,
    };
  });
  const resnet = s.question !== 'q2.2';
  return {
    format: RUN_FORMAT,
    version: (s.augmentations ?? []).some((a) => typeof a === 'string') ? 1 : RUN_VERSION,
    id: s.id,
    createdAt: s.createdAt ?? '2026-11-30T10:00:00.000Z',
    config: {
      model: resnet ? 'resnet18' : 'cnn',
      question: s.question,
      imageSize: s.imageSize ?? 64,
      epochs: n,
      batchSize: 32,
      learningRate: 1e-3,
      adamEpsilon: 1e-8,
      seed: s.seed,
      augmentations: (s.augmentations ?? []) as RunRecord['config']['augmentations'],
      pretrained: resnet ? 'torchvision IMAGENET1K_V1' : null,
    },
    backend: s.backend ?? 'pytorch',
    dataset: {
      name: 'russian-wildlife-64',
      hash: 'fixture',
      classes: CLASSES,
      counts: { train: 3500, val: 500, test: confusion.flat().reduce((a, b) => a + b, 0) },
    },
    epochs,
    steps: Array.from({ length: 20 }, (_, i) => ({ step: i + 1, loss: 2.3 - i * 0.05 })),
    test: { ...m, confusion, misclassified: [] },
    timings: { totalSeconds: epochs.reduce((a, e) => a + e.seconds, 0), imagesPerSecond: resnet ? 80 : 400 },
    stopped: null,
  };
}

/** The homework's three runs (version-1 records, augmentations as names): a CNN that overfits, a fine-tuned ResNet-18, and an augmented one with the smallest gap. */
export function homeworkRuns(): RunRecord[] {
  return [
    comparisonRun({
      id: 'cnn-fixture',
      question: 'q2.2',
      seed: 11,
      skill: 8,
      finalTrain: 0.95,
      finalVal: 0.45,
      createdAt: '2026-11-30T10:00:00.000Z',
    }),
    comparisonRun({
      id: 'resnet-fixture',
      question: 'q2.3',
      seed: 12,
      skill: 14,
      finalTrain: 0.88,
      finalVal: 0.58,
      createdAt: '2026-11-30T11:00:00.000Z',
    }),
    comparisonRun({
      id: 'augmented-fixture',
      question: 'q2.4',
      seed: 13,
      skill: 24,
      finalTrain: 0.8,
      finalVal: 0.72,
      createdAt: '2026-11-30T12:00:00.000Z',
      augmentations: [
        'RandomPerspective(distortion_scale=0.5)',
        'ColorJitter(brightness=0.3, contrast=0.2, saturation=0.2)',
        'RandomCrop(64, padding=4)',
      ],
    }),
  ];
}
