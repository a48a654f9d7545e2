import type { ExerciseDef } from '../exercises/exercise';
import { formatNumber } from '../exercises/format-number';
import type { NumberMistake } from '../exercises/types';
import { bce, bceLosses, bceMean } from '../math/bce';
import { l2Numbers, onePapaya, threePapayas } from './q1-1-variants';

/** Numeric answers of Question 1.1 are accepted within ±0.0005 (3 correct decimals); 1.793 for 1.7936 is not. */
const TOL = { abs: 5e-4, rel: 0 };

/** Drops named mistakes that would lie within the tolerance of the answer for this variant. */
const distinct = (answer: number, mistakes: NumberMistake[]) => mistakes.filter((m) => Math.abs(m.value - answer) > TOL.abs);

const REASONS = [
  { id: 'vanishing', label: 'With a sigmoid output, dL/dz = (ŷ − y)·ŷ(1 − ŷ) for MSE, which vanishes when the model is confidently wrong.' },
  { id: 'nonconvex', label: 'MSE through a sigmoid is non-convex in the weights; BCE is convex for logistic regression.' },
  { id: 'likelihood', label: 'BCE is the negative log-likelihood of a Bernoulli label, and it penalises confident mistakes without bound.' },
  { id: 'imbalance', label: 'MSE cannot cope with class imbalance, while BCE can.' },
  { id: 'negative', label: 'MSE can become negative for probabilities.' },
  { id: 'cost', label: 'MSE is more expensive to compute than BCE.' },
];

const EFFECTS = [
  { id: 'a-smaller', label: 'has weights of smaller magnitude' },
  { id: 'a-larger', label: 'has weights of larger magnitude' },
  { id: 'same', label: 'has the same weights: L2 only changes the value of the cost' },
  { id: 'a-zero', label: 'has most weights exactly zero' },
];

const q1_1a: ExerciseDef = {
  id: 'q1.1a',
  marks: 1,
  title: 'Why is MSE a poor loss here?',
  inputs: [{
    key: 'q1.1a', kind: 'choice', label: 'Select every correct reason', multiple: true, options: REASONS }],
  params: () => ({}),
  parts: async () => [{
    kind: 'choice', key: 'q1.1a', marks: 1, multiple: true,
    options: REASONS,
    correct: ['vanishing', 'nonconvex', 'likelihood'],
    mistakes: [
      { id: 'imbalance', chosen: ['imbalance'], message: 'Class imbalance is not the reason: both losses suffer from it equally.' },
      { id: 'imbalance', chosen: ['vanishing', 'nonconvex', 'likelihood', 'imbalance'], message: 'Almost: class imbalance is not a reason, both losses suffer from it equally.' },
      { id: 'negative', chosen: ['negative'], message: 'A square is never negative.' },
    ],
  }],
  hints: [
    'Differentiate ½(σ(z) − y)² with respect to z and look at the factor σ′(z) = ŷ(1 − ŷ).',
    'Think of BCE as −log of the probability the model gives to the true label.',
  ],
};

const q1_1b: ExerciseDef = {
  id: 'q1.1b',
  marks: 1,
  title: 'The binary cross-entropy loss',
  inputs: [{ key: 'q1.1b', kind: 'formula', label: 'L(y, p) with p = ŷ', placeholder: 'a formula in y and p, e.g. (y - p)^2' }],
  params: () => ({}),
  parts: async () => [{
    kind: 'formula', key: 'q1.1b', marks: 1,
    answer: '-(y*log(p) + (1-y)*log(1-p))',
    variables: [{ name: 'y', values: [0, 1] }, { name: 'p', lo: 0.05, hi: 0.95 }],
    scaleInvariant: true,
    aliases: { 'ŷ': 'p', yhat: 'p', y_hat: 'p' },
    tol: { rel: 1e-6, abs: 1e-9 },
    mistakes: [
      { id: 'sign', expr: 'y*log(p) + (1-y)*log(1-p)', message: 'The minus sign is missing: log p ≤ 0, so without it the loss is negative.' },
      { id: 'swapped', expr: '-(y*log(1-p) + (1-y)*log(p))', message: 'The branches are swapped: y = 1 must be scored by log ŷ.' },
      { id: 'mse', expr: '(y-p)^2', message: 'That is the squared error, not the cross-entropy.' },
    ],
  }],
  hints: ['The model gives probability ŷ to y = 1 and 1 − ŷ to y = 0; the loss is −log of the probability of the true label.'],
};

const q1_1c: ExerciseDef = {
  id: 'q1.1c',
  marks: 1,
  title: 'Loss of one papaya',
  inputs: [{ key: 'q1.1c', kind: 'number', label: 'Loss in bits', placeholder: 'e.g. log2(50) or 5.6439' }],
  params: (v) => {
    const [y, p] = onePapaya(v);
    return { y, p };
  },
  parts: async (v) => {
    const [y, p] = onePapaya(v);
    const answer = bce(y, p, 'bits');
    return [{
      kind: 'number', key: 'q1.1c', marks: 1, answer, tol: TOL,
      mistakes: distinct(answer, [
        { id: 'nats', value: bce(y, p, 'nats'), message: 'That is the loss in nats (natural log); the question asks for bits (log base 2).' },
        { id: 'wrong-branch', value: bce(1 - y, p, 'bits'), message: `That scores the other label: with y = ${y} the loss is −log₂ ${y === 1 ? 'ŷ' : '(1 − ŷ)'}.` },
      ]),
    }];
  },
  hints: ['Only one of the two terms survives for a given y.', 'log₂ x = ln x / ln 2.'],
};

const q1_1d: ExerciseDef = {
  id: 'q1.1d',
  marks: 2,
  title: 'Loss of three papayas and their average',
  inputs: [
    { key: 'q1.1d.losses', kind: 'vector', label: 'Loss of each papaya in bits', length: 3 },
    { key: 'q1.1d.mean', kind: 'number', label: 'Average loss in bits' },
  ],
  params: (v) => Object.fromEntries(threePapayas(v).flatMap(([y, p], i) => [[`y${i + 1}`, y], [`p${i + 1}`, p]])),
  parts: async (v) => {
    const ex = threePapayas(v);
    const mean = bceMean(ex, 'bits');
    const truncated = Math.trunc(mean * 1000) / 1000;
    return [
      {
        kind: 'vector', key: 'q1.1d.losses', marks: 1, answer: bceLosses(ex, 'bits'), tol: TOL,
        mistakes: [{ id: 'nats', value: bceLosses(ex, 'nats'), message: 'These are the losses in nats; use log base 2 for bits.' }],
      },
      {
        kind: 'number', key: 'q1.1d.mean', marks: 1, answer: mean, tol: TOL,
        mistakes: distinct(mean, [
          { id: 'truncated', value: truncated, message: `${formatNumber(truncated)} is truncated; ${formatNumber(mean)} rounds to ${mean.toFixed(3)}. Round, don't cut.` },
          { id: 'nats', value: bceMean(ex, 'nats'), message: 'That is the average in nats; the question asks for bits.' },
          { id: 'sum', value: 3 * mean, message: 'That is the sum of the three losses; divide by 3 for the average.' },
        ]),
      },
    ];
  },
  hints: ['Compute each loss as in the previous exercise, then average.', 'Keep four decimals and round at the end.'],
};

const q1_1e: ExerciseDef = {
  id: 'q1.1e',
  marks: 2,
  title: 'L2 regularisation',
  inputs: [
    { key: 'q1.1e.w_next', kind: 'number', label: 'w after one gradient step' },
    {
      key: 'q1.1e.effect', kind: 'choice', label: 'After training, compared with model B (no L2), model A (with L2)…', multiple: false,
      options: EFFECTS,
    },
  ],
  params: (v) => {
    const s = l2Numbers(v);
    return { w: s.w, g: s.dLdw, alpha: s.lr, lambda: s.lambda };
  },
  parts: async (v) => {
    const { l2StepAutodiff, plainStep, weightDecayStep } = await import('../math/l2-step');
    const s = l2Numbers(v);
    const answer = l2StepAutodiff(s);
    return [
      {
        kind: 'number', key: 'q1.1e.w_next', marks: 1, answer, tol: TOL,
        mistakes: distinct(answer, [
          { id: 'weight-decay', value: weightDecayStep(s), message: 'That is PyTorch\'s weight_decay convention w − α(g + λw), the gradient of L + (λ/2)w². Here the cost is L + λw², whose gradient has 2λw.' },
          { id: 'no-l2', value: plainStep(s), message: 'The L2 term is missing from the gradient: ∂(λw²)/∂w = 2λw.' },
          { id: 'ascent', value: s.w + s.lr * (s.dLdw + 2 * s.lambda * s.w), message: 'Sign error: gradient descent subtracts α times the gradient.' },
        ]),
      },
      {
        kind: 'choice', key: 'q1.1e.effect', marks: 1, multiple: false,
        options: EFFECTS,
        correct: ['a-smaller'],
        mistakes: [{ id: 'l1', chosen: ['a-zero'], message: 'Exact zeros are typical of L1 regularisation; L2 shrinks weights towards zero without making them exactly zero.' }],
      },
    ];
  },
  hints: ['Differentiate the cost L + λw² with respect to w.', 'Every step multiplies w by (1 − 2αλ) before the data gradient acts: weight decay.'],
};

/** Exercises of chapter 1.1 (q1.1a–e). */
export const Q1_1: ExerciseDef[] = [q1_1a, q1_1b, q1_1c, q1_1d, q1_1e];
