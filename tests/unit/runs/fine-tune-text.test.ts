import { describe, expect, it } from 'vitest';
import {
  BN_NOTES,
  datasetText,
  downloadLabel,
  keptFeaturesText,
  noKeptFeaturesText,
  pretrainedSource,
  runDoneText,
  runFeaturesText,
  tsneKeptText,
  weightsFeaturesText,
  weightsOf,
} from '../../../src/runs/fine-tune-text';
import { comparisonRun } from '../../helpers/run-records';

const run = (over: Partial<ReturnType<typeof comparisonRun>> = {}) => ({
  ...comparisonRun({
    id: 'resnet18-42-a',
    question: 'q2.3',
    seed: 42,
    skill: 10,
    finalTrain: 0.9,
    finalVal: 0.8,
    createdAt: '2026-12-01T10:00:00.000Z',
  }),
  backend: 'wasm',
  ...over,
});

describe('fine-tune status sentences', () => {
  it("datasetText names the default or the student's data set and the new head", () => {
    expect(datasetText({ origin: 'default', name: 'x', count: 12345, classes: 10 })).toBe(
      "Fine-tuning on the default data set (Fashion-MNIST stand-in): 12,345 images, 10 classes, split 70/10/20 with the seed below. fc becomes a 10-way layer; inputs get ImageNet's normalisation.",
    );
    expect(datasetText({ origin: 'folder', name: 'Zoo', count: 80, classes: 4 })).toMatch(
      /^Fine-tuning on your data set "Zoo": 80 images, 4 classes, .* fc becomes a 4-way layer;/,
    );
    expect(datasetText(null)).toMatch(/^No data set is available: load one in chapter 2\.1/);
  });

  it("pretrainedSource tells torchvision's file, the course's download, another file and random weights apart", () => {
    expect(pretrainedSource({ name: 'resnet18-f37072fd.pth', imagenet: true })).toBe(
      'torchvision ImageNet weights (resnet18-f37072fd.pth)',
    );
    expect(pretrainedSource({ name: 'model.safetensors', imagenet: false, courseUrl: 'https://h.example/model.safetensors' })).toBe(
      "the course's ImageNet weights (model.safetensors)",
    );
    expect(pretrainedSource({ name: 'mine.safetensors', imagenet: false })).toBe('mine.safetensors');
    expect(pretrainedSource(null)).toBeNull();
  });

  it('downloadLabel rounds the size to whole megabytes', () => {
    expect(downloadLabel(46_827_520)).toBe('Download ImageNet weights (47 MB)');
  });

  it('runDoneText says how the run ended, its speed, the frozen features and any feature-space failure', () => {
    const r = run({ timings: { totalSeconds: 12.34, imagesPerSecond: 1234.4, featureSeconds: 2 } });
    expect(runDoneText(r, 3, 'ResNet-18 from w.safetensors', '')).toBe(
      `Run completed on wasm in 12.3 s (1,234 images/s; backbone features in 2.0 s): ${r.epochs.length} of 3 epochs, ResNet-18 from w.safetensors. It is in your runs list below.`,
    );
    const stopped = run({ stopped: 'stopped', timings: { totalSeconds: 1, imagesPerSecond: 10 } });
    expect(runDoneText(stopped, 3, 'ResNet-18, not pretrained', 'out of memory')).toMatch(
      /^Run stopped early on wasm in 1\.0 s \(10 images\/s\): .*below\. The feature space could not be computed: out of memory\.$/,
    );
  });

  it('runFeaturesText counts train and validation points and says whether they were kept', () => {
    const splits = ['train', 'train', 'val'] as const;
    expect(runFeaturesText(splits, true)).toBe('Features of this run: 3 images (2 train, 1 validation). Press "Draw t-SNE".');
    expect(runFeaturesText(splits, false)).toMatch(/this browser cannot keep them\.\)$/);
    expect(runFeaturesText(splits, 'quota exceeded')).toMatch(/could not be kept for after a reload: quota exceeded\.\)$/);
  });

  it("keptFeaturesText names the kept run, and says when the loaded data set is not the run's", () => {
    expect(keptFeaturesText('r1', 'ResNet-18, not pretrained', ['val', 'val'], true)).toBe(
      'Features of your kept run r1 (ResNet-18, not pretrained), kept in this browser: 2 images (0 train, 2 validation). Press "Draw t-SNE".',
    );
    expect(keptFeaturesText('r1', 'L', ['val'], false)).toMatch(/not the run's, so the points have no thumbnails\.$/);
    expect(noKeptFeaturesText('r2')).toMatch(
      /^Your kept run r2 has no features kept in this browser .*cannot be drawn again: train it again/,
    );
  });

  it('weightsFeaturesText reports computed and cached features with their speed', () => {
    expect(weightsOf(null)).toBe('random weights (not pretrained)');
    expect(weightsFeaturesText({ name: 'w.pth', points: 100, imageSize: 32, computed: 60, seconds: 2, backend: 'wasm' })).toBe(
      'Features of w.pth before any training: 100 images at 32×32, 60 computed in 2.0 s (30 images/s) on wasm, 40 from this page\'s cache. Press "Draw t-SNE".',
    );
    expect(weightsFeaturesText({ name: null, points: 5, imageSize: 64, computed: 0, seconds: 0, backend: 'cpu' })).toBe(
      'Features of random weights (not pretrained) before any training: 5 images at 64×64, none computed, 5 from this page\'s cache. Press "Draw t-SNE".',
    );
  });

  it('tsneKeptText lists each picture with its faithfulness', () => {
    const drawn = [
      { dims: 2 as const, perplexity: 30, iterations: 300, seed: 0, kl: 1.23456, trustworthiness: 0.9876, points: 10 },
      { dims: 3 as const, perplexity: 30, iterations: 300, seed: 0, kl: 0.5, trustworthiness: null, points: 5 },
    ];
    expect(tsneKeptText(drawn, 'r1')).toBe(
      't-SNE drawn (2-D: KL 1.235, trustworthiness 0.988; 3-D: KL 0.500, trustworthiness —); kept with run r1.',
    );
  });

  it('BN_NOTES explain each BatchNorm choice', () => {
    expect(BN_NOTES.train).toMatch(/With a batch of 8 these estimates are noisy/);
    expect(Object.keys(BN_NOTES)).toEqual(['frozen', 'train', 'eval']);
  });
});
