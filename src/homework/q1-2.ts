import type { ExerciseDef } from '../exercises/exercise';
import type { ArrayMistake } from '../exercises/types';
import { parameterCount } from '../math/shapes';
import { jacobianMistakes } from '../math/jacobian-check';
import { softmax } from '../math/softmax';
import { hugeLogits, jacobianPoint, layerSizes, ORDINAL, vectorText } from './q1-2-variants';

/** Vectors and matrices of probabilities are accepted within ±0.0005 per entry. */
const TOL = { abs: 5e-4, rel: 0 };

const SYMBOLS = ['K', 'Da', 'Dx', 'm'];

const DW_OPTIONS = [
  { id: 'outer', label: '(ŷ − y) a[1]ᵀ, a K×Da matrix' },
  { id: 'outer-t', label: 'a[1] (ŷ − y)ᵀ, a Da×K matrix' },
  { id: 'input', label: '(ŷ − y) xᵀ, a K×Dx matrix' },
  { id: 'back', label: 'W[2]ᵀ (ŷ − y), a vector of length Da' },
  { id: 'hadamard', label: '(ŷ − y) ⊙ a[1], elementwise' },
];

const PROBLEM_OPTIONS = [
  { id: 'overflow', label: 'exp of a large logit overflows to ∞, and ∞/∞ gives NaN' },
  { id: 'underflow', label: 'exp of a very negative logit underflows to 0, and log 0 = −∞' },
  { id: 'negative', label: 'softmax can return negative probabilities' },
  { id: 'not-normalised', label: 'the outputs no longer sum to 1 when K is large' },
];

/** Drops named vector mistakes that coincide with the answer (within the tolerance) for this variant. */
const farFrom = (answer: number[], mistakes: ArrayMistake[]) =>
  mistakes.filter((m) => (m.value as number[]).some((x, i) => Math.abs(x - answer[i]) > TOL.abs));

const shapeMistake = (id: string, value: string[], message: string) => ({ id, value, message });

const q1_2a: ExerciseDef = {
  id: 'q1.2a',
  marks: 1,
  title: 'Shapes',
  inputs: [
    { key: 'q1.2a.W2', kind: 'shape', label: 'Shape of W[2]', example: 'Da × Dx or (Da, Dx)' },
    { key: 'q1.2a.b2', kind: 'shape', label: 'Shape of b[2]', example: 'Da × 1' },
    { key: 'q1.2a.Z2', kind: 'shape', label: 'Shape of Z[2] for m samples', example: 'Da × m' },
  ],
  params: () => ({}),
  parts: async () => [
    {
      kind: 'shape',
      key: 'q1.2a.W2',
      marks: 1 / 3,
      answer: ['K', 'Da'],
      symbols: SYMBOLS,
      mistakes: [
        shapeMistake('transposed', ['Da', 'K'], 'Transposed: a weight matrix has one row per output unit and one column per input unit.'),
      ],
    },
    {
      kind: 'shape',
      key: 'q1.2a.b2',
      marks: 1 / 3,
      answer: ['K', '1'],
      symbols: SYMBOLS,
      mistakes: [
        shapeMistake(
          'per-sample',
          ['K', 'm'],
          'The bias has no column per sample: all samples share it, and broadcasting adds it to each of the m columns.',
        ),
        shapeMistake('row', ['1', 'K'], 'A row vector: b[2] is added to the column vector z[2] of one sample, so it must be a column too.'),
        shapeMistake(
          'one-dim',
          ['K'],
          'That is a 1-D shape, as numpy writes (K,). The homework writes vectors as columns, so give b[2] as a matrix shape with two dimensions.',
        ),
      ],
    },
    {
      kind: 'shape',
      key: 'q1.2a.Z2',
      marks: 1 / 3,
      answer: ['K', 'm'],
      symbols: SYMBOLS,
      mistakes: [shapeMistake('transposed', ['m', 'K'], 'Transposed: the samples are stacked as columns.')],
    },
  ],
  hints: ['Write z[2] = W[2]a[1] + b[2] with the shape of each factor under it; the inner dimensions must match.'],
};

const q1_2b: ExerciseDef = {
  id: 'q1.2b',
  marks: 1,
  title: 'Number of trainable parameters',
  inputs: [{ key: 'q1.2b', kind: 'number', label: 'Number of trainable parameters', example: '3*2 + 3 or 9' }],
  params: (v) => layerSizes(v),
  parts: async (v) => {
    const s = layerSizes(v);
    return [
      {
        kind: 'number',
        key: 'q1.2b',
        marks: 1,
        answer: parameterCount(s),
        tol: { abs: 1e-9, rel: 0 },
        units: ['parameters', 'params'],
        mistakes: [
          { id: 'no-bias', value: s.Da * s.Dx + s.K * s.Da, message: 'The biases are missing: b[1] has Da entries and b[2] has K.' },
          { id: 'one-bias', value: s.Da * s.Dx + s.K * s.Da + s.Da, message: 'b[2] (K entries) is missing.' },
        ].filter((m) => m.value !== parameterCount(s)),
      },
    ];
  },
  hints: ['Count W[1], b[1], W[2] and b[2] separately from their shapes.'],
};

const q1_2c: ExerciseDef = {
  id: 'q1.2c',
  marks: 1,
  title: 'The derivative of softmax',
  inputs: [{ key: 'q1.2c', kind: 'formula', label: '∂ŷ_k/∂z_j in y_k, y_j and d = δ_kj', example: 'd - y_j^2' }],
  params: () => ({}),
  parts: async () => [
    {
      kind: 'formula',
      key: 'q1.2c',
      marks: 1,
      answer: 'y_k*(d - y_j)',
      variables: [
        { name: 'y_k', lo: 0.05, hi: 0.95 },
        { name: 'y_j', lo: 0.05, hi: 0.95, equals: { name: 'y_k', when: 'd', is: 1 } },
        { name: 'd', values: [0, 1] },
      ],
      aliases: { ŷ_k: 'y_k', ŷ_j: 'y_j', yk: 'y_k', yj: 'y_j', δ_kj: 'd', δ: 'd', delta: 'd' },
      display: { y_k: '\\hat y_k', y_j: '\\hat y_j', d: '\\delta_{kj}' },
      tol: { rel: 1e-6, abs: 1e-9 },
      mistakes: [
        {
          id: 'missing-diagonal',
          expr: '-y_k*y_j',
          message: 'The diagonal term is missing: for k = j the numerator e^{z_k} also depends on z_j.',
        },
        { id: 'sign', expr: 'y_k*(y_j - d)', message: 'Sign error: raising z_k must raise ŷ_k, so the diagonal entries are positive.' },
        { id: 'no-delta', expr: 'y_k*(1 - y_j)', message: 'This holds only on the diagonal (k = j); the formula must also cover k ≠ j.' },
      ],
    },
  ],
  hints: ['Use the quotient rule on ŷ_k = e^{z_k} / Σ_i e^{z_i}, separately for k = j and k ≠ j.'],
};

const q1_2d: ExerciseDef = {
  id: 'q1.2d',
  marks: 3,
  title: 'The Jacobian and the gradients of cross-entropy',
  inputs: [
    { key: 'q1.2d.jacobian', kind: 'matrix', label: 'Jacobian ∂ŷ_k/∂z_j (row k, column j)', rows: 3, cols: 3 },
    { key: 'q1.2d.dz', kind: 'vector', label: '∂L/∂z[2]', length: 3, example: '0.2525, -0.5051, 1/4' },
    { key: 'q1.2d.dW', kind: 'choice', label: '∂L/∂W[2] is', multiple: false, options: DW_OPTIONS },
  ],
  params: (v) => {
    const { z, target } = jacobianPoint(v);
    return { z: vectorText(z), target: ORDINAL[target], targetIndex: target };
  },
  parts: async (v) => {
    const { softmaxJacobianAutodiff, ceGradAutodiff } = await import('../math/softmax-autodiff');
    const { z, target } = jacobianPoint(v);
    const dz = ceGradAutodiff(z, target);
    return [
      { kind: 'matrix', key: 'q1.2d.jacobian', marks: 1, answer: softmaxJacobianAutodiff(z), tol: TOL, mistakes: jacobianMistakes(z) },
      {
        kind: 'vector',
        key: 'q1.2d.dz',
        marks: 1,
        answer: dz,
        tol: TOL,
        mistakes: [
          { id: 'sign', value: dz.map((g) => -g), message: 'Sign error: every entry has the opposite sign of the gradient.' },
          { id: 'no-label', value: softmax(z), message: 'That is ŷ alone: the label y is missing from the gradient.' },
        ],
      },
      {
        kind: 'choice',
        key: 'q1.2d.dW',
        marks: 1,
        multiple: false,
        options: DW_OPTIONS,
        correct: ['outer'],
        mistakes: [
          { id: 'transposed', chosen: ['outer-t'], message: 'Transposed: ∂L/∂W[2] has the shape of W[2], K×Da.' },
          { id: 'input', chosen: ['input'], message: 'W[2] multiplies a[1], not x.' },
          { id: 'back', chosen: ['back'], message: 'That is ∂L/∂a[1], the gradient passed back to the hidden layer.' },
        ],
      },
    ];
  },
  hints: [
    'Fill in ŷ_k(δ_kj − ŷ_j) with ŷ = softmax(z[2]).',
    'For cross-entropy with a one-hot y, the Jacobian and −y/ŷ combine to ŷ − y.',
    'z_k = Σ_j W_kj a_j + b_k, so ∂z_k/∂W_kj = a_j.',
  ],
};

const q1_2e: ExerciseDef = {
  id: 'q1.2e',
  marks: 2,
  title: 'Numerical stability of softmax',
  inputs: [
    {
      key: 'q1.2e.problems',
      kind: 'choice',
      label: 'What goes wrong when softmax is computed naively?',
      multiple: true,
      options: PROBLEM_OPTIONS,
    },
    { key: 'q1.2e.softmax', kind: 'vector', label: 'softmax(z), computed stably', length: 3, example: '0.1234, 0.4321, 0.4445' },
  ],
  params: (v) => ({ z: vectorText(hugeLogits(v)) }),
  parts: async (v) => {
    const z = hugeLogits(v);
    const answer = softmax(z);
    const shifted = z.map((x) => x - Math.max(...z));
    const lowest = Math.min(...shifted);
    const flipped = shifted.map((s) => Math.exp(s === lowest ? -s : s));
    const flippedSum = flipped.reduce((a, b) => a + b, 0);
    return [
      {
        kind: 'choice',
        key: 'q1.2e.problems',
        marks: 1,
        multiple: true,
        options: PROBLEM_OPTIONS,
        correct: ['overflow', 'underflow'],
        mistakes: [{ id: 'negative', chosen: ['negative'], message: 'exp is never negative, so neither is softmax.' }],
      },
      {
        kind: 'vector',
        key: 'q1.2e.softmax',
        marks: 1,
        answer,
        tol: TOL,
        mistakes: farFrom(answer, [
          {
            id: 'exp-sign',
            value: flipped.map((e) => e / flippedSum),
            message: 'Sign error in an exponent: after subtracting the maximum, every exponent is ≤ 0.',
          },
          { id: 'sorted', value: [...answer].sort((a, b) => a - b), message: 'The entries are sorted; keep the order of z.' },
        ]),
      },
    ];
  },
  hints: ['softmax(z) = softmax(z − c) for any constant c; choose c = max z.'],
};

/** Exercises of chapter 1.2 (q1.2a–e). */
export const Q1_2: ExerciseDef[] = [q1_2a, q1_2b, q1_2c, q1_2d, q1_2e];
