import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkResnet18State, resnet18FromTorch, resnet18Shapes } from '../../../src/train/resnet18';
import { relError } from './helpers/cnn64';
import { RESNET18_LOCAL, resnet18Weights, tensorsOf } from './helpers/resnet18';

// Relative error throughout: max|ours − PyTorch| / max|PyTorch| over a tensor.
const TOL = 1e-4;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const cases = tensorsOf(`${RESNET18_LOCAL}/embed-cases.safetensors`);
const nhwc = (name: string) => {
  const t = cases.get(name);
  if (!t) throw new Error(`fixture lacks ${name}`);
  return tf.tidy(() => tf.transpose(tf.tensor(t.data as Float32Array, t.shape), [0, 2, 3, 1]));
};
const ref = (name: string) => cases.get(name)?.data as Float32Array;

describe('resnet18FromTorch on the cpu backend', () => {
  for (const mode of ['eval', 'train'] as const) {
    it(`matches PyTorch at 2×3×37×45 in ${mode} mode (features and logits, rel. error ≤ ${TOL})`, async () => {
      const model = resnet18FromTorch(tf, resnet18Weights());
      const x = nhwc('x_37x45');
      const f = model.features(x, { training: mode === 'train' });
      const logits = model.head(f);
      expect(f.shape).toEqual([2, 512]);
      expect(relError(await f.data(), ref(`features_${mode}_37x45`))).toBeLessThanOrEqual(TOL);
      expect(relError(await logits.data(), ref(`logits_${mode}_37x45`))).toBeLessThanOrEqual(TOL);
      tf.dispose([x, f, logits]);
      model.dispose();
    });
  }

  it('train-mode passes update running statistics and num_batches_tracked; eval passes leave them; no tensors leak', async () => {
    const w = resnet18Weights();
    const before = tf.memory().numTensors;
    const model = resnet18FromTorch(tf, w);
    const x = nhwc('x_16x20');
    const runningMean = () => Array.from(model.buffers.get('bn1.running_mean')?.dataSync() ?? []);
    tf.dispose(model.forward(x));
    expect(runningMean()).toEqual(Array.from(w.get('bn1.running_mean')?.data ?? []));
    tf.dispose(model.forward(x, { training: true }));
    expect(runningMean()).not.toEqual(Array.from(w.get('bn1.running_mean')?.data ?? []));
    const after = await model.exportTorch();
    expect(after.get('layer4.1.bn2.num_batches_tracked')?.data).toEqual([(w.get('layer4.1.bn2.num_batches_tracked')?.data[0] ?? 0) + 1]);
    expect(after.get('layer4.1.bn2.num_batches_tracked')?.dtype).toBe('I64');
    expect(after.get('conv1.weight')?.data).toEqual(w.get('conv1.weight')?.data);
    x.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('exports the state_dict it was built from: same names, order, shapes and values', async () => {
    const w = resnet18Weights();
    const model = resnet18FromTorch(tf, w);
    const back = await model.exportTorch();
    expect([...back.keys()]).toEqual([...w.keys()]);
    const differing: string[] = [];
    for (const [name, t] of w) {
      expect(back.get(name)?.shape, name).toEqual(t.shape);
      const d = back.get(name)?.data ?? [];
      if (d.length !== t.data.length || t.data.some((v, i) => d[i] !== v)) differing.push(name);
    }
    expect(differing).toEqual([]);
    model.dispose();
  });

  it('replaces fc by a seeded torch.nn.Linear init with 10 outputs', () => {
    const a = resnet18FromTorch(tf, resnet18Weights(), { classes: 10, headSeed: 3 });
    const b = resnet18FromTorch(tf, resnet18Weights(), { classes: 10, headSeed: 3 });
    const fcOf = (m: typeof a) => {
      const t = m.toTorchLayout('fc.weight', m.params.get('fc.weight') as tf.Variable);
      const d = t.dataSync();
      t.dispose();
      return d;
    };
    const fc = fcOf(a);
    expect(fc.length).toBe(10 * 512);
    expect(Math.max(...fc.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(512));
    expect(Math.max(...fc.map(Math.abs))).toBeGreaterThan(0.9 / Math.sqrt(512));
    expect(fcOf(b)).toEqual(fc);
    expect(a.params.get('conv1.weight')?.dataSync()).toEqual(b.params.get('conv1.weight')?.dataSync());
    const y = a.head(tf.zeros([2, 512]));
    expect(y.shape).toEqual([2, 10]);
    expect(Array.from(y.dataSync().slice(0, 10))).toEqual(Array.from(a.params.get('fc.bias')?.dataSync() ?? []));
    y.dispose();
    a.dispose();
    b.dispose();
  });

  it('a frozen backbone trains only fc and uses running statistics even in train mode', async () => {
    const model = resnet18FromTorch(tf, resnet18Weights(), { frozenBackbone: true });
    expect([...model.trainable.keys()]).toEqual(['fc.weight', 'fc.bias']);
    const x = nhwc('x_37x45');
    const f = model.features(x, { training: true });
    expect(relError(await f.data(), ref('features_eval_37x45'))).toBeLessThanOrEqual(TOL);
    expect((await model.exportTorch()).get('bn1.running_mean')?.data).toEqual(resnet18Weights().get('bn1.running_mean')?.data);
    tf.dispose([x, f]);
    model.dispose();
  });

  it('eval-mode BatchNorm for full fine-tuning: all parameters train, BatchNorm keeps its running statistics', async () => {
    const model = resnet18FromTorch(tf, resnet18Weights(), { batchNorm: 'eval' });
    expect(model.trainable.size).toBe(62);
    const x = nhwc('x_37x45');
    const logits = model.forward(x, { training: true });
    expect(relError(await logits.data(), ref('logits_eval_37x45'))).toBeLessThanOrEqual(TOL);
    tf.dispose([x, logits]);
    model.dispose();
  });
});

describe('checkResnet18State', () => {
  it('accepts torchvision names and shapes, with or without num_batches_tracked', () => {
    const w = resnet18Weights();
    expect(() => checkResnet18State(w)).not.toThrow();
    const old = new Map([...w].filter(([k]) => !k.endsWith('num_batches_tracked')));
    expect(() => checkResnet18State(old)).not.toThrow();
    expect(resnet18Shapes(1000).size).toBe(w.size);
  });

  it('lists missing, unexpected and mis-shaped tensors in one message', () => {
    const w = new Map(resnet18Weights());
    w.delete('layer3.0.downsample.0.weight');
    w.set('layer2.1.bn1.weight', { dtype: 'F32', shape: [64], data: new Float32Array(64) });
    w.set('head.weight', { dtype: 'F32', shape: [1], data: new Float32Array(1) });
    expect(() => checkResnet18State(w)).toThrow(
      /missing 1: layer3\.0\.downsample\.0\.weight \[256,128,1,1\]; unexpected 1: head\.weight; wrong shape 1: layer2\.1\.bn1\.weight is \[64\], needs \[128\]/,
    );
    expect(() => resnet18FromTorch(tf, w)).toThrow(/do not fit torchvision's ResNet-18/);
  });
});
