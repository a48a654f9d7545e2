import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTorchState } from '../../../src/train/cnn';
import { checkState, describeStateCheck, stateCheckOk } from '../../../src/train/model';
import { IMAGENET_MEAN, IMAGENET_STD, buildModel, checkModelState, cnnImageSize, imagenetNormalise } from '../../../src/train/model-build';
import { initResnet18State } from '../../../src/train/resnet18-init';
import { resnet18Shapes } from '../../../src/train/resnet18';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('buildModel', () => {
  it('builds the CNN at the input size its fc implies, and refuses a frozen backbone for it', () => {
    const state = initTorchState({ imageSize: 32, classes: 5 }, 1);
    expect(cnnImageSize(state)).toBe(32);
    const m = buildModel(tf, 'cnn', state);
    expect([m.kind, m.classes, m.featureSize]).toEqual(['cnn', 5, 512]);
    expect(m.trainable).toBe(m.params);
    m.dispose();
    expect(() => buildModel(tf, 'cnn', state, { frozenBackbone: true })).toThrow(/ResNet-18 only/);
    expect(() => checkModelState('cnn', new Map([...state].slice(1)))).toThrow(/homework CNN: missing 1: conv1\.weight/);
  });
});

describe('checkState', () => {
  it('sorts problems into missing, unexpected and mis-shaped, and bounds the message', () => {
    const expected = new Map(Array.from({ length: 12 }, (_, i) => [`w${i}`, [2]]));
    const c = checkState(
      new Map([
        ['w0', { shape: [3] }],
        ['extra', { shape: [1] }],
      ]),
      expected,
    );
    expect(stateCheckOk(c)).toBe(false);
    expect(c.missing.map((m) => m.name)).toEqual([...expected.keys()].slice(1));
    expect(c.unexpected).toEqual(['extra']);
    expect(c.misShaped).toEqual([{ name: 'w0', shape: [3], expected: [2] }]);
    expect(describeStateCheck(c, 'X')).toMatch(
      /^these weights do not fit X: missing 11: w1 \[2\].*… \(11 in all\); unexpected 1: extra; wrong shape 1: w0 is \[3\], needs \[2\]$/,
    );
  });
});

describe('initResnet18State', () => {
  it("follows torchvision's init: kaiming-normal fan_out convolutions, BatchNorm 1/0, Linear fc; seeded", () => {
    const a = initResnet18State(10, 4);
    expect([...a.keys()]).toEqual([...resnet18Shapes(10).keys()]);
    const w = a.get('layer3.0.conv2.weight')?.data as Float32Array;
    const std = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    expect(Math.abs(std / Math.sqrt(2 / (256 * 9)) - 1)).toBeLessThan(0.02);
    expect([...(a.get('bn1.weight')!.data as Float32Array)].every((v) => v === 1)).toBe(true);
    expect([...(a.get('bn1.running_mean')!.data as Float32Array)].every((v) => v === 0)).toBe(true);
    expect(a.get('bn1.num_batches_tracked')).toMatchObject({ data: [0], dtype: 'I64' });
    expect(initResnet18State(10, 4).get('conv1.weight')?.data).toEqual(a.get('conv1.weight')?.data);
    expect(initResnet18State(10, 5).get('conv1.weight')?.data).not.toEqual(a.get('conv1.weight')?.data);
  });
});

describe('imagenetNormalise', () => {
  it('subtracts the mean and divides by the std per RGB channel', () => {
    const y = imagenetNormalise(tf, tf.tensor4d([0, 0.5, 1, 1, 1, 1], [1, 1, 2, 3]));
    const expected = [0, 0.5, 1, 1, 1, 1].map((v, i) => (v - IMAGENET_MEAN[i % 3]) / IMAGENET_STD[i % 3]);
    [...y.dataSync()].forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
    y.dispose();
  });
});
