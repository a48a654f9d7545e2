import { describe, expect, it } from 'vitest';
import { spaced, summarise, valOnly, type FeatureSet } from '../../../components/resnet/feature-set';
import { classCentroidDistances } from '../../../src/homework/q2-3-features';

describe('spaced', () => {
  it('keeps every index when there are few, else `max` evenly spread ones in order', () => {
    expect(spaced([5, 6, 7], 10)).toEqual([5, 6, 7]);
    const s = spaced(
      Array.from({ length: 100 }, (_, i) => i),
      10,
    );
    expect(s).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });
});

describe('valOnly and summarise', () => {
  const set: FeatureSet = {
    features: Float32Array.from([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]),
    d: 2,
    index: [10, 11, 12, 13, 14, 15],
    labels: [0, 1, 0, 1, 0, 1],
    splits: ['train', 'train', 'val', 'val', 'val', 'val'],
  };
  it('takes the validation rows with their features, indices and labels', () => {
    const v = valOnly(set);
    expect([...v.features]).toEqual([2, 2, 3, 3, 4, 4, 5, 5]);
    expect(v.index).toEqual([12, 13, 14, 15]);
    expect(v.labels).toEqual([0, 1, 0, 1]);
    expect(v.splits).toEqual(['val', 'val', 'val', 'val']);
  });
  it('summarises the splits, counts and centroid distances (rounded to 1e-6)', () => {
    const s = summarise(set, 2);
    expect(s).toMatchObject({ splits: ['train', 'val'], points: 6, featureSize: 2 });
    const exact = classCentroidDistances(set.features, 2, set.labels, 2);
    expect(s.classCentroidDistances[0][1]).toBeCloseTo(exact[0][1], 6);
    expect(s.classCentroidDistances[0][1]).toBeCloseTo(Math.SQRT2, 6);
  });
});
