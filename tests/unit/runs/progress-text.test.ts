import { describe, expect, it } from 'vitest';
import { formatDuration, progressFraction, progressText, smoothRate } from '../../../src/runs/progress-text';

describe('progress text', () => {
  it('formats durations', () => {
    expect(formatDuration(44.6)).toBe('45 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
    expect(formatDuration(NaN)).toBe('—');
  });
  it('says epoch, step, speed and time left', () => {
    const p = { epoch: 2, epochs: 10, step: 130, stepsPerEpoch: 109, imagesPerSecond: 320, batchSize: 32 };
    expect(progressFraction(p)).toBeCloseTo(130 / 1090, 12);
    expect(progressText(p)).toBe('Epoch 2 of 10 · step 130 of 1,090 · 320 images/s · about 1 min 36 s left');
  });
  it('smooths the speed and ignores bad readings', () => {
    expect(smoothRate(0, 100)).toBe(100);
    expect(smoothRate(100, 200)).toBeCloseTo(120, 12);
    expect(smoothRate(100, Infinity)).toBe(100);
  });
});
