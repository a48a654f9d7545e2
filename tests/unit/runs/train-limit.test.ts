import { describe, expect, it } from 'vitest';
import { stratifiedSplit } from '../../../src/data/split';
import { limitSplit, trainLimitFrom } from '../../../src/runs/train-limit';

describe('train limit', () => {
  it('reads ?train-limit= and ignores malformed values', () => {
    expect(trainLimitFrom('?train-limit=256')).toBe(256);
    expect(trainLimitFrom('?a=1&train-limit=64')).toBe(64);
    for (const s of ['', '?train-limit=', '?train-limit=3', '?train-limit=1e9', '?train-limit=12.5']) expect(trainLimitFrom(s)).toBeNull();
  });
  it('cuts every split to the limit, evenly spaced, and leaves short splits alone', () => {
    const split = { train: Array.from({ length: 100 }, (_, i) => i), val: [100, 101], test: Array.from({ length: 20 }, (_, i) => 200 + i) };
    const out = limitSplit(split, 10);
    expect(out.train).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(out.val).toEqual([100, 101]);
    expect(out.test).toEqual([200, 202, 204, 206, 208, 210, 212, 214, 216, 218]);
    expect(limitSplit(split, null)).toEqual(split);
  });
  it('hands on exactly the three index lists of a stratified split, with or without a limit', () => {
    const labels = Array.from({ length: 200 }, (_, i) => i % 10);
    const full = stratifiedSplit(labels, 10, 42);
    for (const limit of [null, 16]) {
      const out = limitSplit(full, limit);
      expect(Object.keys(out).sort()).toEqual(['test', 'train', 'val']);
      expect(out.train.length).toBe(limit ?? full.train.length);
    }
  });
});
