import { describe, expect, it } from 'vitest';
import { buildReport, formatReport, sizeStats } from '../../../src/data/image-report';

describe('sizeStats', () => {
  it('computes min/max/mean and a short-side histogram', () => {
    const s = sizeStats([
      { width: 500, height: 375 },
      { width: 28, height: 28 },
      { width: 1200, height: 2000 },
    ]);
    expect(s?.width).toEqual({ min: 28, max: 1200, mean: 576 });
    expect(s?.height.mean).toBeCloseTo((375 + 28 + 2000) / 3, 9);
    const counts = Object.fromEntries(s!.shortSide.map((b) => [b.lo, b.count]));
    expect(counts).toEqual({ 0: 1, 32: 0, 64: 0, 128: 0, 224: 1, 512: 0, 1024: 1 });
    expect(s!.shortSide.at(-1)?.hi).toBeNull();
  });

  it('returns null for no images', () => {
    expect(sizeStats([])).toBeNull();
  });
});

describe('buildReport', () => {
  it('counts usable images per class in label order and renders the skipped ones', () => {
    const r = buildReport(
      [
        { path: 'r/b/1.jpg', className: 'b', status: 'ok', width: 10, height: 20 },
        { path: 'r/a/2.jpg', className: 'a', status: 'ok', width: 30, height: 40 },
        { path: 'r/a/3.jpg', className: 'a', status: 'ok', width: 30, height: 40, notes: ['CMYK JPEG converted to RGB'] },
        { path: 'r/a/bad.jpg', className: 'a', status: 'skipped', reason: 'corrupt', message: 'truncated' },
      ],
      ['a', 'b'],
      ['empty'],
    );
    expect(r.perClass).toEqual([
      { name: 'a', count: 2 },
      { name: 'b', count: 1 },
    ]);
    expect([r.okCount, r.skippedCount]).toEqual([3, 1]);
    expect(r.sizeStats?.count).toBe(3);
    const text = formatReport(r);
    expect(text).toContain('r/a/bad.jpg: corrupt (truncated)');
    expect(text).toContain('Empty class folders (ignored): empty');
    expect(text).toContain('CMYK JPEG');
    expect(text).toMatch(/^ +0 {2}a +2$/m);
  });
});
