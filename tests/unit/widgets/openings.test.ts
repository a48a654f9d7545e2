import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PartSpec, Variant } from '../../../src/exercises/types';
import { grade } from '../../../src/exercises/grade';
import { homeworkVariant, seedFor } from '../../../src/exercises/variant';
import { Q1_1 } from '../../../src/homework/q1-1';
import { Q1_2 } from '../../../src/homework/q1-2';
import { confidentlyWrong, l2Numbers, onePapaya } from '../../../src/homework/q1-1-variants';
import { hugeLogits, jacobianPoint, layerSizes } from '../../../src/homework/q1-2-variants';
import { bce } from '../../../src/math/bce';
import { parameterCount } from '../../../src/math/shapes';
import { ceGrad, softmax, softmaxJacobian } from '../../../src/math/softmax';
import { OPENINGS, widgetOpenings, type WidgetOpenings } from '../../../src/widgets/openings';
import { openingClashes } from '../../../src/widgets/opening-clashes';
import { sameNumbers } from '../../../src/widgets/same-numbers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const student = (seed: number): Variant => ({ kind: 'student', seed });
/** Seeds as real students get them (ids through the course salt) and small raw seeds. */
const SEEDS = [
  ...Array.from({ length: 1500 }, (_, i) => seedFor(`S-${100000 + i}`, 'fall-2026')),
  ...Array.from({ length: 500 }, (_, i) => i + 1),
];
const VARIANTS: Variant[] = [homeworkVariant, ...SEEDS.map(student)];

/** Every number an exercise of Question 1 takes or expects, read from the exercise definitions themselves. */
async function exerciseNumbers(v: Variant, ids: readonly string[]): Promise<{ source: string; values: number[] }[]> {
  const out: { source: string; values: number[] }[] = [];
  for (const def of [...Q1_1, ...Q1_2].filter((e) => ids.includes(e.id))) {
    const params = Object.values(def.params(v)).filter((x): x is number => typeof x === 'number');
    if (params.length > 0) out.push({ source: `${def.id} params`, values: params });
    for (const part of (await def.parts(v, { runs: [] })) as PartSpec[]) {
      if (part.kind === 'number') out.push({ source: part.key, values: [part.answer] });
      if (part.kind === 'vector')
        out.push({ source: part.key, values: part.answer }, ...part.answer.map((x) => ({ source: part.key, values: [x] })));
      if (part.kind === 'matrix') out.push({ source: part.key, values: part.answer.flat() });
    }
  }
  return out;
}

/** What the widgets print when they open, computed with the same math the elements call. */
/** Each widget's opening inputs and readouts, with the exercises whose numbers they must not be. */
function openingReadouts(o: WidgetOpenings): { widget: string; exercises: string[]; inputs: number[]; values: number[][] }[] {
  const s = o.l2;
  const logits = ['q1.2d', 'q1.2e'];
  return [
    {
      widget: 'BCE explorer',
      exercises: ['q1.1c', 'q1.1d'],
      inputs: [o.bce.y, o.bce.p],
      values: [[bce(o.bce.y, o.bce.p, 'bits')], [bce(o.bce.y, o.bce.p, 'nats')]],
    },
    {
      widget: 'L2 checker',
      exercises: ['q1.1e'],
      inputs: [s.w, s.g, s.lr, s.lambda],
      values: [[s.w - s.lr * (s.g + 2 * s.lambda * s.w)], [s.w - s.lr * (s.g + s.lambda * s.w)], [s.w - s.lr * s.g]],
    },
    {
      widget: 'Shape calculator',
      exercises: ['q1.2b'],
      inputs: [o.shapes.Dx, o.shapes.Da, o.shapes.K],
      values: [[parameterCount(o.shapes)]],
    },
    { widget: 'Jacobian checker', exercises: logits, inputs: o.jacobian.z, values: [softmax(o.jacobian.z)] },
    {
      widget: 'CE gradient',
      exercises: logits,
      inputs: o.ceGradient.z,
      values: [softmax(o.ceGradient.z), ceGrad(o.ceGradient.z, o.ceGradient.target)],
    },
    ...[o.softmax.opening, ...o.softmax.presets.map((p) => p.z)].map((z) => ({
      widget: `Softmax ${z.join(', ')}`,
      exercises: logits,
      inputs: z,
      values: [softmax(z)],
    })),
  ];
}

describe('widgetOpenings', () => {
  it('opens every widget away from the exercises for the homework and 2000 student variants', () => {
    for (const v of VARIANTS) expect(openingClashes(OPENINGS, v), `seed ${v.seed}`).toEqual([]);
    expect(widgetOpenings(homeworkVariant)).toBe(OPENINGS);
  });

  it('no opening readout or input equals a number the exercise definitions ask for (300 variants, parts() with tfjs)', async () => {
    for (const v of VARIANTS.slice(0, 300)) {
      for (const w of openingReadouts(OPENINGS)) {
        for (const ex of await exerciseNumbers(v, w.exercises)) {
          expect(sameNumbers(w.inputs, ex.values, 0), `${w.widget} inputs = ${ex.source} (seed ${v.seed})`).toBe(false);
          for (const shown of w.values)
            expect(sameNumbers(shown, ex.values), `${w.widget} shows ${ex.source} (seed ${v.seed})`).toBe(false);
        }
      }
    }
  }, 120_000);

  it("reports and throws when a widget would open at the variant's own numbers", () => {
    for (const v of VARIANTS.slice(0, 50)) {
      const [y, p] = onePapaya(v);
      const l2 = l2Numbers(v);
      const point = jacobianPoint(v);
      const shifted = hugeLogits(v).map((z) => z + 7);
      const cases: Partial<WidgetOpenings>[] = [
        { logitGradient: confidentlyWrong(v) },
        { bce: { y, p } },
        { l2: { w: l2.w, g: l2.dLdw, lr: l2.lr, lambda: l2.lambda } },
        { shapes: { ...layerSizes(v), m: 5 } },
        { jacobian: { z: point.z } },
        { ceGradient: { z: point.z.map((z) => z - 3), target: point.target, a: [1] } },
        { softmax: { opening: [1, 2], presets: [{ label: 'shifted', z: shifted }] } },
      ];
      for (const c of cases) {
        const o = { ...OPENINGS, ...c };
        expect(openingClashes(o, v).length, JSON.stringify(c)).toBeGreaterThan(0);
        expect(() => widgetOpenings(v, o)).toThrow(/exercise's numbers/);
      }
    }
  });

  it("the formula tester's placeholder is not the derivative that q1.2c asks for", async () => {
    const [spec] = await Q1_2.find((e) => e.id === 'q1.2c')!.parts(homeworkVariant, { runs: [] });
    const typed = OPENINGS.deltaPlaceholder.replace(/^e\.g\.\s*/, '');
    const fb = grade(spec, typed);
    expect(fb.status).not.toBe('unreadable');
    expect(fb.status).not.toBe('correct');
    expect(grade(spec, 'y_k*(d - y_j)').status).toBe('correct');
  });

  it('the 4- and 5-logit openings have the Jacobian and softmax that the closed forms give, finite', () => {
    expect(softmaxJacobian(OPENINGS.jacobian.z).flat().every(Number.isFinite)).toBe(true);
    expect(softmax(OPENINGS.softmax.opening).every(Number.isFinite)).toBe(true);
  });
});
