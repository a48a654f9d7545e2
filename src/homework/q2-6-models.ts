/** q2.6.models: the best of the student's handed-in models by macro F1, and the cost of fine-tuning in trained weights against the CNN. */
import { resnet18ParameterCount, trainedParameterCount } from '../comparison/model-parameters';
import { HOMEWORK_QUESTIONS, type HomeworkQuestion, latestPerQuestion } from '../comparison/run-sources';
import { recomputedTestMetrics } from '../comparison/test-metrics';
import type { ExerciseDef } from '../exercises/exercise';
import type { ChoiceMistake, NumberMistake, PartSpec, Tolerance } from '../exercises/types';
import type { RunRecord } from '../record/run-record';
import { IMAGENET_CLASSES } from './q2-3-setup';
import { RUN_OPTIONS } from './q2-6-options';

/** Macro F1 scores closer than this (half a point) are too close to call. */
export const F1_MARGIN = 0.005;
/** Tolerance of the ratio of trained weights: 1 %. */
export const RATIO_TOL: Tolerance = { rel: 0.01, abs: 0 };

/** The run with the highest macro F1 among the latest handed-in run of each question, or null with fewer than two or on a near tie. */
export function bestByF1(perQuestion: Partial<Record<HomeworkQuestion, RunRecord>>): HomeworkQuestion | null {
  const scored = HOMEWORK_QUESTIONS.flatMap((q) => {
    const m = perQuestion[q] ? recomputedTestMetrics(perQuestion[q]!) : null;
    return m ? [{ q, f1: m.macroF1, accuracy: m.accuracy }] : [];
  }).sort((a, b) => b.f1 - a.f1);
  if (scored.length < 2 || scored[0].f1 - scored[1].f1 < F1_MARGIN) return null;
  return scored[0].q;
}

function f1Mistakes(perQuestion: Partial<Record<HomeworkQuestion, RunRecord>>, best: HomeworkQuestion): ChoiceMistake[] {
  const accuracy = (q: HomeworkQuestion) => (perQuestion[q] ? (recomputedTestMetrics(perQuestion[q]!)?.accuracy ?? -1) : -1);
  const topAccuracy = HOMEWORK_QUESTIONS.reduce((a, q) => (accuracy(q) > accuracy(a) ? q : a));
  return HOMEWORK_QUESTIONS.filter((q) => q !== best).map((q) =>
    !perQuestion[q]
      ? {
          id: `missing-${q}`,
          chosen: [q],
          message: `You have handed in no ${q} run with test results, so it cannot be compared; choose among the runs you handed in.`,
        }
      : q === topAccuracy
        ? {
            id: 'highest-accuracy',
            chosen: [q],
            message:
              'That run has the highest test accuracy, but not the highest macro F1: F1 weighs every class equally, however many test images it has.',
          }
        : { id: `lower-${q}`, chosen: [q], message: 'Another of your runs has a higher macro F1: compare the Macro F1 column.' },
  );
}

/** Trained weights of the q2.3 run over those of the CNN run, or null when either is missing or cannot be counted. */
export function weightsRatio(
  perQuestion: Partial<Record<HomeworkQuestion, RunRecord>>,
): { ratio: number; resnet: RunRecord; cnn: number } | null {
  const resnet = perQuestion['q2.3'];
  const cnnRun = perQuestion['q2.2'];
  if (!resnet || !cnnRun || resnet.config.model !== 'resnet18' || cnnRun.config.model !== 'cnn') return null;
  const a = trainedParameterCount(resnet.config, resnet.dataset.classes.length);
  const b = trainedParameterCount(cnnRun.config, cnnRun.dataset.classes.length);
  return a !== null && b !== null && b > 0 ? { ratio: a / b, resnet, cnn: b } : null;
}

function ratioMistakes(r: NonNullable<ReturnType<typeof weightsRatio>>): NumberMistake[] {
  const classes = r.resnet.dataset.classes.length;
  const frozen = r.resnet.config.fineTuning === 'frozen';
  const list: NumberMistake[] = [
    { id: 'inverse', value: 1 / r.ratio, message: "That is the CNN's count over the ResNet-18's; the question asks the other way round." },
    frozen
      ? {
          id: 'all-weights',
          value: resnet18ParameterCount(classes) / r.cnn,
          message: 'That counts every weight of ResNet-18; your q2.3 run froze its backbone, so it trained only the new fc.',
        }
      : {
          id: 'imagenet-head',
          value: resnet18ParameterCount(IMAGENET_CLASSES) / r.cnn,
          message: "That counts ImageNet's 1,000-way fc; the fine-tuned model has one output per class.",
        },
  ];
  return list.filter((m) => Math.abs(m.value - r.ratio) > RATIO_TOL.rel! * r.ratio);
}

/** q2.6.models: the best model by macro F1 (a choice) and the ratio of trained weights, q2.3 over q2.2 (a number), from the handed-in runs. */
export const q26models: ExerciseDef = {
  id: 'q2.6.models',
  usesRuns: true,
  marks: 1,
  title: 'Quality and cost of your models',
  inputs: [
    {
      key: 'q2.6.models.best_f1',
      kind: 'choice',
      label: 'Which of your handed-in runs has the highest macro F1 on the test split?',
      multiple: false,
      options: RUN_OPTIONS,
    },
    {
      key: 'q2.6.models.weights_ratio',
      kind: 'number',
      label: 'How many times as many weights did your q2.3 run train as your CNN run?',
      example: '2.5',
    },
  ],
  params: () => ({}),
  parts: async (_v, context) => {
    const perQuestion = latestPerQuestion(context?.runs ?? []);
    const best = bestByF1(perQuestion);
    const ratio = weightsRatio(perQuestion);
    const parts: PartSpec[] = [
      best
        ? {
            kind: 'choice',
            key: 'q2.6.models.best_f1',
            marks: 0.5,
            multiple: false,
            options: RUN_OPTIONS,
            correct: [best],
            mistakes: f1Mistakes(perQuestion, best),
          }
        : { kind: 'text', key: 'q2.6.models.best_f1', marks: 0.5 },
      ratio
        ? {
            kind: 'number',
            key: 'q2.6.models.weights_ratio',
            marks: 0.5,
            answer: ratio.ratio,
            tol: RATIO_TOL,
            mistakes: ratioMistakes(ratio),
          }
        : { kind: 'text', key: 'q2.6.models.weights_ratio', marks: 0.5 },
    ];
    return parts;
  },
  hints: [
    "The table above has a Macro F1 column, recomputed from each run's confusion matrix.",
    'The Parameters column counts each model from its architecture; a frozen backbone trains only the new fc, and the table says how many were trained.',
  ],
};
