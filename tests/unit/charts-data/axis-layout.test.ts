import { describe, expect, it } from 'vitest';
import { CHAR_WIDTH, epochDomain, leftMargin, legendRows, wholeTicks, wrapLines } from '../../../src/charts-data/axis-layout';

describe('epochDomain', () => {
  it('runs from epoch 1 to the planned or done epochs, and pads a single epoch by half an epoch either side', () => {
    expect(epochDomain(1)).toEqual([0.5, 1.5]);
    expect(epochDomain(1, 1)).toEqual([0.5, 1.5]);
    expect(epochDomain(0, 0)).toEqual([0.5, 1.5]);
    expect(epochDomain(10, 3)).toEqual([1, 10]);
    expect(epochDomain(2, 5)).toEqual([1, 5]);
  });
});

describe('wholeTicks', () => {
  it('puts one tick on the single epoch of a padded domain', () => {
    expect(wholeTicks(epochDomain(1))).toEqual([1]);
  });
  it('lists every whole number while they fit, then steps of 2, 5, 10…', () => {
    expect(wholeTicks([1, 10], 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(wholeTicks([1, 11], 10)).toEqual([2, 4, 6, 8, 10]);
    expect(wholeTicks([1, 40], 10)).toEqual([5, 10, 15, 20, 25, 30, 35, 40]);
    const many = wholeTicks([1, 5000], 10);
    expect(many.length).toBeLessThanOrEqual(10);
    expect(many.every((t) => Number.isInteger(t) && t >= 1 && t <= 5000)).toBe(true);
  });
  it('gives no tick for a range without a whole number or one that is not finite', () => {
    expect(wholeTicks([1.2, 1.8])).toEqual([]);
    expect(wholeTicks([0, Number.NaN])).toEqual([]);
  });
});

describe('leftMargin', () => {
  it('keeps the usual margin for short labels and widens it so 350,000 clears the axis title', () => {
    expect(leftMargin(['0', '0.5', '1'])).toBe(56);
    const wide = leftMargin(['0', '100,000', '200,000', '350,000']);
    const titleBand = 22;
    expect(wide - titleBand).toBeGreaterThanOrEqual('350,000'.length * CHAR_WIDTH);
  });
});

describe('legendRows', () => {
  it('places entries side by side and wraps one that would pass the width, counting the rows in the height', () => {
    const one = legendRows(['train loss', 'validation loss'], 500);
    expect(one.slots.map((s) => s.y)).toEqual([0, 0]);
    expect(one.slots[1].x).toBeGreaterThan(one.slots[0].x);
    expect(one.height).toBe(16);
    const long = 'q2.3 ResNet-18 · 64 px · pytorch · 5/5 ep · not pretrained';
    const rows = legendRows([long, long, long], 480);
    expect(rows.slots.map((s) => s.x)).toEqual([0, 0, 0]);
    expect(rows.slots.map((s) => s.y)).toEqual([0, 16, 32]);
    expect(rows.height).toBe(48);
    expect(legendRows([], 100).height).toBe(0);
  });
});

describe('wrapLines', () => {
  it('breaks at spaces so no line is wider than the width, and keeps every word', () => {
    const text = 'F1 score per class on the test split (ResNet-18 from torchvision IMAGENET1K_V1)';
    const lines = wrapLines(text, 300);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.length * CHAR_WIDTH).toBeLessThanOrEqual(300);
    expect(lines.join(' ')).toBe(text);
    expect(wrapLines('short', 300)).toEqual(['short']);
  });
});
