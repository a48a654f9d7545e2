import { describe, expect, it } from 'vitest';
import { GALLERY_PER_CLASS, galleryPicks, isKeptGallery, keepGallery, keptGalleryView, THUMB_SIZE } from '../../../src/runs/kept-gallery';

/** `count` gray images of `size`², image i filled with the value i. */
const dataset = (count: number, size: number) => {
  const pixels = new Uint8Array(count * size * size);
  for (let i = 0; i < count; i++) pixels.fill(i, i * size * size, (i + 1) * size * size);
  return { pixels, imageSize: size, channels: 1 as const };
};

describe('keepGallery', () => {
  const picks = [
    [{ dataIndex: 7, trueLabel: 0, predicted: 1 }],
    [],
    [
      { dataIndex: 2, trueLabel: 2, predicted: 0 },
      { dataIndex: 9, trueLabel: 2, predicted: 1 },
    ],
  ];

  it('keeps the picked images only, in pick order, and the view numbers them by place', () => {
    const k = keepGallery(picks, dataset(10, 28));
    expect(k.imageSize).toBe(28);
    expect(k.pixels.length).toBe(3 * 28 * 28);
    expect([k.pixels[0], k.pixels[28 * 28], k.pixels[2 * 28 * 28]]).toEqual([7, 2, 9]);
    expect(k.picks).toEqual(picks);
    expect(isKeptGallery(k)).toBe(true);
    const v = keptGalleryView(k);
    expect(v.picks.flat().map((p) => p.dataIndex)).toEqual([0, 1, 2]);
    expect(v.picks.flat().map((p) => p.predicted)).toEqual([1, 0, 1]);
  });

  it('shrinks large images to thumbnails (a flat image stays flat)', () => {
    const k = keepGallery(picks, dataset(10, 2 * THUMB_SIZE));
    expect(k.imageSize).toBe(THUMB_SIZE);
    expect(k.pixels.length).toBe(3 * THUMB_SIZE * THUMB_SIZE);
    expect(k.pixels[THUMB_SIZE * THUMB_SIZE + 5]).toBe(2);
    expect(isKeptGallery(k)).toBe(true);
  });

  it('refuses a pick outside the data set, and a stored value of the wrong shape', () => {
    expect(() => keepGallery([[{ dataIndex: 10, trueLabel: 0, predicted: 1 }]], dataset(10, 4))).toThrow(/image 10/);
    const k = keepGallery(picks, dataset(10, 4));
    expect(isKeptGallery({ ...k, pixels: k.pixels.subarray(1) })).toBe(false);
    expect(isKeptGallery({ ...k, channels: 2 })).toBe(false);
    expect(isKeptGallery(null)).toBe(false);
  });
});

describe('galleryPicks', () => {
  it('takes up to GALLERY_PER_CLASS misclassified test images of each true class, as data-set indices; none without test results', () => {
    const misclassified = Array.from({ length: GALLERY_PER_CLASS + 2 }, (_, i) => ({ index: i, trueLabel: 1, predicted: 0 }));
    const testIndices = misclassified.map((m) => 100 + m.index);
    const run = { dataset: { name: 'd', hash: '', classes: ['a', 'b'], counts: { train: 0, val: 0, test: testIndices.length } } };
    const test = { accuracy: 0, macroF1: 0, weightedF1: 0, perClass: [], confusion: [], misclassified };
    const picks = galleryPicks({ ...run, test }, testIndices);
    expect(picks[0]).toEqual([]);
    expect(picks[1].map((p) => p.dataIndex)).toEqual(testIndices.slice(0, GALLERY_PER_CLASS));
    expect(galleryPicks({ ...run, test: null }, testIndices)).toEqual([]);
  });
});
