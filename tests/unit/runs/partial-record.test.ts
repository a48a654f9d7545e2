import { describe, expect, it } from 'vitest';
import { partialRecord } from '../../../src/runs/partial-record';
import { validateRunRecord } from '../../../src/train/run-record';
import { makeRun } from '../../helpers/submissions';

describe('partialRecord', () => {
  it('keeps the curves so far as a valid record without test metrics', () => {
    const full = makeRun(2);
    const steps = Array.from({ length: 5000 }, (_, i) => ({ step: i + 1, loss: i === 7 ? NaN : 1 }));
    const r = partialRecord({ id: 'x', createdAt: full.createdAt, config: full.config, backend: 'webgpu', dataset: full.dataset, epochs: full.epochs.slice(0, 3), steps, totalSeconds: 12, imagesPerSecond: 100, stopped: 'device-lost' });
    expect(r.epochs).toHaveLength(3);
    expect(r.steps).toHaveLength(2000);
    expect(r.test).toBeNull();
    expect(r.stopped).toBe('device-lost');
    expect(validateRunRecord(r).ok).toBe(true);
  });
});
