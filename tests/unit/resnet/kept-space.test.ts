import { describe, expect, it } from 'vitest';
import { deleteRun, putRun } from '../../../components/book/run-store';
import { keepFeatures, keptFeatures } from '../../../components/resnet/feature-store';
import { dropFeaturesOfDeletedRuns, newestKeptSpace } from '../../../components/resnet/kept-space';
import type { FeatureSet } from '../../../components/resnet/feature-set';
import type { RunRecord } from '../../../src/record/run-record';
import { resnetWithFeatures } from '../../helpers/q2b-runs';

const set: FeatureSet = { features: Float32Array.from([1, 2, 3, 4]), d: 2, index: [5, 9], labels: [0, 1], splits: ['train', 'val'] };
const run = (id: string, createdAt: string, over: Partial<RunRecord['config']> = {}): RunRecord => {
  const r = resnetWithFeatures(0.9, 0.8, id);
  return { ...r, createdAt, config: { ...r.config, model: 'resnet18', ...over } };
};

describe('kept feature spaces (memory stores, as without IndexedDB)', () => {
  it("finds the newest q2.3 run whose features were kept, else the newest without, and drops a deleted run's features", async () => {
    expect(await newestKeptSpace('q2.3')).toBeNull();
    dropFeaturesOfDeletedRuns();
    await putRun(run('old', '2026-12-01T10:00:00.000Z'));
    await putRun(run('new', '2026-12-02T10:00:00.000Z'));
    await putRun(run('aug', '2026-12-03T10:00:00.000Z', { question: 'q2.4' }));
    expect(await newestKeptSpace('q2.3')).toMatchObject({ run: { id: 'new' }, features: null });
    expect(await keepFeatures('old', set, 32)).toBe(false);
    const found = await newestKeptSpace('q2.3');
    expect(found?.run.id).toBe('old');
    expect(found?.features).toMatchObject({ runId: 'old', imageSize: 32, d: 2, index: [5, 9], splits: ['train', 'val'] });
    expect(Array.from(found!.features!.features)).toEqual([1, 2, 3, 4]);
    await deleteRun('old');
    await expect.poll(() => keptFeatures('old')).toBeNull();
    expect(await newestKeptSpace('q2.3')).toMatchObject({ run: { id: 'new' }, features: null });
  });
});
