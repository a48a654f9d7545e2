/** Run records for the export tests, in the shape the trainer writes. */
import type { RunConfig, RunRecord } from '../../../src/record/run-record';

/** A finished-looking run record with `config` overrides. */
export function runRecord(config: Partial<RunConfig> & Record<string, unknown> = {}, classes = ['cat', 'dog', 'owl']): RunRecord {
  return {
    format: 'dlcv-hw1-run',
    version: 1,
    id: 'cnn-42-2026-01-01T00:00:00.000Z',
    createdAt: '2026-01-01T00:00:00.000Z',
    backend: 'wasm',
    config: {
      model: 'cnn',
      question: 'q2.2',
      imageSize: 32,
      epochs: 3,
      batchSize: 8,
      learningRate: 1e-3,
      adamEpsilon: 1e-8,
      seed: 42,
      augmentations: [],
      pretrained: null,
      ...config,
    } as RunConfig,
    dataset: { name: 'pets', hash: '', classes, counts: { train: 14, val: 2, test: 5 } },
    epochs: [],
    steps: [],
    test: null,
    timings: { totalSeconds: 1, imagesPerSecond: 10 },
    stopped: null,
  };
}
