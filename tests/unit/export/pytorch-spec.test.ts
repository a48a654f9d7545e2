import { describe, it, expect } from 'vitest';
import { describeStep } from '../../../src/augment/pipeline';
import { validatePipeline } from '../../../src/augment/validate-pipeline';
import { specFromRun } from '../../../src/export/pytorch-spec';
import { runRecord } from './fixtures';

const PIPELINE = [
  { op: 'RandomHorizontalFlip', params: { p: 0.3 } },
  { op: 'ColorJitter', params: { brightness: 0.2, hue: 0.1 } },
  { op: 'RandomPerspective', params: { distortion_scale: 0.25, fill: [0.1, 0.2, 0.3] } },
  { op: 'RandomCrop', params: { size: [32, 32], padding: [2, 3], padding_mode: 'edge' } },
  { op: 'RandomErasing', params: { value: [0.5] } },
  { op: 'GaussianBlur', params: { kernel_size: [3, 5], sigma: 0.7 } },
];

describe('specFromRun', () => {
  it("takes the run's model, sizes, hyper-parameters, seed and data set", () => {
    const s = specFromRun(runRecord({ seed: 7, learningRate: 3e-4, adamEpsilon: 1e-7, batchSize: 16, epochs: 12 }));
    expect(s).toMatchObject({
      model: 'cnn',
      question: 'q2.2',
      imageSize: 32,
      sourceSize: null,
      epochs: 12,
      batchSize: 16,
      learningRate: 3e-4,
      adamEpsilon: 1e-7,
      seed: 7,
      fractions: { train: 0.7, val: 0.1, test: 0.2 },
      limit: null,
      augmentations: [],
      pretrained: null,
      frozenBackbone: false,
      batchNorm: 'train',
      normalization: 'none',
      dataset: { name: 'pets', classes: ['cat', 'dog', 'owl'], counts: { train: 14, val: 2, test: 5 } },
    });
  });

  it('reads a structured pipeline, {op, params} entries, or describeStep() text, all to the same canonical steps', () => {
    const canonical = (validatePipeline(PIPELINE) as { ok: true; value: unknown[] }).value;
    const described = canonical.map((s) => describeStep(s as never));
    expect(specFromRun(runRecord({ pipeline: PIPELINE })).augmentations).toEqual(canonical);
    expect(specFromRun(runRecord({ augmentations: PIPELINE as never })).augmentations).toEqual(canonical);
    const fromText = specFromRun(runRecord({ augmentations: described }));
    expect(fromText.augmentations).toEqual(canonical);
    expect(fromText.recordAugmentations).toEqual(described);
  });

  it("reads ResNet-18's fine-tuning, BatchNorm mode, normalisation and weights (src/train/run-record.ts)", () => {
    const frozen = specFromRun(
      runRecord({
        model: 'resnet18',
        question: 'q2.3',
        seed: 5,
        pretrained: 'imagenet',
        fineTuning: 'frozen',
        batchNorm: 'eval',
        weights: { source: 'r18.safetensors', sha256: '0'.repeat(64) },
      }),
    );
    expect(frozen).toMatchObject({
      model: 'resnet18',
      pretrained: 'imagenet',
      weights: { source: 'r18.safetensors', sha256: '0'.repeat(64) },
      frozenBackbone: true,
      batchNorm: 'eval',
      normalization: 'imagenet',
      headSeed: 5,
    });
    expect(specFromRun(runRecord({ model: 'resnet18', question: 'q2.3', pretrained: 'w.pth', fineTuning: 'frozen' })).batchNorm).toBe(
      'eval',
    );
    expect(
      specFromRun(runRecord({ model: 'resnet18', question: 'q2.3', pretrained: 'w.pth', batchNorm: 'eval', normalization: 'none' })),
    ).toMatchObject({ frozenBackbone: false, batchNorm: 'eval', normalization: 'none' });
    expect(specFromRun(runRecord({ model: 'resnet18', question: 'q2.3', pretrained: null }))).toMatchObject({
      frozenBackbone: false,
      batchNorm: 'train',
      normalization: 'imagenet',
    });
  });

  it('says why a run cannot be exported', () => {
    expect(() => specFromRun(runRecord({ augmentations: ['mixup'] }))).toThrow(/augmentation 1 \("mixup"\) cannot be exported/);
    expect(() => specFromRun(runRecord({ augmentations: ['RandomHorizontalFlip(p=2)'] }))).toThrow(/p/);
    expect(() => specFromRun(runRecord({ pipeline: [{ op: 'RandomResizedCrop', params: { size: 24 } }] }))).toThrow(
      /into 24×24, but the CNN's fc layer needs 32×32/,
    );
    expect(() => specFromRun(runRecord({ imageSize: 40 }))).toThrow(/multiple of 16/);
    expect(() => specFromRun(runRecord({ model: 'resnet18', batchNorm: 'frozen' as never }))).toThrow(
      /config.batchNorm must be one of train, eval/,
    );
    expect(() => specFromRun(runRecord({ fineTuning: 'frozen' }))).toThrow(/apply to ResNet-18 only/);
  });

  it('lets a size-changing pipeline through for ResNet-18 (global average pooling)', () => {
    const s = specFromRun(
      runRecord({ model: 'resnet18', question: 'q2.4', imageSize: 64, pipeline: [{ op: 'RandomResizedCrop', params: { size: 56 } }] }),
    );
    expect(s.augmentations[0]).toMatchObject({ op: 'RandomResizedCrop', params: { size: [56, 56] } });
  });
});
