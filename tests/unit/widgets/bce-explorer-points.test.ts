import { describe, expect, it } from 'vitest';
import type { Variant } from '../../../src/exercises/types';
import { homeworkVariant, seedFor } from '../../../src/exercises/variant';
import { Q1_1 } from '../../../src/homework/q1-1';
import { bce } from '../../../src/math/bce';
import { bceExplorerPoints } from '../../../src/widgets/bce-explorer-points';

const VARIANTS: Variant[] = [homeworkVariant, ...Array.from({ length: 200 }, (_, i) => ({ kind: 'student' as const, seed: seedFor(`id-${i}`, 'salt') }))];
const answerOf = async (id: string, key: string, v: Variant) => {
  const part = (await Q1_1.find((e) => e.id === id)!.parts(v, { runs: [] })).find((p) => p.key === key)!;
  if (part.kind !== 'number' && part.kind !== 'vector') throw new Error(`${key} has no numeric answer`);
  return part.answer;
};

describe('bceExplorerPoints', () => {
  it('plots nothing of an exercise before it has a counted attempt', () => {
    for (const v of VARIANTS) {
      expect(bceExplorerPoints(v, {})).toEqual([]);
      expect(bceExplorerPoints(v, { 'q1.1c': 0, 'q1.1d': 0, 'q1.1e': 3 })).toEqual([]);
    }
  });

  it('after q1.1d is checked: the student\'s own three papayas, whose losses are that exercise\'s answer', async () => {
    for (const v of VARIANTS) {
      const points = bceExplorerPoints(v, { 'q1.1d': 1 });
      expect(points.map((p) => p.exercise)).toEqual(['q1.1d', 'q1.1d', 'q1.1d']);
      const params = Q1_1.find((e) => e.id === 'q1.1d')!.params(v);
      expect(points.map((p) => [p.y, p.p])).toEqual([1, 2, 3].map((i) => [params[`y${i}`], params[`p${i}`]]));
      const answer = (await answerOf('q1.1d', 'q1.1d.losses', v)) as number[];
      points.forEach((p, i) => expect(bce(p.y, p.p, 'bits')).toBeCloseTo(answer[i], 12));
    }
  });

  it('after q1.1c is checked: that exercise\'s papaya with its loss, and q1.1d\'s only once q1.1d is tried too', async () => {
    for (const v of VARIANTS) {
      const [point] = bceExplorerPoints(v, { 'q1.1c': 2 });
      expect(bceExplorerPoints(v, { 'q1.1c': 2 })).toHaveLength(1);
      const params = Q1_1.find((e) => e.id === 'q1.1c')!.params(v);
      expect([point.y, point.p]).toEqual([params.y, params.p]);
      expect(bce(point.y, point.p, 'bits')).toBeCloseTo((await answerOf('q1.1c', 'q1.1c', v)) as number, 12);
      expect(bceExplorerPoints(v, { 'q1.1c': 1, 'q1.1d': 1 }).map((p) => p.label)).toEqual(['1.1c', '1.1d papaya 1', '1.1d papaya 2', '1.1d papaya 3']);
    }
  });
});
