import { describe, expect, it } from 'vitest';
import { homeworkVariant } from '../../../src/exercises/variant';
import { Q2_3 } from '../../../src/homework/q2-3';
import { curveFacts } from '../../../src/homework/q2-3-curves';
import { q23overfit } from '../../../src/homework/q2-3-overfit';
import { HOMEWORK_LIKE_CURVES, gradeFor, mistakeMessages, printedForms, resnetWithFeatures, withCurves } from '../../helpers/q2b-runs';

const run = withCurves(resnetWithFeatures(0.88, 0.58), HOMEWORK_LIKE_CURVES);
const f = curveFacts(run.epochs)!;
const g = (key: string, raw: string, runs = [run]) => gradeFor(Q2_3, `q2.3.overfit.${key}`, raw, runs);

describe("q2.3.overfit against the student's own curves", () => {
  it("accepts the verdict and names the homework's misreading", async () => {
    expect((await g('verdict', 'overfit')).status).toBe('correct');
    const misread = await g('verdict', 'val-high');
    expect(misread).toMatchObject({ status: 'wrong', mistake: 'homework-reading' });
    expect(misread.message).toMatch(/not overfitting/);
  });

  it('accepts the gap as a fraction, a percentage with or without %, and in percentage points as the comparison prints it', async () => {
    for (const raw of [f.gap.toFixed(4), `${(100 * f.gap).toFixed(2)} %`, (100 * f.gap).toFixed(2), `${(100 * f.gap).toFixed(2)} pp`]) {
      expect((await g('gap', raw)).status, raw).toBe('correct');
    }
    expect((await g('gap', (-f.gap).toFixed(4))).status).toBe('wrong');
  });

  it("wants the epoch of the lowest validation loss (9 in a log like the homework's, not the last and not 2)", async () => {
    expect((await g('best_epoch', String(f.bestEpoch))).status).toBe('correct');
    expect((await g('best_epoch', String(run.epochs.length))).mistake).toBe('last');
    expect((await g('best_epoch', '2')).status).toBe('wrong');
  });

  it('asks what the validation loss did: it rose again here, and "still falling" is the homework\'s reading', async () => {
    expect(f.valLoss).toBe('rising');
    expect((await g('val_loss', 'rising')).status).toBe('correct');
    const falling = await g('val_loss', 'falling');
    expect(falling).toMatchObject({ status: 'wrong', mistake: 'said-falling' });
    expect(falling.message).toMatch(/both the training and validation losses are decreasing/);
    const steady = withCurves(run, [
      [0.6, 0.5, 1.5],
      [0.7, 0.52, 1.3],
      [0.8, 0.55, 1.2],
    ]);
    expect((await g('val_loss', 'falling', [steady])).status).toBe('correct');
    expect((await g('val_loss', 'rising', [steady])).status).toBe('wrong');
  });

  it("never states a number of the student's run in a mistake message", async () => {
    const own = resnetWithFeatures(0.93, 0.61);
    const parts = await q23overfit.parts(homeworkVariant, { runs: [own] });
    const last = own.epochs.at(-1)!;
    const values = [curveFacts(own.epochs)!.gap, last.trainAccuracy, last.valAccuracy];
    for (const message of mistakeMessages(parts))
      for (const v of values) for (const s of printedForms(v)) expect(message, s).not.toContain(s);
  });

  it('leaves the reading to the instructor, with a rubric adding up to its marks', async () => {
    const why = (await q23overfit.parts(homeworkVariant, { runs: [run] })).find((p) => p.key === 'q2.3.overfit.why')!;
    expect(why.kind).toBe('text');
    if (why.kind === 'text') expect(why.rubric!.reduce((s, c) => s + c.marks, 0)).toBeCloseTo(why.marks, 12);
  });
});
