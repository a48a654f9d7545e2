import type { ExerciseDef } from '../exercises/exercise';
import type { NumberMistake, Tolerance } from '../exercises/types';
import { bce, bceLosses, bceMean } from '../math/bce';
import { sigmoid } from '../math/logistic';
import {
  confidentlyWrong,
  decayedWeight,
  decaySteps,
  l2Numbers,
  logitGradients,
  NORM_NAMES,
  normQuestion,
  onePapaya,
  threePapayas,
} from './q1-1-variants';

/** Numeric answers of Question 1.1 are accepted within ±0.0005 (3 correct decimals); 1.793 for 1.7936 is not. */
const TOL = { abs: 5e-4, rel: 0 };
/** q1.1a's gradients are asked to 4 decimals: the MSE one is only about 0.003–0.05. */
const TOL4 = { abs: 5e-5, rel: 0 };
/** Unit words a loss in bits may carry. */
const BITS = ['bits', 'bit'];

/** Drops named mistakes that would lie within the tolerance of the answer for this variant. */
const distinct = (answer: number, mistakes: NumberMistake[], tol: Tolerance = TOL) =>
  mistakes.filter((m) => Math.abs(m.value - answer) > (tol.abs ?? 0));

const READINGS = [
  {
    id: 'vanishing',
    label:
      'The MSE gradient is tiny: its factor ŷ(1 − ŷ) vanishes when the model is confidently wrong, so this papaya barely moves the weights, while BCE pushes with nearly the whole error.',
  },
  { id: 'exploding', label: 'The MSE gradient is too large: a step on this papaya overshoots, and BCE damps it.' },
  { id: 'same', label: 'Both gradients have the same sign, so MSE and BCE train alike here; the choice of loss does not matter.' },
  { id: 'imbalance', label: 'Sweet papayas are rarer than others, and MSE cannot cope with class imbalance while BCE can.' },
];

const q1_1a: ExerciseDef = {
  id: 'q1.1a',
  marks: 1,
  title: 'Why is MSE a poor loss here?',
  inputs: [
    { key: 'q1.1a.mse', kind: 'number', label: '∂L/∂z for L = ½(ŷ − y)²', example: '2*exp(-3) or 0.0712' },
    { key: 'q1.1a.bce', kind: 'number', label: '∂L/∂z for the binary cross-entropy (natural log)', example: '1/(1 + exp(2)) or -0.2' },
    { key: 'q1.1a', kind: 'choice', label: 'What do your two gradients show?', multiple: false, options: READINGS },
  ],
  params: (v) => {
    const p = confidentlyWrong(v);
    return { y: p.y, z: p.z };
  },
  parts: async (v) => {
    const p = confidentlyWrong(v);
    const { mse, bce: bceGrad } = logitGradients(p);
    const yhat = sigmoid(p.z);
    return [
      {
        kind: 'number',
        key: 'q1.1a.mse',
        marks: 0.25,
        answer: mse,
        tol: TOL4,
        mistakes: distinct(
          mse,
          [
            { id: 'no-half', value: 2 * mse, message: "That is the gradient of (ŷ − y)², without the ½ of this question's loss." },
            { id: 'no-sigmoid', value: yhat - p.y, message: 'That is ∂L/∂ŷ: the chain rule also multiplies by ∂ŷ/∂z = σ′(z).' },
          ],
          TOL4,
        ),
      },
      {
        kind: 'number',
        key: 'q1.1a.bce',
        marks: 0.25,
        answer: bceGrad,
        tol: TOL4,
        mistakes: distinct(
          bceGrad,
          [
            {
              id: 'bits',
              value: bceGrad / Math.LN2,
              message: 'That is the gradient of the loss in bits (log base 2); here the loss uses the natural log, ln.',
            },
            {
              id: 'wrt-yhat',
              value: -p.y / yhat + (1 - p.y) / (1 - yhat),
              message: 'That is ∂L/∂ŷ: the chain rule also multiplies by ∂ŷ/∂z = σ′(z).',
            },
            { id: 'swapped', value: mse, message: 'That is the gradient of the squared error, not of the cross-entropy.' },
          ],
          TOL4,
        ),
      },
      {
        kind: 'choice',
        key: 'q1.1a',
        marks: 0.5,
        multiple: false,
        options: READINGS,
        correct: ['vanishing'],
        mistakes: [
          {
            id: 'exploding',
            chosen: ['exploding'],
            message: 'Compare the sizes of your two numbers again: which loss gives the smaller step?',
          },
          {
            id: 'same',
            chosen: ['same'],
            message: "The sign is the same, but a gradient step is proportional to the gradient's size: compare the sizes.",
          },
          {
            id: 'imbalance',
            chosen: ['imbalance'],
            message: 'Class imbalance is not the reason: both losses suffer from it, and one papaya says nothing about class frequencies.',
          },
        ],
      },
    ];
  },
  hints: [
    'First compute ŷ = σ(z). Then differentiate ½(σ(z) − y)² with respect to z by the chain rule.',
    "For BCE with the natural log the sigmoid's derivative cancels: the chapter derives ∂L/∂z in one line.",
  ],
};

const q1_1b: ExerciseDef = {
  id: 'q1.1b',
  marks: 1,
  title: 'The binary cross-entropy loss',
  inputs: [{ key: 'q1.1b', kind: 'formula', label: 'L(y, p) with p = ŷ', placeholder: 'a formula in y and p, e.g. (y - p)^2' }],
  params: () => ({}),
  parts: async () => [
    {
      kind: 'formula',
      key: 'q1.1b',
      marks: 1,
      answer: '-(y*log(p) + (1-y)*log(1-p))',
      variables: [
        { name: 'y', values: [0, 1] },
        { name: 'p', lo: 0.05, hi: 0.95 },
      ],
      scaleInvariant: true,
      aliases: { ŷ: 'p', yhat: 'p', y_hat: 'p' },
      display: { p: '\\hat y' },
      tol: { rel: 1e-6, abs: 1e-9 },
      mistakes: [
        {
          id: 'sign',
          expr: 'y*log(p) + (1-y)*log(1-p)',
          message: 'The minus sign is missing: log p ≤ 0, so without it the loss is negative.',
        },
        {
          id: 'swapped',
          expr: '-(y*log(1-p) + (1-y)*log(p))',
          message: 'The branches are swapped: each label must be scored by the probability the model gives to that label.',
        },
        { id: 'mse', expr: '(y-p)^2', message: 'That is the squared error, not the cross-entropy.' },
      ],
    },
  ],
  hints: ['The model gives probability ŷ to y = 1 and 1 − ŷ to y = 0; the loss is −log of the probability of the true label.'],
};

const q1_1c: ExerciseDef = {
  id: 'q1.1c',
  marks: 1,
  title: 'Loss of one papaya',
  inputs: [{ key: 'q1.1c', kind: 'number', label: 'Loss in bits', example: 'log2(50) or 5.6439' }],
  params: (v) => {
    const [y, p] = onePapaya(v);
    return { y, p };
  },
  parts: async (v) => {
    const [y, p] = onePapaya(v);
    const answer = bce(y, p, 'bits');
    return [
      {
        kind: 'number',
        key: 'q1.1c',
        marks: 1,
        answer,
        tol: TOL,
        units: BITS,
        mistakes: distinct(answer, [
          {
            id: 'nats',
            value: bce(y, p, 'nats'),
            message: 'That is the loss in nats (natural log, ln); the question asks for bits (log base 2).',
          },
          {
            id: 'wrong-branch',
            value: bce(1 - y, p, 'bits'),
            message: 'That is the loss of the other label: only the term of the true label survives.',
          },
        ]),
      },
    ];
  },
  hints: ['Only one of the two terms survives for a given y.', 'log₂ x = ln x / ln 2.'],
};

const q1_1d: ExerciseDef = {
  id: 'q1.1d',
  marks: 2,
  title: 'Loss of three papayas and their average',
  inputs: [
    { key: 'q1.1d.losses', kind: 'vector', label: 'Loss of each papaya in bits', length: 3, example: '1.2345, log2(3), 0.0625' },
    { key: 'q1.1d.mean', kind: 'number', label: 'Average loss in bits', example: '(5 + 6 + 7)/3 or 6' },
  ],
  params: (v) =>
    Object.fromEntries(
      threePapayas(v).flatMap(([y, p], i) => [
        [`y${i + 1}`, y],
        [`p${i + 1}`, p],
      ]),
    ),
  parts: async (v) => {
    const ex = threePapayas(v);
    const mean = bceMean(ex, 'bits');
    return [
      {
        kind: 'vector',
        key: 'q1.1d.losses',
        marks: 1,
        answer: bceLosses(ex, 'bits'),
        tol: TOL,
        mistakes: [
          { id: 'nats', value: bceLosses(ex, 'nats'), message: 'These are the losses in nats (natural log, ln); use log base 2 for bits.' },
        ],
      },
      {
        kind: 'number',
        key: 'q1.1d.mean',
        marks: 1,
        answer: mean,
        tol: TOL,
        units: BITS,
        mistakes: distinct(mean, [
          {
            id: 'truncated',
            value: Math.trunc(mean * 1000) / 1000,
            message: 'Truncated: digits were cut off instead of rounded. Round to the nearest in the last decimal you keep.',
          },
          { id: 'nats', value: bceMean(ex, 'nats'), message: 'That is the average in nats (natural log, ln); the question asks for bits.' },
          { id: 'sum', value: 3 * mean, message: 'That is the sum of the three losses, not their average.' },
        ]),
      },
    ];
  },
  hints: ['Compute each loss as in the previous exercise, then average.', 'Keep four decimals and round at the end.'],
};

const EFFECTS = NORM_NAMES.map((name) => ({ id: name.toLowerCase(), label: name }));

const q1_1e: ExerciseDef = {
  id: 'q1.1e',
  marks: 2,
  title: 'L2 regularisation',
  inputs: [
    { key: 'q1.1e.w_next', kind: 'number', label: 'w after one gradient step', example: 'sqrt(2)/2 or -0.125' },
    { key: 'q1.1e.decay', kind: 'number', label: 'w after the steps with ∂L/∂w = 0', example: '3/7 or 0.4286' },
    { key: 'q1.1e.effect', kind: 'choice', label: 'Which model was trained with the largest λ?', multiple: false, options: EFFECTS },
  ],
  params: (v) => {
    const s = l2Numbers(v);
    const n = normQuestion(v);
    return {
      w: s.w,
      g: s.dLdw,
      alpha: s.lr,
      lambda: s.lambda,
      k: decaySteps(v),
      ...Object.fromEntries(NORM_NAMES.map((name, i) => [name, `[${n.vectors[i].join(', ')}]`])),
    };
  },
  parts: async (v) => {
    const { l2StepAutodiff, plainStep, weightDecayStep } = await import('../math/l2-step');
    const s = l2Numbers(v);
    const answer = l2StepAutodiff(s);
    const k = decaySteps(v);
    const decayed = decayedWeight(s, k);
    const n = normQuestion(v);
    return [
      {
        kind: 'number',
        key: 'q1.1e.w_next',
        marks: 1,
        answer,
        tol: TOL,
        mistakes: distinct(answer, [
          {
            id: 'weight-decay',
            value: weightDecayStep(s),
            message: "That is PyTorch's weight_decay convention w − α(g + λw), the gradient of L + (λ/2)w². Here the cost is L + λw².",
          },
          { id: 'no-l2', value: plainStep(s), message: 'The L2 term is missing from the gradient: differentiate λw² too.' },
          {
            id: 'ascent',
            value: s.w + s.lr * (s.dLdw + 2 * s.lambda * s.w),
            message: 'Sign error: gradient descent subtracts α times the gradient.',
          },
        ]),
      },
      {
        kind: 'number',
        key: 'q1.1e.decay',
        marks: 0.5,
        answer: decayed,
        tol: TOL,
        mistakes: distinct(decayed, [
          {
            id: 'linear',
            value: s.w * (1 - 2 * s.lr * s.lambda * k),
            message: 'That takes the same amount off at every step. Each step multiplies w by the same factor, so the shrinking compounds.',
          },
          {
            id: 'weight-decay',
            value: s.w * (1 - s.lr * s.lambda) ** k,
            message: "That is PyTorch's weight_decay convention (the gradient of (λ/2)w²). Here the cost is L + λw².",
          },
          { id: 'one-step', value: decayedWeight(s, 1), message: 'That is one step; the question asks for all of them.' },
        ]),
      },
      {
        kind: 'choice',
        key: 'q1.1e.effect',
        marks: 0.5,
        multiple: false,
        options: EFFECTS,
        correct: [EFFECTS[n.largest].id],
        mistakes: [
          { id: 'largest-norm', chosen: [EFFECTS[n.none].id], message: 'Think about what the penalty λ‖w‖² does to ‖w‖ as λ grows.' },
          {
            id: 'one-entry',
            chosen: [EFFECTS[n.middle].id],
            message: 'Compare whole vectors, not single entries: the penalty is λ‖w‖², the sum of the squares.',
          },
        ],
      },
    ];
  },
  hints: [
    'Differentiate the cost L + λw² with respect to w.',
    'With ∂L/∂w = 0 a step is w ← w − α·2λw: what does one step multiply w by?',
    '‖w‖² = w₁² + w₂²: compute it for each model.',
  ],
};

/** Exercises of chapter 1.1 (q1.1a–e). */
export const Q1_1: ExerciseDef[] = [q1_1a, q1_1b, q1_1c, q1_1d, q1_1e];
