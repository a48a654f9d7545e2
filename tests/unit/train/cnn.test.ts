import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FlattenMode, CNN_PARAM_NAMES, cnnFromTorch, cnnToTorch, initCnn, initTorchState, torchShapes } from '../../../src/train/cnn';
import { caseInputs, loadCnn64, relError } from './helpers/cnn64';

const TOL = 1e-4; // max abs diff / max abs reference

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('cnnFromTorch', () => {
  const { weights, caseT } = loadCnn64();
  for (const flatten of ['permute-fc', 'transpose'] as FlattenMode[]) {
    it(`reproduces the fixture logits with flatten=${flatten} (rel. error ≤ ${TOL})`, () => {
      const cnn = cnnFromTorch(tf, weights, { imageSize: 64, flatten });
      const { x, labels } = caseInputs(tf, caseT);
      const logits = cnn.forward(x);
      expect(logits.shape).toEqual([8, 10]);
      expect(relError(logits.dataSync(), caseT.get('logits')?.data as Float32Array)).toBeLessThanOrEqual(TOL);
      tf.dispose([x, labels, logits]);
      cnn.dispose();
    });
  }

  it('rejects weights of the wrong shape with the expected shape in the message', () => {
    expect(() => cnnFromTorch(tf, weights, { imageSize: 32 })).toThrow(/"fc.weight" has shape \[10,2048\].*needs \[10,512\]/);
    const missing = new Map(weights);
    missing.delete('conv2.bias');
    expect(() => cnnFromTorch(tf, missing, { imageSize: 64 })).toThrow(/lack "conv2.bias"/);
  });

  it('rejects an input size that is not a multiple of 16', () => {
    expect(() => cnnFromTorch(tf, weights, { imageSize: 60 })).toThrow(/multiple of 16/);
  });
});

describe('cnnToTorch', () => {
  it('returns the loaded PyTorch tensors unchanged for both flatten modes', async () => {
    const { weights } = loadCnn64();
    for (const flatten of ['permute-fc', 'transpose'] as FlattenMode[]) {
      const cnn = cnnFromTorch(tf, weights, { imageSize: 64, flatten });
      const back = await cnnToTorch(tf, cnn);
      expect([...back.keys()]).toEqual([...CNN_PARAM_NAMES]);
      for (const [name, t] of back) {
        expect(t.shape).toEqual(weights.get(name)?.shape);
        expect(t.data).toEqual(weights.get(name)?.data);
      }
      cnn.dispose();
    }
  });
});

describe('initTorchState', () => {
  it('draws every parameter from U(±1/√fan_in) with PyTorch shapes, reproducibly per seed', () => {
    const a = initTorchState({ imageSize: 32 }, 1);
    const b = initTorchState({ imageSize: 32 }, 1);
    const c = initTorchState({ imageSize: 32 }, 2);
    const shapes = torchShapes({ imageSize: 32 });
    for (const [name, t] of a) {
      expect(t.shape).toEqual(shapes.get(name));
      const w = shapes.get(name.replace('bias', 'weight')) as number[];
      const bound = 1 / Math.sqrt(w.slice(1).reduce((x, y) => x * y, 1));
      const data = t.data as Float32Array;
      expect(Math.max(...data.map(Math.abs))).toBeLessThanOrEqual(bound);
      if (data.length > 100) expect(Math.max(...data.map(Math.abs))).toBeGreaterThan(0.9 * bound);
      expect(b.get(name)?.data).toEqual(data);
      expect(c.get(name)?.data).not.toEqual(data);
    }
  });

  it('initCnn builds a model whose forward pass gives finite logits', () => {
    const cnn = initCnn(tf, { imageSize: 32, inChannels: 1 }, 5);
    const y = cnn.forward(tf.zeros([2, 32, 32, 1]));
    expect(y.shape).toEqual([2, 10]);
    expect([...y.dataSync()].every(Number.isFinite)).toBe(true);
    y.dispose();
    cnn.dispose();
  });
});
