import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classificationMetrics } from '../../../src/train/metrics';
import { type RunRecord, validateRunRecord } from '../../../src/record/run-record';

function validRecord(): RunRecord {
  const truth = [0, 0, 1, 2, 2, 1];
  const pred = [0, 1, 1, 2, 0, 1];
  const m = classificationMetrics(truth, pred, 3);
  return {
    format: 'dlcv-hw1-run',
    version: 1,
    id: 'cnn-1',
    createdAt: '2026-01-01T00:00:00.000Z',
    config: {
      model: 'cnn',
      question: 'q2.2',
      imageSize: 64,
      epochs: 1,
      batchSize: 2,
      learningRate: 1e-3,
      adamEpsilon: 1e-8,
      seed: 1,
      augmentations: [],
      pretrained: null,
    },
    backend: 'wasm',
    dataset: { name: 'toy', hash: 'abc', classes: ['a', 'b', 'c'], counts: { train: 10, val: 3, test: 6 } },
    epochs: [{ epoch: 1, trainLoss: 1.1, trainAccuracy: 0.4, valLoss: 1.0, valAccuracy: 0.33, seconds: 2 }],
    steps: [{ step: 1, loss: 1.2 }],
    test: {
      ...m,
      misclassified: [
        { index: 1, trueLabel: 0, predicted: 1 },
        { index: 4, trueLabel: 2, predicted: 0 },
      ],
    },
    timings: { totalSeconds: 3, imagesPerSecond: 100 },
    stopped: null,
  };
}

describe('validateRunRecord', () => {
  it('accepts a well-formed record (also after a JSON round trip)', () => {
    const r = validateRunRecord(JSON.parse(JSON.stringify(validRecord())));
    expect(r.ok).toBe(true);
  });

  it('accepts a ResNet-18 fine-tuning config and checks its new fields; version-1 records without them still pass', () => {
    const r = validRecord();
    r.config = {
      ...r.config,
      model: 'resnet18',
      question: 'q2.3',
      pretrained: 'resnet18-f37072fd.pth',
      weights: { source: 'resnet18-f37072fd.pth', sha256: 'f'.repeat(64) },
      fineTuning: 'frozen',
      batchNorm: 'eval',
      normalization: 'imagenet',
    };
    r.timings.featureSeconds = 4;
    expect(validateRunRecord(JSON.parse(JSON.stringify(r))).ok).toBe(true);
    const bad: [Partial<RunRecord['config']>, RegExp][] = [
      [{ weights: { source: 'w', sha256: 'F37072FD' } }, /config\.weights\.sha256/],
      [{ fineTuning: 'some' as 'full' }, /config\.fineTuning/],
      [{ batchNorm: 'train' }, /config\.batchNorm must be 'eval' with a frozen backbone/],
      [{ normalization: 'z' as 'none' }, /config\.normalization/],
    ];
    for (const [over, msg] of bad) {
      const v = validateRunRecord({ ...r, config: { ...r.config, ...over } });
      expect(v.ok ? '' : v.error).toMatch(msg);
    }
    expect(validateRunRecord(validRecord()).ok).toBe(true);
  });

  it('accepts how an exported PyTorch run ran (world size, device, torch version) and names a bad field; records without it still pass', () => {
    const runtime = { worldSize: 8, device: 'cuda', torchVersion: '2.4.1+cu121', syncBatchNorm: true };
    const r = validateRunRecord(JSON.parse(JSON.stringify({ ...validRecord(), backend: 'pytorch', runtime })));
    expect(r.ok && r.value.runtime).toEqual(runtime);
    const { syncBatchNorm: _, ...withoutSync } = runtime;
    expect(validateRunRecord({ ...validRecord(), runtime: withoutSync }).ok).toBe(true);
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ ...runtime, worldSize: 0 }, /runtime\.worldSize must be an integer in \[1, /],
      [{ ...runtime, worldSize: 2.5 }, /runtime\.worldSize/],
      [{ ...runtime, device: 7 }, /runtime\.device must be a string/],
      [{ ...runtime, device: 'x'.repeat(65) }, /runtime\.device must be at most 64 characters/],
      [{ ...runtime, torchVersion: null }, /runtime\.torchVersion/],
      [{ ...runtime, syncBatchNorm: 'yes' }, /runtime\.syncBatchNorm must be true or false/],
      [{ worldSize: 2 }, /runtime\.device/],
    ];
    for (const [rt, msg] of bad) {
      const v = validateRunRecord({ ...validRecord(), runtime: rt });
      expect(v.ok ? '' : v.error).toMatch(msg);
    }
    expect(validateRunRecord({ ...validRecord(), runtime: [] }).ok).toBe(false);
  });

  it('names the first problem of a malformed record', () => {
    const cases: [(r: RunRecord) => void, RegExp][] = [
      [
        (r) => {
          (r as { format: string }).format = 'x';
        },
        /format/,
      ],
      [
        (r) => {
          r.test!.confusion[0][0] = 99;
        },
        /test\.confusion sums to/,
      ],
      [
        (r) => {
          r.test!.confusion.pop();
        },
        /must be 3×3/,
      ],
      [
        (r) => {
          r.test!.accuracy = 2;
        },
        /test\.accuracy/,
      ],
      [
        (r) => {
          r.test!.misclassified[0].predicted = 7;
        },
        /misclassified\[0\]\.predicted/,
      ],
      [
        (r) => {
          r.epochs[0].valLoss = NaN;
        },
        /epochs\[0\]\.valLoss/,
      ],
      [
        (r) => {
          r.steps = Array.from({ length: 100_001 }, (_, i) => ({ step: i, loss: 1 }));
        },
        /steps must be an array of at most/,
      ],
      [
        (r) => {
          r.test!.perClass[1].support = -1;
        },
        /perClass\[1\]\.support/,
      ],
      [
        (r) => {
          (r.config as { model: string }).model = 'vit';
        },
        /config\.model/,
      ],
    ];
    for (const [mutate, msg] of cases) {
      const rec = validRecord();
      mutate(rec);
      const r = validateRunRecord(rec);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(msg);
    }
  });

  it('reads version 1 with augmentations as text, as they are; refuses text or a bad step in version 2', () => {
    const names = ['RandomPerspective(distortion_scale=0.5)', 'RandomCrop(64, padding=4)'];
    const v1 = validateRunRecord({ ...validRecord(), config: { ...validRecord().config, augmentations: names } });
    expect(v1.ok && v1.value.config.augmentations).toEqual(names);
    const v1Bad = validateRunRecord({
      ...validRecord(),
      config: { ...validRecord().config, augmentations: [{ op: 'RandomHorizontalFlip' }] },
    });
    expect(v1Bad.ok ? '' : v1Bad.error).toMatch(/config\.augmentations\[0\] must be a string/);
    const v2 = (augmentations: unknown[]) =>
      validateRunRecord({ ...validRecord(), version: 2, config: { ...validRecord().config, augmentations } });
    const textIn2 = v2(names);
    expect(textIn2.ok ? '' : textIn2.error).toMatch(/config\.augmentations is not a valid pipeline: steps\[0\] must be an object/);
    const badStep = v2([{ op: 'RandomCrop', params: { size: 80 } }]);
    expect(badStep.ok ? '' : badStep.error).toMatch(/RandomCrop\): size 80×80 is larger than the padded image 64×64/);
    expect(v2([]).ok).toBe(true);
    const v3 = validateRunRecord({ ...validRecord(), version: 3 });
    expect(v3.ok ? '' : v3.error).toBe('version must be 1 or 2');
  });

  it('returns a version-2 pipeline in canonical form (every default spelled out) without changing the input', () => {
    const input = {
      ...validRecord(),
      version: 2,
      config: {
        ...validRecord().config,
        augmentations: [{ op: 'RandomHorizontalFlip' }, { op: 'RandomRotation', params: { degrees: 10 } }],
      },
    };
    const copy = JSON.parse(JSON.stringify(input));
    const r = validateRunRecord(input);
    expect(r.ok && r.value.config.augmentations).toEqual([
      { op: 'RandomHorizontalFlip', params: { p: 0.5 } },
      { op: 'RandomRotation', params: { degrees: [-10, 10], interpolation: 'nearest', fill: [0] } },
    ]);
    expect(input).toEqual(copy);
  });

  it('never throws on arbitrary JSON or on a record with one field replaced by anything', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(validateRunRecord(v).ok).toBe(false);
      }),
      { seed: 5, numRuns: 300 },
    );
    const keys = Object.keys(validRecord());
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.anything(), (k, v) => {
        const rec = validRecord() as unknown as Record<string, unknown>;
        rec[k] = v;
        const r = validateRunRecord(rec);
        expect(typeof r.ok).toBe('boolean');
      }),
      { seed: 6, numRuns: 300 },
    );
    const hostile = {
      get format() {
        throw new Error('boom');
      },
    };
    expect(validateRunRecord(hostile)).toEqual({ ok: false, error: 'record could not be read' });
  });
});
