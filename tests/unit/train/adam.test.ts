import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdam } from '../../../src/train/adam';
import { CNN_PARAM_NAMES, cnnFromTorch, toTorchLayout } from '../../../src/train/cnn';
import { softmaxCrossEntropy } from '../../../src/train/loss';
import { caseInputs, loadCnn64, relError } from './helpers/cnn64';

const TOL = 1e-4; // max abs diff / max abs reference, per tensor

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('createAdam', () => {
  it('matches PyTorch: loss, every gradient and every parameter after one Adam step (cpu)', () => {
    const { weights, caseT } = loadCnn64();
    const cnn = cnnFromTorch(tf, weights, { imageSize: 64 });
    const { x, labels } = caseInputs(tf, caseT);
    const { value, grads } = tf.variableGrads(() => softmaxCrossEntropy(tf, cnn.forward(x), labels) as tf.Scalar, [...cnn.params.values()]);
    expect(relError(value.dataSync(), caseT.get('loss')?.data as Float32Array)).toBeLessThanOrEqual(TOL);
    const byName = new Map<string, tf.Tensor>();
    for (const [name, v] of cnn.params) byName.set(name, grads[v.name]);
    for (const name of CNN_PARAM_NAMES) {
      const g = toTorchLayout(tf, name, byName.get(name) as tf.Tensor, cnn.options);
      expect(relError(g.dataSync(), caseT.get(`grad.${name}`)?.data as Float32Array), `grad.${name}`).toBeLessThanOrEqual(TOL);
      g.dispose();
    }
    const adam = createAdam(tf, cnn.params, { learningRate: 1e-3 });
    adam.apply(byName);
    expect(adam.step).toBe(1);
    for (const name of CNN_PARAM_NAMES) {
      const p = toTorchLayout(tf, name, cnn.params.get(name) as tf.Variable, cnn.options);
      expect(relError(p.dataSync(), caseT.get(`after_adam.${name}`)?.data as Float32Array), `after_adam.${name}`).toBeLessThanOrEqual(TOL);
      p.dispose();
    }
    tf.dispose([x, labels, value, ...Object.values(grads)]);
    adam.dispose();
    cnn.dispose();
  });

  it('follows the bias-corrected update over several steps on a scalar (float64 reference)', () => {
    const p = tf.variable(tf.scalar(0.5));
    const adam = createAdam(tf, new Map([['p', p]]), { learningRate: 0.1, epsilon: 1e-8 });
    const gs = [0.3, -1.2, 0.05, 2.0];
    let [ref, m, v] = [0.5, 0, 0];
    gs.forEach((g, i) => {
      adam.apply({ p: tf.scalar(g) });
      m = 0.9 * m + 0.1 * g;
      v = 0.999 * v + 0.001 * g * g;
      const mhat = m / (1 - 0.9 ** (i + 1));
      const vhat = v / (1 - 0.999 ** (i + 1));
      ref -= (0.1 * mhat) / (Math.sqrt(vhat) + 1e-8);
      expect(Math.abs(p.dataSync()[0] - ref)).toBeLessThan(1e-6);
    });
    adam.dispose();
    p.dispose();
  });

  it('frees every tensor it made when disposed (its moments hold no extra references)', () => {
    const p = tf.variable(tf.ones([3, 4]));
    const before = tf.memory().numTensors;
    const adam = createAdam(tf, new Map([['p', p]]), { learningRate: 0.1 });
    adam.apply({ p: tf.onesLike(p) });
    adam.dispose();
    expect(tf.memory().numTensors).toBe(before + 1); // the gradient passed in belongs to the caller
    p.dispose();
  });

  it('rejects invalid hyper-parameters', () => {
    expect(() => createAdam(tf, new Map(), { learningRate: -1 })).toThrow(/learningRate/);
    expect(() => createAdam(tf, new Map(), { learningRate: 1e-3, beta1: 1 })).toThrow(/betas/);
  });
});
