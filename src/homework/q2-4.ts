/**
 * Chapter 2.4's exercises (q2.4), checked against the student's handed-in runs (q2-4-runs.ts): the
 * augmented run and the newest run of the same model without augmentation. (c) did overfitting go
 * down (the train–validation gaps at the last epoch), (d) the augmented run's test accuracy and F1;
 * the choice of augmentations and the confusion matrix are discussed in text, marked by hand.
 */
import type { ExerciseDef } from '../exercises/exercise';
import type { ChoiceMistake, NumberMistake, PartSpec } from '../exercises/types';
import { REPORTED_MODELS } from '../comparison/reported-numbers';
import { metricsFromConfusion } from '../train/metrics';
import { RUN_TOL } from './q2-3';
import { GAP_CHANGE, augmentationPair, finalGap, gapVerdict } from './q2-4-runs';

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const reported = REPORTED_MODELS.find((m) => m.question === 'q2.4' && m.augmented);
const reportedResnet = REPORTED_MODELS.find((m) => m.question === 'q2.3');

function distinct(mistakes: NumberMistake[], answer: number, tol: number): NumberMistake[] {
  return mistakes.filter((m, i) => Number.isFinite(m.value) && Math.abs(m.value - answer) > tol && mistakes.findIndex((o) => Math.abs(o.value - m.value) < 1e-12) === i);
}

export const CHANGE_OPTIONS = [
  { id: 'down', label: `Yes: the gap between training and validation accuracy at the last epoch shrank by more than ${100 * GAP_CHANGE} points.` },
  { id: 'same', label: `Not clearly: the two gaps are within ${100 * GAP_CHANGE} points of each other.` },
  { id: 'up', label: `No: the gap grew by more than ${100 * GAP_CHANGE} points.` },
  { id: 'val-up', label: 'Yes, because the validation accuracy went up (whatever the training accuracy did).' },
];

function changeMistakes(verdict: 'down' | 'same' | 'up', numbers: string): ChoiceMistake[] {
  const others = (['down', 'same', 'up'] as const).filter((v) => v !== verdict);
  return [
    ...others.map((id) => ({ id: `said-${id}`, chosen: [id], message: `Compare the two gaps: ${numbers}.` })),
    { id: 'val-only', chosen: ['val-up'], message: `A higher validation accuracy alone does not say that overfitting went down; overfitting is the gap between training and validation: ${numbers}.` },
  ];
}

const overfit: ExerciseDef = {
  id: 'q2.4.overfit',
  usesRuns: true,
  marks: 4,
  title: 'Did overfitting go down?',
  inputs: [
    { key: 'q2.4.overfit.gap_without', kind: 'number', label: 'Training minus validation accuracy at the last epoch of your run without augmentation', placeholder: 'e.g. 30.2 % or 0.302' },
    { key: 'q2.4.overfit.gap_with', kind: 'number', label: 'The same gap for your augmented run', placeholder: 'e.g. 11.9 % or 0.119' },
    { key: 'q2.4.overfit.verdict', kind: 'choice', label: 'Did overfitting go down with augmentation?', multiple: false, options: CHANGE_OPTIONS },
    { key: 'q2.4.overfit.why', kind: 'text', label: 'What you read in the two sets of curves (losses too), and why the augmentations did or did not help' },
  ],
  params: () => ({}),
  parts: async (_v, context) => {
    const { augmented, baseline } = augmentationPair(context?.runs);
    const why: PartSpec = { kind: 'text', key: 'q2.4.overfit.why', marks: 1 };
    const gWith = augmented ? finalGap(augmented) : null;
    const gWithout = baseline ? finalGap(baseline) : null;
    if (!augmented || !baseline || gWith === null || gWithout === null) {
      return [{ kind: 'text', key: 'q2.4.overfit.gap_without', marks: 0.75 }, { kind: 'text', key: 'q2.4.overfit.gap_with', marks: 0.75 }, { kind: 'text', key: 'q2.4.overfit.verdict', marks: 1.5 }, why];
    }
    const verdict = gapVerdict(gWithout, gWith);
    const numbers = `without augmentation the gap is ${pct(gWithout)}, with it ${pct(gWith)}`;
    const gapMistakes = (answer: number, other: number, test: number): NumberMistake[] => distinct([
      { id: 'points-without-percent', value: 100 * answer, message: `Write percentage points with a % sign (${(100 * answer).toFixed(2)} %) or as a difference of fractions (${answer.toFixed(4)}).` },
      { id: 'sign', value: -answer, message: 'The sign is the wrong way round: training accuracy minus validation accuracy.' },
      { id: 'other-run', value: other, message: 'That is the gap of the other run.' },
      { id: 'test', value: test, message: 'That uses the test accuracy; the curves compare training with validation accuracy.' },
    ], answer, RUN_TOL.abs);
    const testAcc = (r: typeof augmented) => (r.test ? metricsFromConfusion(r.test.confusion).accuracy : NaN);
    const lastTrain = (r: typeof augmented) => r.epochs.at(-1)!.trainAccuracy;
    const homework = (id: string, m: typeof reported, what: string): NumberMistake[] => (m?.trainAccuracy != null && m.valAccuracy != null
      ? [{ id, value: m.trainAccuracy - m.valAccuracy, message: `That is the gap of the homework's ${what} run; give your own run's.` }] : []);
    return [
      { kind: 'number', key: 'q2.4.overfit.gap_without', marks: 0.75, answer: gWithout, tol: RUN_TOL,
        mistakes: distinct([...gapMistakes(gWithout, gWith, lastTrain(baseline) - testAcc(baseline)), ...homework('homework', reportedResnet, 'fine-tuned')], gWithout, RUN_TOL.abs) },
      { kind: 'number', key: 'q2.4.overfit.gap_with', marks: 0.75, answer: gWith, tol: RUN_TOL,
        mistakes: distinct([...gapMistakes(gWith, gWithout, lastTrain(augmented) - testAcc(augmented)), ...homework('homework', reported, 'augmented')], gWith, RUN_TOL.abs) },
      verdict === 'unclear'
        ? { kind: 'text', key: 'q2.4.overfit.verdict', marks: 1.5 }
        : { kind: 'choice', key: 'q2.4.overfit.verdict', marks: 1.5, multiple: false, options: CHANGE_OPTIONS, correct: [verdict], mistakes: changeMistakes(verdict, numbers) },
      why,
    ];
  },
  hints: [
    'Hand in both runs: the augmented one (trained in this chapter) and one of the same model without augmentation (chapter 2.3\'s, or this chapter\'s with every transform off). The newest of each is read.',
    'The gap is training accuracy minus validation accuracy at the last epoch; overfitting went down when the augmented run\'s gap is clearly smaller.',
  ],
};

const metrics: ExerciseDef = {
  id: 'q2.4.metrics',
  usesRuns: true,
  marks: 3,
  title: 'Test accuracy, F1 and confusion matrix of your augmented run',
  inputs: [
    { key: 'q2.4.metrics.accuracy', kind: 'number', label: 'Test accuracy of your handed-in augmented run', placeholder: 'e.g. 0.7467' },
    { key: 'q2.4.metrics.f1', kind: 'number', label: 'Macro F1 of your handed-in augmented run', placeholder: 'e.g. 0.7513' },
    { key: 'q2.4.metrics.confusion', kind: 'text', label: 'What the confusion matrix shows, compared with the run without augmentation' },
  ],
  params: () => ({}),
  parts: async (_v, context) => {
    const { augmented: run, baseline } = augmentationPair(context?.runs);
    const discussion: PartSpec = { kind: 'text', key: 'q2.4.metrics.confusion', marks: 1 };
    if (!run?.test) return [{ kind: 'text', key: 'q2.4.metrics.accuracy', marks: 1 }, { kind: 'text', key: 'q2.4.metrics.f1', marks: 1 }, discussion];
    const m = metricsFromConfusion(run.test.confusion);
    const b = baseline?.test ? metricsFromConfusion(baseline.test.confusion) : null;
    const last = run.epochs.at(-1);
    const percent = (x: number): NumberMistake => ({ id: 'percent', value: 100 * x, message: `Write it as a fraction (${x.toFixed(4)}) or with a % sign (${(100 * x).toFixed(2)} %).` });
    const homework = (x: number | undefined): NumberMistake[] => (x === undefined ? [] : [{ id: 'homework', value: x, message: 'That is the number the homework reported for its augmented run; give your own run\'s.' }]);
    const base = (x: number | undefined): NumberMistake[] => (x === undefined ? [] : [{ id: 'baseline', value: x, message: 'That is the run without augmentation; give the augmented run\'s.' }]);
    return [
      { kind: 'number', key: 'q2.4.metrics.accuracy', marks: 1, answer: m.accuracy, tol: RUN_TOL,
        mistakes: distinct([percent(m.accuracy), ...homework(reported?.testAccuracy), ...base(b?.accuracy),
          { id: 'val-acc', value: last?.valAccuracy ?? NaN, message: 'That is the validation accuracy of the last epoch; the question asks for the test split.' }], m.accuracy, RUN_TOL.abs) },
      { kind: 'number', key: 'q2.4.metrics.f1', marks: 1, answer: m.macroF1, tol: RUN_TOL,
        mistakes: distinct([percent(m.macroF1), ...homework(reported?.macroF1), ...base(b?.macroF1),
          { id: 'weighted', value: m.weightedF1, message: 'That is the support-weighted F1; give the macro F1, the plain mean of the per-class F1 scores.' },
          { id: 'accuracy', value: m.accuracy, message: 'That is the accuracy; F1 is the harmonic mean of precision and recall, per class, then averaged.' }], m.macroF1, RUN_TOL.abs) },
      discussion,
    ];
  },
  hints: ['The results under the training widget show both; they are recomputed here from the confusion matrix of your handed-in augmented run.'],
};

const choice: ExerciseDef = {
  id: 'q2.4.choice',
  marks: 3,
  title: 'Your augmentations and why',
  inputs: [{ key: 'q2.4.choice', kind: 'text', label: 'The three or more augmentations you chose, with their parameters, why each keeps the label, and what the samples show' }],
  params: () => ({}),
  parts: async () => [{ kind: 'text', key: 'q2.4.choice', marks: 3 }],
  hints: ['Name each with its parameters as the run record does, for example ColorJitter(brightness=(0.7, 1.3)); say what in the photos it imitates.'],
};

/** Exercises of chapter 2.4 (q2.4's 10 marks: 5 checked against the handed-in runs when both are there, 5 for discussion, marked by hand). */
export const Q2_4: ExerciseDef[] = [choice, overfit, metrics];
