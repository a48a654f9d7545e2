import { describe, expect, it } from 'vitest';
import type { PartSpec, Variant } from '../../../src/exercises/types';
import { homeworkVariant, seedFor } from '../../../src/exercises/variant';
import { formatNumber } from '../../../src/exercises/format-number';
import { Q1_1 } from '../../../src/homework/q1-1';
import { Q1_2 } from '../../../src/homework/q1-2';
import { confidentlyWrong, l2Numbers, onePapaya, threePapayas } from '../../../src/homework/q1-1-variants';
import { hugeLogits, jacobianPoint, layerSizes } from '../../../src/homework/q1-2-variants';
import { bceGuard, l2Guard, logitGradientGuard, logitsGuard, shapesGuard, type GuardHit } from '../../../src/widgets/exercise-guard';
import { guardMessage, guardMethod } from '../../../src/widgets/guard-message';

const VARIANTS: Variant[] = [
  homeworkVariant,
  ...Array.from({ length: 150 }, (_, i) => ({ kind: 'student' as const, seed: seedFor(`id-${i}`, 'salt') })),
];

/** Every hit the guards give for the variant's own exercise inputs. */
function ownHits(v: Variant): GuardHit[] {
  return [
    ...logitGradientGuard(v, confidentlyWrong(v).y, confidentlyWrong(v).z),
    ...bceGuard(v, ...onePapaya(v)),
    ...threePapayas(v).flatMap((e) => bceGuard(v, ...e)),
    ...l2Guard(v, l2Numbers(v)),
    ...shapesGuard(v, layerSizes(v)),
    ...logitsGuard(v, jacobianPoint(v).z),
    ...logitsGuard(v, hugeLogits(v), 'q1.2e'),
  ];
}

/** The numbers written in a text, exercise ids aside ("z[2]" gives 2; the subscript of "log₂" is not a digit). */
const numbersIn = (text: string): number[] => [...text.replace(/q\d\.\d[a-e]/g, '').matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

/** The exercise's inputs as its prompt shows them (its params), with 0, 1, 2 and 3 (formula constants, indices, K). */
function allowedNumbers(v: Variant, id: string): number[] {
  const def = [...Q1_1, ...Q1_2].find((e) => e.id === id)!;
  return [0, 1, 2, 3, ...Object.values(def.params(v)).flatMap((x) => (typeof x === 'number' ? [x] : numbersIn(x)))];
}

/** Every graded number of the exercise, from its definition. */
async function answers(v: Variant, id: string): Promise<number[]> {
  const def = [...Q1_1, ...Q1_2].find((e) => e.id === id)!;
  return ((await def.parts(v, { runs: [] })) as PartSpec[]).flatMap((p) =>
    p.kind === 'number' ? [p.answer] : p.kind === 'vector' ? p.answer : p.kind === 'matrix' ? p.answer.flat() : [],
  );
}

describe('guardMessage', () => {
  it("names the exercise and writes only the exercise's own numbers and the formula's constants (150 variants)", () => {
    for (const v of VARIANTS) {
      for (const hit of ownHits(v)) {
        const text = guardMessage([hit]);
        expect(text).toMatch(new RegExp(`^These are the numbers of exercise ${hit.exercise.replace('.', '\\.')}`));
        const allowed = allowedNumbers(v, hit.exercise);
        for (const n of numbersIn(text)) expect(allowed, `${n} in "${text}"`).toContain(n);
      }
    }
  });

  it('contains no answer of the exercise as the widgets format numbers (150 variants, parts() with tfjs)', async () => {
    for (const v of VARIANTS) {
      for (const hit of ownHits(v)) {
        const text = guardMessage([hit]);
        const inputs = allowedNumbers(v, hit.exercise);
        for (const a of await answers(v, hit.exercise)) {
          for (const shown of [formatNumber(a), a.toFixed(3)].map(Number).filter((x) => !inputs.includes(x))) {
            expect(numbersIn(text), `${shown} in "${text}"`).not.toContain(shown);
          }
        }
      }
    }
  }, 60_000);

  it('names every exercise hit, and gives the method of the first', () => {
    const hits = logitsGuard(homeworkVariant, [1, 2, 3], 'q1.2e');
    const text = guardMessage(hits);
    expect(text).toContain('exercise q1.2e (z = [1000, 1001, 999]) and of exercise q1.2d (z[2] = [1, 2, 3], true class the 2nd)');
    expect(text).toContain(`Method: ${guardMethod(hits[0])}.`);
    expect(guardMessage(bceGuard(homeworkVariant, 0, 0.9))).toContain(
      'exercise q1.1c (y = 0, ŷ = 0.9) and of exercise q1.1d, papaya 1 (y = 1, ŷ = 0.1)',
    );
    expect(guardMessage(bceGuard(homeworkVariant, 1, 0.1))).toContain(
      'exercise q1.1d, papaya 1 (y = 1, ŷ = 0.1) and of exercise q1.1c (y = 0, ŷ = 0.9)',
    );
    expect(guardMessage(bceGuard(homeworkVariant, 1, 0.1))).toContain('Method: L = −log₂ ŷ with ŷ = 0.1.');
  });
});

describe('guardMethod', () => {
  it("substitutes the exercise's numbers in the formula, negative ones in parentheses", () => {
    expect(guardMethod({ exercise: 'q1.1a', y: 1, z: -4.35 })).toContain('ŷ = σ(z) = 1/(1 + e^(−z)) at z = -4.35');
    expect(guardMethod({ exercise: 'q1.1c', papaya: 0, y: 0, p: 0.9 })).toBe('L = −log₂(1 − ŷ) with ŷ = 0.9');
    expect(guardMethod({ exercise: 'q1.1d', papaya: 2, y: 1, p: 0.35 })).toBe('L = −log₂ ŷ with ŷ = 0.35');
    expect(guardMethod({ exercise: 'q1.1e', step: { w: -1.5, dLdw: -0.2, lr: 0.1, lambda: 0.05 } })).toBe(
      'w ← w − α(∂L/∂w + 2λw) = -1.5 − 0.1 × (-0.2 + 2 × 0.05 × (-1.5))',
    );
    expect(guardMethod({ exercise: 'q1.2b', sizes: { Dx: 3, Da: 4, K: 5 } })).toBe('Da·Dx + Da + K·Da + K = 4·3 + 4 + 5·4 + 5');
    expect(guardMethod({ exercise: 'q1.2e', z: [1000, 1001, 999] })).toBe(
      'softmax(z)_k = e^(z_k − m) / Σ_i e^(z_i − m) with m = max z = 1001',
    );
    expect(guardMethod({ exercise: 'q1.2d', z: [1, 2, 3], target: 2 })).toContain('y = [0, 0, 1]');
  });
});
