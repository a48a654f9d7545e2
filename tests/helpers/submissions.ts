/** Seeded synthetic submissions and run records for grader tests, the CLI test, the e2e test and the benchmark. */
import type { CourseSettings } from '../../src/course/course';
import type { ExerciseDef } from '../../src/exercises/exercise';
import { kindOf } from '../../src/exercises/kinds';
import type { PartSpec, RawAnswer } from '../../src/exercises/types';
import { mulberry32, variantFor } from '../../src/exercises/variant';
import { EXERCISES } from '../../src/homework/catalog';
import { SUBMISSION_FORMAT, SUBMISSION_VERSION, type Submission } from '../../src/submission/types';
import { metricsFromConfusion } from '../../src/train/metrics';
import { RUN_FORMAT, RUN_VERSION, type RunRecord } from '../../src/record/run-record';

const CLASSES = ['amur_leopard', 'amur_tiger', 'birds', 'black_bear', 'brown_bear', 'dog', 'roe_deer', 'sika_deer', 'wild_boar', 'people'];

/** A raw answer that the grader accepts as correct for `spec`. */
export function correctRaw(spec: PartSpec): RawAnswer {
  return knownKind(spec).exampleRight(spec);
}

/** A raw answer that is readable but wrong for `spec` (varied by `r` in [0, 1)). */
export function wrongRaw(spec: PartSpec, r: number): RawAnswer {
  return knownKind(spec).exampleWrong(spec, 1 + Math.floor(r * 5));
}

function knownKind(spec: PartSpec) {
  const kind = kindOf(spec);
  if (!kind) throw new Error(`unknown exercise kind ${spec.kind}`);
  return kind;
}

/** A run record with a random confusion matrix; `tamper` states an accuracy its matrix does not give. */
export function makeRun(seed: number, question: 'q2.2' | 'q2.3' | 'q2.4' = 'q2.2', tamper = false): RunRecord {
  const rng = mulberry32(seed);
  const confusion = CLASSES.map((_, t) => CLASSES.map((_, p) => Math.floor(rng() * (t === p ? 40 : 6))));
  const m = metricsFromConfusion(confusion);
  const testCount = confusion.flat().reduce((a, b) => a + b, 0);
  const epochs = Array.from({ length: 10 }, (_, i) => ({
    epoch: i + 1,
    trainLoss: 2 / (i + 1),
    trainAccuracy: 0.3 + 0.06 * i,
    valLoss: 2.2 / (i + 1) + 0.05 * i,
    valAccuracy: 0.25 + 0.03 * i,
    seconds: 3,
  }));
  return {
    format: RUN_FORMAT,
    version: RUN_VERSION,
    id: `run-${seed}`,
    createdAt: '2025-02-01T10:00:00.000Z',
    config: {
      model: question === 'q2.2' ? 'cnn' : 'resnet18',
      question,
      imageSize: 64,
      epochs: 10,
      batchSize: 32,
      learningRate: 1e-3,
      adamEpsilon: 1e-8,
      seed,
      augmentations: [],
      pretrained: null,
    },
    backend: 'cpu',
    dataset: { name: 'russian-wildlife-64', hash: 'abc', classes: CLASSES, counts: { train: 700, val: 100, test: testCount } },
    epochs,
    steps: Array.from({ length: 50 }, (_, i) => ({ step: i, loss: 2.3 * Math.exp(-i / 30) + rng() * 0.1 })),
    test: {
      ...m,
      accuracy: tamper ? Math.min(1, m.accuracy + 0.2) : m.accuracy,
      confusion,
      misclassified: [{ index: 3, trueLabel: 1, predicted: 0 }],
    },
    timings: { totalSeconds: 30, imagesPerSecond: 230 },
    stopped: null,
  };
}

export interface MakeOptions {
  id: string;
  name?: string;
  course: CourseSettings;
  /** Probability that each part is answered correctly. */
  skill: number;
  seed: number;
  createdAt?: string;
  catalog?: readonly ExerciseDef[];
  /** Extra answers (e.g. free text of items without an exercise). */
  extra?: Record<string, RawAnswer>;
  runs?: RunRecord[];
}

/** A valid submission answering every key of the catalog, each correct with probability `skill`. */
export async function makeSubmission(o: MakeOptions): Promise<Submission> {
  const rng = mulberry32(o.seed);
  const variant = variantFor(o.id, o.course);
  const answers: Record<string, RawAnswer> = {};
  for (const ex of o.catalog ?? EXERCISES) {
    for (const spec of await ex.parts(variant)) answers[spec.key] = rng() < o.skill ? correctRaw(spec) : wrongRaw(spec, rng());
  }
  return {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    student: { id: o.id, name: o.name ?? `Student ${o.id}` },
    variant,
    answers: { ...answers, ...o.extra },
    attempts: {},
    results: { 'q1.1c': { status: 'correct', marks: 1, maxMarks: 1 } },
    runs: o.runs ?? [],
    createdAt: o.createdAt ?? '2025-02-01T12:00:00.000Z',
    app: { name: 'dlcv-hw1-book', version: '0.1.0' },
  };
}

/** A submission as the bytes of its JSON file. */
export function fileBytes(sub: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(sub));
}
