import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { grade } from '../../../src/exercises/grade';
import type { PartSpec, RawAnswer } from '../../../src/exercises/types';
import { FIX as math } from '../../helpers/math-fixtures';

const SPECS: PartSpec[] = [
  { kind: 'number', key: 'q1.1d.mean', marks: 1, answer: math.bce_average_homework.bits },
  { kind: 'vector', key: 'q1.2e.softmax', marks: 1, answer: math.softmax[1].softmax },
  { kind: 'matrix', key: 'q1.2d.jacobian', marks: 1, answer: math.softmax[0].jacobian_dyk_dzj },
  { kind: 'shape', key: 'q1.2a.Z2', marks: 1, answer: ['K', 'm'], symbols: ['K', 'Da', 'Dx', 'm'] },
  { kind: 'formula', key: 'q1.1b', marks: 1, answer: '-(y*log(p) + (1-y)*log(1-p))', variables: [{ name: 'y', values: [0, 1] }, { name: 'p', lo: 0.01, hi: 0.99 }], scaleInvariant: true },
  { kind: 'choice', key: 'q1.1e.effect', marks: 1, multiple: false, options: [{ id: 'smaller', label: 'A smaller' }, { id: 'larger', label: 'A larger' }], correct: ['smaller'] },
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
    expect(grade(SPECS[6], 'Because the gradient vanishes.')).toMatchObject({ status: 'manual', marks: 0, maxMarks: 1, message: 'Saved for the instructor.' });
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
      fc.constantFrom('1.7936', '0.2447', 'K x m', 'm x K', 'smaller', 'larger', '__proto__', 'constructor', '1e999', '('.repeat(100), 'log(0)', '1/0', 'y*log(p)'),
    );
    const raw: fc.Arbitrary<RawAnswer> = fc.oneof(cell, fc.array(cell, { maxLength: 4 }), fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 }));
    fc.assert(fc.property(fc.constantFrom(...SPECS), raw, (spec, answer) => {
      const f = grade(spec, answer);
      expect(f.message.startsWith('Correct')).toBe(f.status === 'correct');
      expect(f.marks).toBe(f.status === 'correct' ? spec.marks : 0);
      expect(f.message).not.toMatch(/internal error/);
      if (f.status === 'unreadable') expect(f.message).toMatch(/^(Could not read|No answer yet\.)/);
    }), { seed: 42, numRuns: 300 });
  });

  it('prefixes a mistake message that would begin with "Correct"', () => {
    const spec: PartSpec = { kind: 'number', key: 'k', marks: 1, answer: 1, mistakes: [{ id: 'm', value: 2, message: 'Correct idea, wrong base.' }] };
    expect(grade(spec, '2')).toMatchObject({ status: 'wrong', message: 'Not quite: Correct idea, wrong base.' });
  });

  it('cannot read a raw answer that is not text', () => {
    expect(grade(SPECS[0], 42 as unknown as RawAnswer)).toMatchObject({ status: 'unreadable', message: expect.stringMatching(/^Could not read/) });
  });
});
