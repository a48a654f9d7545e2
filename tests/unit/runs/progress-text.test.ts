import { describe, expect, it } from 'vitest';
import { endProgressText, epochsOfText, formatDuration, progressFraction, progressText, smoothRate } from '../../../src/runs/progress-text';

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
  it('says where training ended, with no time left', () => {
    const p = { epoch: 1, epochs: 3, step: 4, stepsPerEpoch: 4, imagesPerSecond: 320, batchSize: 32 };
    expect(endProgressText(p, 'stopped')).toBe('Stopped in epoch 1 of 3 · step 4 of 12');
    expect(endProgressText({ ...p, epoch: 3, step: 12 }, null)).toBe('Epoch 3 of 3 · step 12 of 12 · done');
    expect(endProgressText(null, 'stopped')).toBe('Stopped before the first step.');
    expect(endProgressText(p, 'diverged')).not.toMatch(/left/);
  });
  it('counts epochs with the noun agreeing', () => {
    expect(epochsOfText(1, 1)).toBe('1 of 1 epoch');
    expect(epochsOfText(0, 1)).toBe('0 of 1 epoch');
    expect(epochsOfText(2, 10)).toBe('2 of 10 epochs');
  });
});
