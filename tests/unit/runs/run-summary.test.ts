import { describe, expect, it } from 'vitest';
import { runFileName, sortRuns, stopReasonText, summariseRun, weightsFileName } from '../../../src/runs/run-summary';
import { makeRun } from '../../helpers/submissions';

describe('run summary', () => {
  it('gives the key numbers of a run', () => {
    const r = makeRun(1);
    const s = summariseRun(r);
    expect(s).toMatchObject({
      id: 'run-1',
      epochsDone: 10,
      epochsPlanned: 10,
      imageSize: 64,
      backend: 'cpu',
      testAccuracy: r.test!.accuracy,
      macroF1: r.test!.macroF1,
      stopped: null,
      minutes: 0.5,
    });
    expect(s.finalTrainAccuracy).toBeCloseTo(0.84, 10);
    expect(s.label).toBe('64px · 10/10 ep · bs 32 · lr 0.001 · seed 1 · cpu');
    expect(summariseRun({ ...r, epochs: [], test: null })).toMatchObject({ finalValAccuracy: null, testAccuracy: null, macroF1: null });
  });
  it('names the augmentations of a version-2 pipeline with parameters, and of version-1 text as written', () => {
    const r = makeRun(1);
    expect(summariseRun(r).augmentations).toBe('none');
    const v2 = summariseRun({ ...r, config: { ...r.config, augmentations: [{ op: 'RandomHorizontalFlip', params: { p: 0.5 } }] } });
    expect(v2.label).toBe('64px · 10/10 ep · bs 32 · lr 0.001 · seed 1 · cpu · aug: RandomHorizontalFlip');
    expect(v2.augmentations).toBe('RandomHorizontalFlip(p=0.5)');
    const v1 = summariseRun({ ...r, version: 1, config: { ...r.config, augmentations: ['RandomCrop(64, padding=4)'] } });
    expect(v1.augmentations).toBe('RandomCrop(64, padding=4)');
  });
  it('names stop reasons, files and sorts newest first', () => {
    expect(stopReasonText(null)).toBe('completed');
    expect(stopReasonText('nan-loss')).toContain('NaN');
    expect(stopReasonText('diverged')).toBe('stopped: the loss diverged');
    expect(stopReasonText('weird')).toBe('stopped: weird');
    const r = { ...makeRun(1), id: 'cnn-42-2025-02-01T10:00:00.000Z' };
    expect(runFileName(r)).toBe('cnn-42-2025-02-01T10-00-00.000Z.run.json');
    expect(weightsFileName({ ...r, id: '../..' })).toBe('..-...safetensors');
    const a = { ...makeRun(1), createdAt: '2025-01-01' };
    const b = { ...makeRun(2), createdAt: '2025-03-01' };
    expect(sortRuns([a, b]).map((x) => x.id)).toEqual(['run-2', 'run-1']);
  });
});
