import { describe, expect, it } from 'vitest';
import { samplePoints } from '../../../src/exercises/sample-points';

describe('samplePoints', () => {
  it('draws from each domain, deterministically', () => {
    const vars = [{ name: 'p', lo: 0.2, hi: 0.4 }, { name: 'n', lo: 1, hi: 3, integer: true }, { name: 'q' }];
    const pts = samplePoints(vars, 200, 5);
    expect(pts).toEqual(samplePoints(vars, 200, 5));
    expect(pts.every((pt) => pt.get('p')! >= 0.2 && pt.get('p')! < 0.4)).toBe(true);
    expect(new Set(pts.map((pt) => pt.get('n')))).toEqual(new Set([1, 2, 3]));
    expect(pts.every((pt) => pt.get('q')! >= 0.1 && pt.get('q')! < 0.9)).toBe(true);
  });

  it('covers every combination of listed values', () => {
    const pts = samplePoints(
      [
        { name: 'y', values: [0, 1] },
        { name: 'd', values: [0, 1] },
      ],
      4,
      1,
    );
    expect(pts.map((pt) => `${pt.get('y')}${pt.get('d')}`).sort()).toEqual(['00', '01', '10', '11']);
  });

  it('applies ties', () => {
    const pts = samplePoints([{ name: 'a' }, { name: 'b', equals: { name: 'a', when: 'd', is: 1 } }, { name: 'd', values: [0, 1] }], 20, 3);
    for (const pt of pts) expect(pt.get('b') === pt.get('a')).toBe(pt.get('d') === 1);
  });
});
