import { describe, expect, it } from 'vitest';
import { batchStats, histogram, pearson, withSharedFlags } from '../../../src/grading/stats';
import { answerOf, gradedOf } from '../../helpers/graded';

describe('pearson', () => {
  it('is 1 for a perfect line and -1 for a falling one', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
  });
  it('is null without spread, for fewer than two points and for non-finite values', () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1], [2])).toBeNull();
    expect(pearson([1, Number.NaN, 3], [1, 2, 3])).toBeNull();
  });
});

describe('histogram', () => {
  it('counts values in equal bins with max in the last bin', () => {
    const bins = histogram([0, 0.5, 1, 1, 2], 2, 4);
    expect(bins.map((b) => b.count)).toEqual([1, 1, 2, 1]);
    expect(bins[3]).toMatchObject({ lo: 1.5, hi: 2 });
  });
  it('skips non-finite values and copes with max 0', () => {
    expect(histogram([Number.NaN, 0], 0, 3).reduce((s, b) => s + b.count, 0)).toBe(1);
  });
});

describe('batchStats', () => {
  const batch = [
    gradedOf('a', { 'q1.1a': 1, 'q2.2': 10 }),
    gradedOf('b', { 'q1.1a': 1, 'q2.2': 8 }),
    gradedOf('c', { 'q1.1a': 0, 'q2.2': 2 }),
    gradedOf('d', { 'q1.1a': 0, 'q2.2': 1 }),
  ];
  it('gives per-item means, shares of full marks and histograms', () => {
    const s = batchStats(batch);
    const a = s.items.find((i) => i.id === 'q1.1a')!;
    expect(s.count).toBe(4);
    expect(a.mean).toBe(0.5);
    expect(a.shareCorrect).toBe(0.5);
    expect(a.bins.reduce((n, b) => n + b.count, 0)).toBe(4);
    expect(s.meanTotal).toBeCloseTo((11 + 9 + 2 + 1) / 4, 12);
  });
  it('gives a positive discrimination to an item the strong students get right, and null to one nobody gets', () => {
    const s = batchStats(batch);
    expect(s.items.find((i) => i.id === 'q1.1a')!.discrimination!).toBeGreaterThan(0.9);
    expect(s.items.find((i) => i.id === 'q1.1b')!.discrimination).toBeNull();
  });
  it('is NaN-free on an empty batch', () => {
    const s = batchStats([]);
    expect(s.meanTotal).toBe(0);
    expect(s.items.every((i) => i.mean === 0 && i.shareCorrect === 0 && i.discrimination === null)).toBe(true);
  });
  it('counts wrong answers after normalising case and spaces, most common first', () => {
    const s = batchStats([
      gradedOf('a', {}, [answerOf('q1.1c', ' 2.30 ', 'wrong')]),
      gradedOf('b', {}, [answerOf('q1.1c', '2.30', 'wrong')]),
      gradedOf('c', {}, [answerOf('q1.1c', 'LN(10)', 'wrong')]),
      gradedOf('d', {}, [answerOf('q1.1c', '3.32', 'correct')]),
    ]);
    expect(s.commonWrong['q1.1c']).toEqual([
      { key: 'q1.1c', answer: '2.30', count: 2, students: ['a', 'b'] },
      { key: 'q1.1c', answer: 'ln(10)', count: 1, students: ['c'] },
    ]);
    expect(s.shared).toEqual([{ key: 'q1.1c', answer: '2.30', count: 2, students: ['a', 'b'] }]);
  });
  it('does not treat a shared named mistake or a shared wrong choice as suspicious', () => {
    const mistaken = answerOf('q1.1d.mean', '1.793', 'wrong');
    mistaken.feedback.mistake = 'truncated';
    const s = batchStats([
      gradedOf('a', {}, [mistaken, answerOf('q1.1a', 'imbalance', 'wrong', { kind: 'choice' })]),
      gradedOf('b', {}, [structuredClone(mistaken), answerOf('q1.1a', 'imbalance', 'wrong', { kind: 'choice' })]),
    ]);
    expect(s.shared).toEqual([]);
    expect(s.commonWrong['q1.1d.mean'][0].count).toBe(2);
  });
});

describe('withSharedFlags', () => {
  it('flags each student who gave a shared wrong answer and names the others', () => {
    const gs = [gradedOf('a', {}), gradedOf('b', {}), gradedOf('c', {})];
    const out = withSharedFlags(gs, [{ key: 'q1.1c', answer: '2.30', count: 2, students: ['a', 'b'] }]);
    expect(out[0].flags).toHaveLength(1);
    expect(out[0].flags[0]).toMatchObject({ kind: 'shared-wrong-answer', key: 'q1.1c' });
    expect(out[0].flags[0].message).toContain('b');
    expect(out[2].flags).toEqual([]);
    expect(withSharedFlags(out, [{ key: 'q1.1c', answer: '2.30', count: 2, students: ['a', 'b'] }])[0].flags).toHaveLength(1);
  });
});
