import { describe, expect, it } from 'vitest';
import type { Variant } from '../../../src/exercises/types';
import { homeworkVariant, seedFor } from '../../../src/exercises/variant';
import { confidentlyWrong, l2Numbers, logitGradients, onePapaya, threePapayas } from '../../../src/homework/q1-1-variants';
import { hugeLogits, jacobianPoint, layerSizes } from '../../../src/homework/q1-2-variants';
import { bce } from '../../../src/math/bce';
import { softmax } from '../../../src/math/softmax';
import { bceGradLogit, mseGradLogit } from '../../../src/math/logistic';
import { LOGIT_STEP, bceGuard, l2Guard, logitGradientGuard, logitsGuard, shapesGuard } from '../../../src/widgets/exercise-guard';
import { TOL } from '../../../src/widgets/same-numbers';

/** The homework and 1000 students of a course (ids through its salt). */
const VARIANTS: Variant[] = [
  homeworkVariant,
  ...Array.from({ length: 1000 }, (_, i) => ({ kind: 'student' as const, seed: seedFor(`S-${200000 + i}`, 'spring-2027') })),
];
const ids = (hits: { exercise: string }[]) => hits.map((h) => h.exercise);
const NEAR = 0.9 * TOL;
const FAR = 2 * TOL;

describe('logitGradientGuard', () => {
  /** Every position of the widget's slider (−8 to 8 by 0.1), with both labels. */
  const SLIDER = Array.from({ length: 161 }, (_, i) => Math.round(-80 + i) / 10).flatMap(
    (z) =>
      [
        [0, z],
        [1, z],
      ] as const,
  );

  it("catches q1.1a's papaya, the mirrored one (1 − y, −z), and logits less than a slider step away", () => {
    for (const v of VARIANTS) {
      const { y, z } = confidentlyWrong(v);
      for (const [ty, tz] of [
        [y, z],
        [1 - y, -z],
        [y, z + 0.99 * LOGIT_STEP],
        [y, z - 0.99 * LOGIT_STEP],
      ] as const) {
        expect(logitGradientGuard(v, ty as 0 | 1, tz), `${ty}, ${tz} (seed ${v.seed})`).toEqual([{ exercise: 'q1.1a', y, z }]);
      }
      expect(logitGradientGuard(v, y, z + 1.01 * LOGIT_STEP)).toEqual([]);
      expect(logitGradientGuard(v, (1 - y) as 0 | 1, z)).toEqual([]);
    }
  });

  it("blocks every slider position whose gradients would grade as q1.1a's, and at most the two around it for each label", () => {
    for (const v of VARIANTS) {
      const answer = logitGradients(confidentlyWrong(v));
      const caught = SLIDER.filter(([y, z]) => logitGradientGuard(v, y, z).length > 0);
      expect(caught.length, `seed ${v.seed}`).toBeLessThanOrEqual(4);
      for (const [y, z] of SLIDER) {
        const sign = y === confidentlyWrong(v).y ? 1 : -1;
        const grades = Math.abs(sign * bceGradLogit(y, z) - answer.bce) <= 1e-4 || Math.abs(sign * mseGradLogit(y, z) - answer.mse) <= 1e-4;
        const near = Math.abs(sign * z - confidentlyWrong(v).z) < 1;
        if (grades && near) expect(caught, `${y}, ${z} (seed ${v.seed})`).toContainEqual([y, z]);
      }
    }
  });
});

describe('bceGuard', () => {
  it('catches every papaya of q1.1c and q1.1d, also with ŷ off by less than the tolerance or with the label flipped', () => {
    for (const v of VARIANTS) {
      const papayas = [{ ex: 'q1.1c', n: 0, e: onePapaya(v) }, ...threePapayas(v).map((e, i) => ({ ex: 'q1.1d', n: i + 1, e }))];
      for (const {
        ex,
        n,
        e: [y, p],
      } of papayas) {
        for (const [ty, tp] of [
          [y, p],
          [y, p + NEAR],
          [y, p - NEAR],
          [1 - y, 1 - p],
        ] as const) {
          const hits = bceGuard(v, ty as 0 | 1, tp);
          expect(
            hits.some((h) => h.exercise === ex && 'papaya' in h && h.papaya === n && h.y === y && h.p === p),
            `${ex} ${ty}, ${tp} (seed ${v.seed})`,
          ).toBe(true);
        }
      }
    }
  });

  it('lets through ŷ beyond the tolerance, and any ŷ whose loss is not within the tolerance of an exercise loss', () => {
    for (const v of VARIANTS) {
      const papayas = [onePapaya(v), ...threePapayas(v)];
      const losses = papayas.map(([y, p]) => bce(y, p, 'bits'));
      for (const [y, p] of papayas) {
        expect(bceGuard(v, y, p + FAR), `seed ${v.seed}`).toEqual([]);
        expect(bceGuard(v, y, p - FAR), `seed ${v.seed}`).toEqual([]);
      }
      for (let i = 1; i < 1000; i += 7) {
        for (const y of [0, 1] as const) {
          const loss = bce(y, i / 1000, 'bits');
          if (losses.some((l) => Math.abs(l - loss) <= TOL))
            expect(bceGuard(v, y, i / 1000), `${y}, ${i / 1000} (seed ${v.seed})`).not.toEqual([]);
        }
      }
    }
  });
});

describe('l2Guard', () => {
  it("catches q1.1e's w, ∂L/∂w, α, λ within the tolerance, and no field off by more", () => {
    for (const v of VARIANTS) {
      const s = l2Numbers(v);
      expect(ids(l2Guard(v, s))).toEqual(['q1.1e']);
      for (const k of ['w', 'dLdw', 'lr', 'lambda'] as const) {
        expect(ids(l2Guard(v, { ...s, [k]: s[k] + NEAR }))).toEqual(['q1.1e']);
        expect(l2Guard(v, { ...s, [k]: s[k] + FAR }), `${k} (seed ${v.seed})`).toEqual([]);
        expect(l2Guard(v, { ...s, [k]: s[k] - FAR }), `${k} (seed ${v.seed})`).toEqual([]);
      }
    }
  });
});

describe('shapesGuard', () => {
  it("catches q1.2b's Dx, Da, K and no other sizes, swapped ones included", () => {
    for (const v of VARIANTS) {
      const s = layerSizes(v);
      expect(ids(shapesGuard(v, s))).toEqual(['q1.2b']);
      for (const k of ['Dx', 'Da', 'K'] as const) expect(shapesGuard(v, { ...s, [k]: s[k] + 1 })).toEqual([]);
      if (s.Dx !== s.K) expect(shapesGuard(v, { Dx: s.K, Da: s.Da, K: s.Dx })).toEqual([]);
    }
  });
});

describe('logitsGuard', () => {
  it("catches q1.2d's and q1.2e's logits, shifted, reordered, or with an extra logit too small to matter", () => {
    for (const v of VARIANTS) {
      for (const [ex, z] of [
        ['q1.2d', jacobianPoint(v).z],
        ['q1.2e', hugeLogits(v)],
      ] as const) {
        const variants = [
          z,
          z.map((x) => x + 3.5),
          z.map((x) => x - 1000),
          [...z].reverse(),
          [...z, Math.min(...z) - 20],
          [Math.max(...z) - 30, ...z],
        ];
        for (const typed of variants) expect(ids(logitsGuard(v, typed)), `${ex}: ${typed} (seed ${v.seed})`).toContain(ex);
        expect(ids(logitsGuard(v, z, ex))[0]).toBe(ex);
      }
    }
  });

  it('lets through logits that move a probability by more than the tolerance', () => {
    for (const v of VARIANTS) {
      for (const [ex, z] of [
        ['q1.2d', jacobianPoint(v).z],
        ['q1.2e', hugeLogits(v)],
      ] as const) {
        const top = z.indexOf(Math.max(...z));
        const yhat = softmax(z);
        for (const dz of [FAR / (yhat[top] * (1 - yhat[top])), -0.5, 0.5]) {
          const moved = z.map((x, i) => (i === top ? x + dz : x));
          expect(ids(logitsGuard(v, moved)), `${ex}: ${moved} (seed ${v.seed})`).not.toContain(ex);
        }
        expect(ids(logitsGuard(v, [...z, Math.max(...z)]))).not.toContain(ex);
        expect(ids(logitsGuard(v, z.slice(0, 2)))).toEqual([]);
      }
    }
  });

  it("for the homework, q1.2d's [1, 2, 3] and q1.2e's [1000, 1001, 999] have one softmax: both are named, the asked-for one first", () => {
    expect(ids(logitsGuard(homeworkVariant, jacobianPoint(homeworkVariant).z, 'q1.2e'))).toEqual(['q1.2e', 'q1.2d']);
    expect(ids(logitsGuard(homeworkVariant, hugeLogits(homeworkVariant), 'q1.2d'))).toEqual(['q1.2d', 'q1.2e']);
  });
});

describe('the guards of a per-student variant', () => {
  /** Which guards catch the homework's own numbers for variant `v`. */
  const homeworkCaught = (v: Variant) => {
    const h = homeworkVariant;
    return [
      ...logitGradientGuard(v, confidentlyWrong(h).y, confidentlyWrong(h).z),
      ...bceGuard(v, ...onePapaya(h)),
      ...threePapayas(h).flatMap((e) => bceGuard(v, ...e)),
      ...l2Guard(v, l2Numbers(h)),
      ...shapesGuard(v, layerSizes(h)),
      ...logitsGuard(v, jacobianPoint(h).z),
      ...logitsGuard(v, hugeLogits(h)),
    ].map((hit) => hit.exercise);
  };

  it("catch the homework's numbers only for the homework; for most students they are ordinary inputs", () => {
    expect(new Set(homeworkCaught(homeworkVariant))).toEqual(new Set(['q1.1a', 'q1.1c', 'q1.1d', 'q1.1e', 'q1.2b', 'q1.2d', 'q1.2e']));
    const students = VARIANTS.slice(1);
    expect(students.filter((v) => homeworkCaught(v).length === 0).length).toBeGreaterThan(students.length / 2);
  });

  it('the student of the browser tests (S-271828, salt fall-2026) has no homework number among their own', () => {
    expect(homeworkCaught({ kind: 'student', seed: seedFor('S-271828', 'fall-2026') })).toEqual([]);
  });
});
