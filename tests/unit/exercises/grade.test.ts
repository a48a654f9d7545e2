import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber } from '../../../src/exercises/format-number';
import { grade } from '../../../src/exercises/grade';
import type { Feedback, PartSpec, RawAnswer } from '../../../src/exercises/types';
import { homeworkVariant } from '../../../src/exercises/variant';
import { EXERCISES } from '../../../src/homework/catalog';
import { l2Numbers, onePapaya } from '../../../src/homework/q1-1-variants';
import { layerSizes } from '../../../src/homework/q1-2-variants';
import { FIX as math } from '../../helpers/math-fixtures';

const SPECS: PartSpec[] = [
  { kind: 'number', key: 'q1.1d.mean', marks: 1, answer: math.bce_average_homework.bits },
  { kind: 'vector', key: 'q1.2e.softmax', marks: 1, answer: math.softmax[1].softmax },
  { kind: 'matrix', key: 'q1.2d.jacobian', marks: 1, answer: math.softmax[0].jacobian_dyk_dzj },
  { kind: 'shape', key: 'q1.2a.Z2', marks: 1, answer: ['K', 'm'], symbols: ['K', 'Da', 'Dx', 'm'] },
  {
    kind: 'formula',
    key: 'q1.1b',
    marks: 1,
    answer: '-(y*log(p) + (1-y)*log(1-p))',
    variables: [
      { name: 'y', values: [0, 1] },
      { name: 'p', lo: 0.01, hi: 0.99 },
    ],
    scaleInvariant: true,
  },
  {
    kind: 'choice',
    key: 'q1.1e.effect',
    marks: 1,
    multiple: false,
    options: [
      { id: 'smaller', label: 'A smaller' },
      { id: 'larger', label: 'A larger' },
    ],
    correct: ['smaller'],
  },
  { kind: 'text', key: 'q1.1a.why', marks: 1 },
];

const RIGHT: Record<string, RawAnswer> = {
  'q1.1d.mean': '1.7936',
  'q1.2e.softmax': math.softmax[1].softmax.map((x: number) => x.toFixed(4)),
  'q1.2d.jacobian': math.softmax[0].jacobian_dyk_dzj.map((r: number[]) => r.map((x) => x.toFixed(4))),
  'q1.2a.Z2': 'K x m',
  'q1.1b': '-y*log2(p) - (1-y)*log2(1-p)',
  'q1.1e.effect': 'smaller',
};

describe('grade', () => {
  it('gives full marks to right answers of every kind', () => {
    for (const spec of SPECS.filter((s) => s.kind !== 'text')) {
      const f = grade(spec, RIGHT[spec.key]);
      expect(f, spec.key).toMatchObject({ key: spec.key, status: 'correct', marks: 1, maxMarks: 1 });
    }
  });

  it('says "No answer yet." for missing or blank answers of every kind', () => {
    for (const spec of SPECS) {
      for (const raw of [undefined, '', '  ', ['', ' '], [['', ''], ['']]] as (RawAnswer | undefined)[]) {
        expect(grade(spec, raw)).toMatchObject({ status: 'unreadable', marks: 0, message: 'No answer yet.' });
      }
    }
  });

  it('saves text answers for the instructor', () => {
    expect(grade(SPECS[6], 'Because the gradient vanishes.')).toMatchObject({
      status: 'manual',
      marks: 0,
      maxMarks: 1,
      message: 'Saved for the instructor.',
    });
  });

  it('cannot read garbage of any kind, and counts it as no attempt', () => {
    for (const spec of SPECS.filter((s) => s.kind !== 'text')) {
      const f = grade(spec, '3..2 $$');
      expect(f.status, spec.key).toBe('unreadable');
      expect(f.message.startsWith('Could not read'), spec.key).toBe(true);
    }
  });

  it('keeps the message contract on random answers: "Correct" exactly when correct, never throws', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom(
        '1.7936',
        '0.2447',
        'K x m',
        'm x K',
        'smaller',
        'larger',
        '__proto__',
        'constructor',
        '1e999',
        '('.repeat(100),
        'log(0)',
        '1/0',
        'y*log(p)',
      ),
    );
    const raw: fc.Arbitrary<RawAnswer> = fc.oneof(
      cell,
      fc.array(cell, { maxLength: 4 }),
      fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...SPECS), raw, (spec, answer) => {
        const f = grade(spec, answer);
        expect(f.message.startsWith('Correct')).toBe(f.status === 'correct');
        expect(f.marks).toBe(f.status === 'correct' ? spec.marks : 0);
        expect(f.message).not.toMatch(/internal error/);
        if (f.status === 'unreadable') expect(f.message).toMatch(/^(Could not read|No answer yet\.)/);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('prefixes a mistake message that would begin with "Correct"', () => {
    const spec: PartSpec = {
      kind: 'number',
      key: 'k',
      marks: 1,
      answer: 1,
      mistakes: [{ id: 'm', value: 2, message: 'Correct idea, wrong base.' }],
    };
    expect(grade(spec, '2')).toMatchObject({ status: 'wrong', message: 'Not quite: Correct idea, wrong base.' });
  });

  it('cannot read a raw answer that is not text', () => {
    expect(grade(SPECS[0], 42 as unknown as RawAnswer)).toMatchObject({
      status: 'unreadable',
      message: expect.stringMatching(/^Could not read/),
    });
  });
});

/* The book reads every notation a student would sensibly type, through grade() with the homework's own parts. */
async function part(id: string, key = id): Promise<PartSpec> {
  const spec = (await EXERCISES.find((e) => e.id === id)!.parts(homeworkVariant)).find((p) => p.key === key);
  if (!spec) throw new Error(`no part ${key}`);
  return spec;
}

function expectStatus(spec: PartSpec, texts: readonly string[], status: Feedback['status']): void {
  for (const text of texts) {
    const f = grade(spec, text);
    expect(f.status, `${spec.key}: ${text} → ${f.message}`).toBe(status);
    expect(f.message.startsWith('Correct'), text).toBe(status === 'correct');
  }
}

describe('grade: formula notations', () => {
  it("q1.2c: the book's notation, plain text, LaTeX, left-hand sides and spellings of δ_kj", async () => {
    const spec = await part('q1.2c');
    expectStatus(
      spec,
      [
        'y_k*(d - y_j)',
        'ŷ_k(δ_kj − ŷ_j)',
        'y_k(d - y_j)',
        'y_k*(delta_kj - y_j)',
        'y_k(d_kj - y_j)',
        'y_k (δ_{kj} − y_j)',
        '\\hat{y}_k(\\delta_{kj} - \\hat{y}_j)',
        '\\hat y_k \\left(\\delta_{kj} - \\hat y_j\\right)',
        'dy_k/dz_j = y_k(δ_kj − y_j)',
        '∂ŷ_k/∂z_j = ŷ_k(δ_kj − ŷ_j)',
        '\\frac{\\partial \\hat y_k}{\\partial z_j} = \\hat y_k(\\delta_{kj} - \\hat y_j)',
        'ŷₖ(δ_kj − ŷⱼ)',
        'y_k δ_kj − y_k y_j',
        '$\\hat{y}_k (\\delta_{kj} - \\hat{y}_j)$',
        'yk(d - yj)',
      ],
      'correct',
    );
    expectStatus(spec, ['ŷ_k(δ_kj + ŷ_j)', 'y_k(1 - y_j)', '-ŷ_k ŷ_j', 'ŷ_j(δ_kj − ŷ_k) + 1'], 'wrong');
    expectStatus(spec, ['y_ky_j', 'ŷ_k(δ_kj − z_j)', 'dy_k/dz_j = = y_k', '\\hat{}'], 'unreadable');
  });

  it("q1.1b: the homework's brackets, LaTeX, Unicode, functions without parentheses and any log base", async () => {
    const spec = await part('q1.1b');
    expectStatus(
      spec,
      [
        '-(y*log(p) + (1-y)*log(1-p))',
        '-[y log(p) + (1-y) log(1-p)]',
        'L = -(y \\log \\hat{y} + (1-y)\\log(1-\\hat{y}))',
        '−[y ln p + (1−y) ln(1−p)]',
        '-y log p - (1-y) log(1-p)',
        'L(y, p) = -(y log2(p) + (1 - y) log2(1 - p))',
        'L(y,\\hat y) = -\\left[y\\log\\hat{y} + (1-y)\\log(1-\\hat{y})\\right]',
        '−y·log(ŷ) − (1−y)·log(1−ŷ)',
        '-\\left(y \\ln \\hat y + (1 - y) \\ln\\left(1 - \\hat y\\right)\\right)',
        '-y \\log_2 p - (1-y)\\log_2(1-p)',
      ],
      'correct',
    );
    expectStatus(spec, ['-[y log(p) + (1-y) log(p)]', '-(y log(1-p) + (1-y) log(p))', '(y - p)^2'], 'wrong');
    expectStatus(spec, ['yp', '-[y log p q]', 'log p^2', 'y/p(1-p)', 'L = 1 = 2'], 'unreadable');
  });

  it('never gives the expected value of the formula in a message', async () => {
    const spec = await part('q1.2c');
    const f = grade(spec, 'ŷ_k(δ_kj + ŷ_j)');
    const at = new Map([...f.message.matchAll(/(\w+) = ([\d.]+)/g)].map((m) => [m[1], Number(m[2])]));
    const expected = at.get('y_k')! * (at.get('d')! - at.get('y_j')!);
    expect(f.message).not.toContain(formatNumber(expected));
  });
});

describe('grade: number notations', () => {
  it('q1.1c: logs in LaTeX and Unicode, the unit bits, and near misses', async () => {
    const spec = await part('q1.1c');
    if (spec.kind !== 'number') throw new Error('number expected');
    const [y, p] = onePapaya(homeworkVariant);
    const q = y === 1 ? `${p}` : `1 - ${p}`;
    expectStatus(
      spec,
      [
        `-log2(${q})`,
        `-\\log_2(${q})`,
        `-log₂(${q})`,
        `\\log_2\\frac{1}{${q}}`,
        `-\\log_{2}\\left(${q}\\right)`,
        `log_2(1/(${q}))`,
        `${formatNumber(spec.answer)} bits`,
        `${formatNumber(spec.answer)}\\,\\text{bits}`,
        `L = ${formatNumber(spec.answer)}`,
        `\\frac{-\\ln(${q})}{\\ln 2}`,
      ],
      'correct',
    );
    expectStatus(spec, [`-log2(${q} + 0.01)`, `-ln(${q})`, `${formatNumber(spec.answer + 1)}`], 'wrong');
    expectStatus(spec, [formatNumber(spec.answer).replace('.', ','), `${formatNumber(spec.answer)} nats`, '2 3'], 'unreadable');
  });

  it('q1.1e: a step rounded to fewer decimals than the tolerance needs costs no attempt', async () => {
    const spec = await part('q1.1e', 'q1.1e.w_next');
    if (spec.kind !== 'number') throw new Error('number expected');
    const s = l2Numbers(homeworkVariant);
    expectStatus(
      spec,
      [
        spec.answer.toFixed(3),
        `${s.w} - ${s.lr}·(${s.dLdw} + 2·${s.lambda}·${s.w})`,
        `${s.w}(1 − 2·${s.lr}·${s.lambda}) − ${s.lr}·${s.dLdw}`,
      ],
      'correct',
    );
    const early = spec.answer.toFixed(2);
    if (Math.abs(Number(early) - spec.answer) > 5e-4) {
      const f = grade(spec, early);
      expect(f.status).toBe('unreadable');
      expect(f.message).toMatch(/^Could not read ".*" precisely enough: give at least 3 decimals/);
      expect(f.message).not.toContain(spec.answer.toFixed(3));
    }
  });

  it('q1.2b: a whole-number answer, typed as a count or a sum, never told to keep decimals', async () => {
    const spec = await part('q1.2b');
    if (spec.kind !== 'number') throw new Error('number expected');
    const { Dx, Da, K } = layerSizes(homeworkVariant);
    expectStatus(
      spec,
      [`${spec.answer}`, `${spec.answer} parameters`, `${Da}·${Dx} + ${Da} + ${K}×${Da} + ${K}`, `${Da}(${Dx} + 1) + ${K}(${Da} + 1)`],
      'correct',
    );
    const off = grade(spec, `${spec.answer + 1}`);
    expect(off.status).toBe('wrong');
    expect(off.message).not.toMatch(/decimal|digit/);
  });
});

describe('grade: shape notations', () => {
  it('q1.2a: ×, \\times, x, by, tuples, ℝ^{…}, subscripts; (K,) is explained', async () => {
    const w2 = await part('q1.2a', 'q1.2a.W2');
    const b2 = await part('q1.2a', 'q1.2a.b2');
    expectStatus(
      w2,
      [
        'K \\times D_a',
        'K × Dₐ',
        'K×D_a',
        '(K, Da)',
        'ℝ^{K×Da}',
        'R^(K x Da)',
        '\\mathbb{R}^{K \\times D_a}',
        'K by D_a',
        'K x Da',
        '[K, Da]',
      ],
      'correct',
    );
    expectStatus(w2, ['K × Dx', 'Da × K'], 'wrong');
    expectStatus(w2, ['K × Q', 'K \\foo Da'], 'unreadable');
    expectStatus(b2, ['K x 1', '(K, 1)', 'K×1', '\\mathbb{R}^{K \\times 1}'], 'correct');
    expect(grade(b2, '(K,)')).toMatchObject({ status: 'wrong', mistake: 'one-dim' });
  });
});

describe('grade: hostile answers', () => {
  it('are unreadable or wrong, never thrown, and cheap', async () => {
    const specs = await Promise.all([
      part('q1.1b'),
      part('q1.2c'),
      part('q1.1c'),
      part('q1.2a', 'q1.2a.W2'),
      part('q1.1d', 'q1.1d.losses'),
      part('q1.2d', 'q1.2d.jacobian'),
    ]);
    const hostile = [
      '\\frac{'.repeat(10_000),
      'x'.repeat(100_000),
      '(((('.repeat(2000),
      '\\left('.repeat(300),
      '\\left'.repeat(150),
      '\\sqrt['.repeat(100),
      '{'.repeat(500) + '}'.repeat(500),
      '_'.repeat(900),
      '\\hat'.repeat(200),
      '1'.repeat(900),
      'y'.repeat(900),
      '= '.repeat(400),
    ];
    const start = performance.now();
    for (const spec of specs) {
      for (const text of hostile) {
        const f = grade(spec, text);
        expect(['unreadable', 'wrong'], `${spec.key}: ${text.slice(0, 20)}`).toContain(f.status);
      }
    }
    expect(performance.now() - start).toBeLessThan(5000);
  });
});
