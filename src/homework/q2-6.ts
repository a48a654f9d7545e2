/** Chapter 2.6's exercises: the homework's contradicted conclusions, and which of the student's handed-in runs generalises best, scores best and costs what, checked against those runs; the discussion is marked by hand. */
import { bestGeneralisation, testAccuracyDifference, trainValGap } from '../comparison/generalisation';
import { HOMEWORK_QUESTIONS, type HomeworkQuestion, latestPerQuestion } from '../comparison/run-sources';
import { recomputedTestMetrics } from '../comparison/test-metrics';
import type { ExerciseDef } from '../exercises/exercise';
import type { RubricCriterion } from '../exercises/kinds/text';
import type { ChoiceMistake, NumberMistake, PartSpec } from '../exercises/types';
import type { RunRecord } from '../record/run-record';
import { POINT_UNITS } from './q2-3-run';
import { q26claims } from './q2-6-claims';
import { q26models } from './q2-6-models';
import { RUN_OPTIONS } from './q2-6-options';

export { RUN_OPTIONS } from './q2-6-options';

/** Tolerance of the accuracy difference: ±0.5 percentage points, as the metrics read off a run (q2.2.metrics). */
export const GAIN_TOL = { abs: 0.005, rel: 0 };

const BEST_KEY = 'q2.6.best.run';
const GAIN_KEY = 'q2.6.best.gain';

/** The facts both parts are checked against: the runs per question, the one with the smallest gap (null on a tie or with fewer than two), and the CNN run. */
export function generalisationFacts(runs: readonly RunRecord[]): {
  perQuestion: Partial<Record<HomeworkQuestion, RunRecord>>;
  best: HomeworkQuestion | null;
  gain: number | null;
} {
  const perQuestion = latestPerQuestion(runs);
  const candidates = HOMEWORK_QUESTIONS.flatMap((q) =>
    perQuestion[q] && trainValGap(perQuestion[q]!) !== null ? [{ q, epochs: perQuestion[q]!.epochs }] : [],
  );
  const b = candidates.length >= 2 ? bestGeneralisation(candidates) : null;
  const best = b && !b.tie ? b.run.q : null;
  const cnn = perQuestion['q2.2'];
  const gain = best && cnn ? testAccuracyDifference(perQuestion[best]!, cnn) : null;
  return { perQuestion, best, gain };
}

function bestMistakes(perQuestion: Partial<Record<HomeworkQuestion, RunRecord>>, best: HomeworkQuestion): ChoiceMistake[] {
  const out: ChoiceMistake[] = [];
  for (const q of HOMEWORK_QUESTIONS) {
    if (q === best) continue;
    const run = perQuestion[q];
    if (!run) {
      out.push({
        id: `missing-${q}`,
        chosen: [q],
        message: `You have handed in no ${q} run with test results, so it cannot be compared; hand it in, or choose among the runs you handed in.`,
      });
      continue;
    }
    const topAccuracy = HOMEWORK_QUESTIONS.filter((o) => perQuestion[o]).every(
      (o) => (recomputedTestMetrics(perQuestion[o]!)?.accuracy ?? -1) <= (recomputedTestMetrics(run)?.accuracy ?? -1),
    );
    out.push(
      topAccuracy
        ? {
            id: 'highest-accuracy',
            chosen: [q],
            message:
              'That run has the highest test accuracy, but generalisation is about the gap between training and validation accuracy at the last epoch: which gap is smallest?',
          }
        : {
            id: 'larger-gap',
            chosen: [q],
            message: "Its training accuracy is further above its validation accuracy than another run's: look at the train–val gap column.",
          },
    );
  }
  return out;
}

function gainMistakes(facts: ReturnType<typeof generalisationFacts>, answer: number): NumberMistake[] {
  const best = facts.perQuestion[facts.best!]!.epochs.at(-1)!;
  const cnn = facts.perQuestion['q2.2']!.epochs.at(-1)!;
  const list: NumberMistake[] = [
    {
      id: 'sign',
      value: -answer,
      message: "The sign is the wrong way round: take the best-generalising run's test accuracy minus the CNN's.",
    },
    {
      id: 'validation',
      value: best.valAccuracy - cnn.valAccuracy,
      message: 'That is the difference of the validation accuracies at the last epoch; the question asks about the test split.',
    },
  ];
  return list.filter(
    (m, i) =>
      Number.isFinite(m.value) &&
      Math.abs(m.value - answer) > GAIN_TOL.abs &&
      list.findIndex((o) => Math.abs(o.value - m.value) < 1e-12) === i,
  );
}

const q26best: ExerciseDef = {
  id: 'q2.6.best',
  usesRuns: true,
  marks: 2,
  title: 'Which of your models generalises best',
  inputs: [
    {
      key: BEST_KEY,
      kind: 'choice',
      label: 'Which of your handed-in runs generalises best (the smallest gap between training and validation accuracy at its last epoch)?',
      multiple: false,
      options: RUN_OPTIONS,
    },
    {
      key: GAIN_KEY,
      kind: 'number',
      label: "By how many percentage points does its test accuracy exceed your CNN's (negative if it is lower)?",
      example: '−3.5 pp or −0.035',
    },
  ],
  params: () => ({}),
  parts: async (_variant, context) => {
    const facts = generalisationFacts(context?.runs ?? []);
    const parts: PartSpec[] = [];
    parts.push(
      facts.best
        ? {
            kind: 'choice',
            key: BEST_KEY,
            marks: 1,
            multiple: false,
            options: RUN_OPTIONS,
            correct: [facts.best],
            mistakes: bestMistakes(facts.perQuestion, facts.best),
          }
        : { kind: 'text', key: BEST_KEY, marks: 1 },
    );
    parts.push(
      facts.gain !== null
        ? {
            kind: 'number',
            key: GAIN_KEY,
            marks: 1,
            answer: facts.gain,
            tol: GAIN_TOL,
            percent: true,
            units: POINT_UNITS,
            mistakes: gainMistakes(facts, facts.gain),
          }
        : { kind: 'text', key: GAIN_KEY, marks: 1 },
    );
    return parts;
  },
  hints: [
    'Hand in your q2.2, q2.3 and q2.4 runs first (at least two of them, including the CNN); the exercise reads the latest handed-in run of each question, as the table ticks them by default.',
    "The gap is training accuracy minus validation accuracy at the last epoch; the smallest gap generalises best. Then subtract the CNN's test accuracy from that run's.",
  ],
};

const q26discussion: ExerciseDef = {
  id: 'q2.6',
  marks: 1,
  title: 'Discuss the comparison',
  inputs: [
    {
      key: 'q2.6',
      kind: 'text',
      label:
        'Your comparison: accuracy, F1, generalisation and cost of the CNN, the fine-tuned ResNet-18 and the ResNet-18 with augmentation, with numbers from your runs',
    },
  ],
  params: () => ({}),
  parts: async () => [
    {
      kind: 'text',
      key: 'q2.6',
      marks: 1,
      rubric: [
        {
          id: 'quality',
          label: "Test accuracy and macro F1 of the three models side by side, with numbers from the student's runs",
          marks: 0.25,
        },
        {
          id: 'generalisation',
          label:
            "Generalisation read correctly from each model's curves: its train–validation gap and what its validation loss did (no claim the curves contradict)",
          marks: 0.5,
        },
        {
          id: 'cost',
          label: 'Cost: parameters trained, training time and images per second, and what the accuracy gained costs',
          marks: 0.25,
        },
      ],
    },
  ],
  hints: [
    'Put the test accuracies and F1 scores side by side, then the gap between training and validation accuracy of each model, and what each validation loss did.',
    'Cost: parameters, training time and images per second, from the table.',
  ],
};

/** Exercises of chapter 2.6 (q2.6's 5 marks: 4 checked automatically with the three runs handed in, 1 without; the discussion by hand). */
export const Q2_6: ExerciseDef[] = [q26claims, q26best, q26models, q26discussion];

/** What the instructor marks in q2.6 beyond its exercises (src/homework/hand-marked.ts): nothing, its exercises cover all its marks. */
export const HAND_MARKED_Q2_6: RubricCriterion[] = [];
