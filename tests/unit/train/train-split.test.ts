import { describe, expect, it } from 'vitest';
import { stratifiedSplit } from '../../../src/data/split';
import { type TrainSplit, trainSplit } from '../../../src/train/train-split';

describe('trainSplit', () => {
  it('keeps exactly the three index lists of a stratified split', () => {
    const full = stratifiedSplit(
      Array.from({ length: 60 }, (_, i) => i % 3),
      3,
      7,
    );
    const s = trainSplit(full);
    expect(Object.keys(s).sort()).toEqual(['test', 'train', 'val']);
    expect(s.train).toEqual(full.train);
    expect(s.train).not.toBe(full.train);
  });
  it('is the only way to make one: a stratified split result is a type error (npm run check)', () => {
    // @ts-expect-error a SplitResult (with perClass and tinyClasses) is not a TrainSplit
    const wide: TrainSplit = stratifiedSplit([0, 1, 0, 1], 2, 1);
    expect(Object.keys(wide)).toContain('perClass');
  });
});
