import { describe, expect, it } from 'vitest';
import { homeworkVariant } from '../../../src/exercises/variant';
import { Q2_3 } from '../../../src/homework/q2-3';
import { q23metrics } from '../../../src/homework/q2-3-metrics';
import { metricsFromConfusion } from '../../../src/train/metrics';
import { gradeFor, mistakeMessages, printedForms, resnetWithFeatures, withConfusion } from '../../helpers/q2b-runs';

/** Class 1 is found least often (recall 0.5), class 2 has the fewest images, class 0 the lowest precision. */
const CONFUSION = [
  [30, 2, 1, 1],
  [12, 20, 4, 4],
  [3, 0, 14, 1],
  [8, 1, 0, 40],
];
const run = withConfusion(resnetWithFeatures(0.9, 0.6), CONFUSION);
const m = metricsFromConfusion(CONFUSION);
const g = (key: string, raw: string | string[]) => gradeFor(Q2_3, `q2.3.metrics.${key}`, raw, [run]);

describe('q2.3.metrics against the handed-in run', () => {
  it("accepts the accuracy and macro F1 recomputed from the confusion matrix, as fractions or percentages, and flags the homework's numbers", async () => {
    expect((await g('accuracy', m.accuracy.toFixed(4))).status).toBe('correct');
    expect((await g('accuracy', `${(100 * m.accuracy).toFixed(2)} %`)).status).toBe('correct');
    expect((await g('accuracy', (100 * m.accuracy).toFixed(2))).status).toBe('correct');
    expect((await g('f1', m.macroF1.toFixed(4))).status).toBe('correct');
    expect((await g('accuracy', '0.5842')).mistake).toBe('homework');
    expect((await g('f1', m.accuracy.toFixed(4))).mistake).toBe('accuracy');
  });

  it('wants the class with the lowest recall (a row of the matrix), naming precision, F1 and support', async () => {
    expect((await g('weakest', '1')).status).toBe('correct');
    const precision = m.perClass.map((c) => c.precision);
    expect(precision.indexOf(Math.min(...precision))).toBe(0);
    expect((await g('weakest', '0')).mistake).toBe('precision');
    expect((await g('weakest', '2')).mistake).toBe('support');
  });

  it('counts the test images off the diagonal, naming the diagonal and the largest cell', async () => {
    const total = CONFUSION.flat().reduce((a, b) => a + b, 0);
    const diagonal = CONFUSION.reduce((s, row, i) => s + row[i], 0);
    expect((await g('missed', String(total - diagonal))).status).toBe('correct');
    expect((await g('missed', String(diagonal))).mistake).toBe('correct');
    expect((await g('missed', '12')).mistake).toBe('top-cell');
  });

  it('leaves the weakest class to the instructor when two recalls tie', async () => {
    const tied = withConfusion(run, [
      [5, 5],
      [5, 5],
    ]);
    const part = (await q23metrics.parts(homeworkVariant, { runs: [tied] })).find((p) => p.key === 'q2.3.metrics.weakest')!;
    expect(part.kind).toBe('text');
  });

  it("never states a number of the student's run in a mistake message", async () => {
    const messages = mistakeMessages(await q23metrics.parts(homeworkVariant, { runs: [run] }));
    for (const v of [m.accuracy, m.macroF1, m.weightedF1])
      for (const s of printedForms(v)) for (const msg of messages) expect(msg, s).not.toContain(s);
  });
});
