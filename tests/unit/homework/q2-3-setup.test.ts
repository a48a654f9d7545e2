import { describe, expect, it } from 'vitest';
import { homeworkVariant } from '../../../src/exercises/variant';
import { Q2_3 } from '../../../src/homework/q2-3';
import { batchNormStatistics, q23setup } from '../../../src/homework/q2-3-setup';
import type { RunRecord } from '../../../src/record/run-record';
import { gradeFor } from '../../helpers/q2b-runs';
import { homeworkRuns } from '../../helpers/run-records';

/** torchvision's ResNet-18 (ResNet18_Weights.IMAGENET1K_V1 metadata: num_params 11,689,512) has a 512 → 1,000 fc with biases. */
const TORCHVISION_PARAMS = 11_689_512;
const fc = (classes: number) => 512 * classes + classes;
const resnet = homeworkRuns()[1];
const configured = (c: Partial<RunRecord['config']>): RunRecord => ({ ...resnet, config: { ...resnet.config, ...c } });
const g = (run: RunRecord, key: string, raw: string) => gradeFor(Q2_3, `q2.3.setup.${key}`, raw, [run]);

describe('q2.3.setup: the weights the run trained', () => {
  it('is every weight of ResNet-18 with a 10-way fc for full fine-tuning, and the fc alone for a frozen backbone', async () => {
    const full = TORCHVISION_PARAMS - fc(1000) + fc(10);
    expect((await g(configured({ fineTuning: 'full' }), 'trained', String(full))).status).toBe('correct');
    expect((await g(resnet, 'trained', String(full))).status).toBe('correct');
    expect((await g(configured({ fineTuning: 'frozen', batchNorm: 'eval' }), 'trained', String(fc(10)))).status).toBe('correct');
  });

  it('names the ImageNet head, the other mode, forgotten biases and BatchNorm buffers', async () => {
    const full = configured({ fineTuning: 'full' });
    const frozen = configured({ fineTuning: 'frozen', batchNorm: 'eval' });
    expect((await g(full, 'trained', String(TORCHVISION_PARAMS))).mistake).toBe('imagenet-head');
    expect((await g(full, 'trained', String(fc(10)))).mistake).toBe('head-only');
    expect((await g(frozen, 'trained', String(fc(1000)))).mistake).toBe('imagenet-head');
    expect((await g(frozen, 'trained', String(512 * 10))).mistake).toBe('no-bias');
    expect((await g(frozen, 'trained', String(TORCHVISION_PARAMS - fc(1000) + fc(10)))).mistake).toBe('all');
    // BatchNorm's buffers: a running mean and variance per channel, and one counter, in each of ResNet-18's 20 BatchNorm layers.
    const channels = 64 + 2 * 2 * 64 + (2 * 2 + 1) * (128 + 256 + 512);
    expect((await g(full, 'trained', String(TORCHVISION_PARAMS - fc(1000) + fc(10) + 2 * channels + 20))).mistake).toBe('buffers');
  });
});

describe('q2.3.setup: the BatchNorm statistics while training', () => {
  it("are the running ones for a frozen backbone or eval mode, the batch's in train mode (the trainer's default)", async () => {
    expect(batchNormStatistics(configured({ fineTuning: 'frozen', batchNorm: 'eval' }).config)).toBe('running');
    expect(batchNormStatistics(configured({ fineTuning: 'full', batchNorm: 'eval' }).config)).toBe('running');
    expect(batchNormStatistics(configured({ fineTuning: 'full', batchNorm: 'train' }).config)).toBe('batch');
    expect(batchNormStatistics(resnet.config)).toBe('batch');
    expect((await g(configured({ fineTuning: 'frozen', batchNorm: 'eval' }), 'batch_norm', 'running')).status).toBe('correct');
    expect((await g(resnet, 'batch_norm', 'dataset')).mistake).toBe('dataset');
  });

  it('fall back to hand marking without a q2.3 run', async () => {
    expect((await q23setup.parts(homeworkVariant, { runs: [] })).map((p) => p.kind)).toEqual(['text', 'text']);
  });
});
