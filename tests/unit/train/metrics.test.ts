import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classificationMetrics, confusionMatrix, metricsFromConfusion } from '../../../src/train/metrics';

const EPS = 1e-12; // absolute tolerance on metrics in [0, 1]

/** Per-class metrics by counting label pairs directly (definition, no confusion matrix). */
function fromLists(t: number[], p: number[], k: number) {
  const per = [];
  for (let c = 0; c < k; c++) {
    let tp = 0,
      fp = 0,
      fn = 0;
    t.forEach((ti, i) => {
      if (ti === c && p[i] === c) tp++;
      else if (ti !== c && p[i] === c) fp++;
      else if (ti === c && p[i] !== c) fn++;
    });
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    // F1 = 2TP / (2TP + FP + FN), zero when nothing is predicted or present.
    const f1 = 2 * tp + fp + fn ? (2 * tp) / (2 * tp + fp + fn) : 0;
    per.push({ precision, recall, f1, support: tp + fn });
  }
  const accuracy = t.filter((ti, i) => ti === p[i]).length / t.length;
  return { per, accuracy };
}

describe('confusionMatrix', () => {
  it('counts confusion[true][predicted]', () => {
    expect(confusionMatrix([0, 0, 1, 2, 2], [0, 1, 1, 0, 2], 3)).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 1],
    ]);
  });

  it('rejects out-of-range labels and mismatched lengths', () => {
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(/outside 0\.\.2/);
    expect(() => confusionMatrix([0], [0, 1], 3)).toThrow(/1 true labels but 2/);
  });
});

describe('metricsFromConfusion', () => {
  it('agrees with the per-class definitions computed from label lists', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 6 })
          .chain((k) => fc.tuple(fc.constant(k), fc.array(fc.tuple(fc.nat(k - 1), fc.nat(k - 1)), { minLength: 1, maxLength: 60 }))),
        ([k, pairs]) => {
          const t = pairs.map((x) => x[0]);
          const p = pairs.map((x) => x[1]);
          const m = classificationMetrics(t, p, k);
          const ref = fromLists(t, p, k);
          expect(Math.abs(m.accuracy - ref.accuracy)).toBeLessThan(EPS);
          m.perClass.forEach((c, i) => {
            expect(Math.abs(c.precision - ref.per[i].precision)).toBeLessThan(EPS);
            expect(Math.abs(c.recall - ref.per[i].recall)).toBeLessThan(EPS);
            expect(Math.abs(c.f1 - ref.per[i].f1)).toBeLessThan(EPS);
            expect(c.support).toBe(ref.per[i].support);
          });
          const macro = ref.per.reduce((a, c) => a + c.f1, 0) / k;
          const weighted = ref.per.reduce((a, c) => a + c.f1 * c.support, 0) / t.length;
          expect(Math.abs(m.macroF1 - macro)).toBeLessThan(EPS);
          expect(Math.abs(m.weightedF1 - weighted)).toBeLessThan(EPS);
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });

  it('gives 0 for precision of a never-predicted class and counts it in macro F1 (zero_division=0)', () => {
    // Class 2 is present but never predicted; class 1 is predicted but absent.
    const m = metricsFromConfusion([
      [2, 1, 0],
      [0, 0, 0],
      [1, 1, 0],
    ]);
    expect(m.perClass[2]).toEqual({ precision: 0, recall: 0, f1: 0, support: 2 });
    expect(m.perClass[1]).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
    expect(m.macroF1).toBeCloseTo(m.perClass[0].f1 / 3, 12);
  });

  it('rejects non-square or non-integer matrices', () => {
    expect(() => metricsFromConfusion([[1, 2]])).toThrow(/square/);
    expect(() => metricsFromConfusion([])).toThrow(/square/);
    expect(() => metricsFromConfusion([[1.5]])).toThrow(/integers/);
  });
});
