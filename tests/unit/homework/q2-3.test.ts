import { describe, expect, it } from 'vitest';
import { DEFAULT_COURSE } from '../../../src/course/course';
import type { RawAnswer } from '../../../src/exercises/types';
import { gradeSubmission } from '../../../src/grading/grade-submission';
import { EXERCISES } from '../../../src/homework/catalog';
import { Q2_3 } from '../../../src/homework/q2-3';
import { curveFacts } from '../../../src/homework/q2-3-curves';
import { lowestRecall, misclassifiedCount } from '../../../src/homework/q2-3-confusion';
import { trainedParameterCount } from '../../../src/comparison/model-parameters';
import { GRADED_ITEMS, itemOfKey } from '../../../src/homework/structure';
import { metricsFromConfusion } from '../../../src/train/metrics';
import { homeworkVariant } from '../../../src/exercises/variant';
import { autoMarks, gradeFor, resnetWithFeatures } from '../../helpers/q2b-runs';
import { homeworkRuns } from '../../helpers/run-records';
import { makeSubmission } from '../../helpers/submissions';

describe('Q2_3 structure', () => {
  it("keeps q2.3's 10 marks under item q2.3, in the catalog, each exercise's parts matching its inputs and marks", async () => {
    expect(GRADED_ITEMS.find((i) => i.id === 'q2.3')!.marks).toBe(10);
    expect(Q2_3.reduce((s, e) => s + e.marks, 0)).toBeCloseTo(10, 12);
    expect(EXERCISES.filter((e) => itemOfKey(e.id)?.id === 'q2.3')).toEqual(Q2_3);
    for (const runs of [[], homeworkRuns(), [resnetWithFeatures(0.9, 0.6)]]) {
      for (const ex of Q2_3) {
        const parts = await ex.parts(homeworkVariant, { runs });
        expect(
          parts.map((p) => p.key),
          ex.id,
        ).toEqual(ex.inputs.map((i) => i.key));
        expect(
          parts.reduce((s, p) => s + p.marks, 0),
          ex.id,
        ).toBeCloseTo(ex.marks, 12);
      }
    }
  });

  it('grades 8 of 10 marks automatically with the homework runs, 9 when the run kept its features, 2 (the bug hunt and t-SNE) without a run', async () => {
    expect(await autoMarks(Q2_3, homeworkRuns())).toBeCloseTo(8, 12);
    expect(await autoMarks(Q2_3, [resnetWithFeatures(0.9, 0.6)])).toBeCloseTo(9, 12);
    expect(await autoMarks(Q2_3, [])).toBeCloseTo(2, 12);
  });
});

describe("the grader grades q2.3 from the submission's runs, as the page does", () => {
  it('gives the auto marks for answers right for the handed-in run, typed as the page prints them', async () => {
    const run = resnetWithFeatures(0.88, 0.58);
    const f = curveFacts(run.epochs)!;
    const m = metricsFromConfusion(run.test!.confusion);
    const extra: Record<string, RawAnswer> = {
      'q2.3.bugs': ['no-fc', 'eval'],
      'q2.3.setup.trained': String(trainedParameterCount(run.config, run.dataset.classes.length)),
      'q2.3.setup.batch_norm': 'batch',
      'q2.3.overfit.verdict': 'overfit',
      'q2.3.overfit.gap': `${(100 * f.gap).toFixed(2)} %`,
      'q2.3.overfit.best_epoch': String(f.bestEpoch),
      'q2.3.overfit.val_loss': f.valLoss,
      'q2.3.metrics.accuracy': `${(100 * m.accuracy).toFixed(2)} %`,
      'q2.3.metrics.f1': m.macroF1.toFixed(4),
      'q2.3.metrics.weakest': String(lowestRecall(run.test!.confusion)!.cls),
      'q2.3.metrics.missed': String(misclassifiedCount(run.test!.confusion)),
      'q2.3.tsne': ['neighbours', 'overlap'],
      'q2.3.features.closest': ['2', '7'],
      'q2.3.features.isolated': '9',
    };
    const sub = await makeSubmission({ id: 's', course: DEFAULT_COURSE, skill: 1, seed: 3, runs: [run], extra });
    const g = await gradeSubmission(sub, DEFAULT_COURSE);
    expect(g.items.find((i) => i.id === 'q2.3')).toMatchObject({ marks: 9, autoMax: 9, manualMax: 1 });
    const page = await Promise.all(Object.entries(extra).map(([k, raw]) => gradeFor(Q2_3, k, raw, [run])));
    expect(page.map((f) => [f.key, f.status]).filter(([, s]) => s !== 'correct')).toEqual([]);
  });
});
