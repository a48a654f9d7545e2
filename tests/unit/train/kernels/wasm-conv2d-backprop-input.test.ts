import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src/data/rng';
import { selectBackend } from '../../../../src/train/backends';
import { isBookKernel, registerBookKernels, unregisterBookKernels } from '../../../../src/tensor/kernel-table';
import { wasmConv2DBackpropInputConfig } from '../../../../src/train/kernels/wasm-conv2d-backprop-input';
import { prepareSimdKernels, setSimdKernelsEnabled } from '../../../../src/train/kernels/wasm-simd/runtime';
import { relError } from '../helpers/cnn64';

const TOL = 1e-5; // max abs diff / max abs of the cpu result

beforeAll(async () => {
  await selectBackend(tf, { preferred: ['wasm'] });
});

interface Case {
  n: number;
  h: number;
  w: number;
  ci: number;
  co: number;
  k: [number, number];
  stride: number;
  pad: 'same' | 'valid' | number;
}

/** dL/dx for L = Σ conv2d(x, w) · dy on one backend. */
function inputGrad(backend: string, c: Case, xs: Float32Array, ws: Float32Array, seed: number): Float32Array {
  tf.setBackend(backend);
  return tf.tidy(() => {
    const x = tf.tensor4d(xs, [c.n, c.h, c.w, c.ci]);
    const w = tf.tensor4d(ws, [c.k[0], c.k[1], c.ci, c.co]);
    const shape = tf.conv2d(x, w, c.stride, c.pad).shape;
    const rng = mulberry32(seed);
    const dy = tf.tensor(
      Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng() * 2 - 1),
      shape,
    );
    return tf
      .grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(xx as tf.Tensor4D, w, c.stride, c.pad), dy)))(x)
      .dataSync() as Float32Array;
  });
}

for (const simd of [true, false])
  describe(`makeWasmConv2DBackpropInput (${simd ? 'SIMD product for strides' : 'tfjs kernel for strides'})`, () => {
    beforeAll(() => setSimdKernelsEnabled(simd));
    afterAll(() => setSimdKernelsEnabled(true));
    const rng = mulberry32(9);
    const cases: Case[] = [
      { n: 2, h: 8, w: 8, ci: 3, co: 4, k: [3, 3], stride: 1, pad: 1 },
      { n: 1, h: 7, w: 5, ci: 2, co: 5, k: [3, 3], stride: 1, pad: 'same' },
      { n: 2, h: 6, w: 9, ci: 4, co: 3, k: [2, 3], stride: 1, pad: 'valid' },
      { n: 1, h: 9, w: 9, ci: 3, co: 2, k: [4, 4], stride: 1, pad: 'same' },
      { n: 1, h: 9, w: 9, ci: 3, co: 2, k: [3, 3], stride: 2, pad: 1 },
      // strided, n·oh·ow a multiple of 4 (the SIMD product), as ResNet-18's downsampling convolutions
      { n: 4, h: 10, w: 10, ci: 8, co: 16, k: [3, 3], stride: 2, pad: 'valid' },
      { n: 2, h: 9, w: 8, ci: 5, co: 6, k: [3, 3], stride: 2, pad: 1 },
      { n: 4, h: 8, w: 8, ci: 16, co: 8, k: [1, 1], stride: 2, pad: 'valid' },
      { n: 1, h: 15, w: 15, ci: 3, co: 4, k: [7, 7], stride: 2, pad: 3 },
      { n: 2, h: 11, w: 12, ci: 4, co: 4, k: [2, 2], stride: 3, pad: 'same' },
      // stride 1 with few outputs and many channels (the SIMD product, as ResNet's deep layers)
      { n: 4, h: 4, w: 4, ci: 24, co: 32, k: [3, 3], stride: 1, pad: 'valid' },
      { n: 2, h: 3, w: 4, ci: 16, co: 40, k: [3, 3], stride: 1, pad: 1 },
    ];
    it('is the kernel registered for wasm after selectBackend', () => {
      expect(isBookKernel(tf, 'Conv2DBackpropInput', 'wasm')).toBe(true);
    });

    for (const c of cases) {
      it(`matches the cpu input gradient for ${JSON.stringify(c)} (rel. error ≤ ${TOL})`, () => {
        const xs = Float32Array.from({ length: c.n * c.h * c.w * c.ci }, () => rng() * 2 - 1);
        const ws = Float32Array.from({ length: c.k[0] * c.k[1] * c.ci * c.co }, () => rng() * 2 - 1);
        expect(relError(inputGrad('wasm', c, xs, ws, 1), inputGrad('cpu', c, xs, ws, 1))).toBeLessThanOrEqual(TOL);
      });
    }
  });

describe('makeWasmConv2DBackpropInput with a dy the geometry does not give', () => {
  it("hands it to tfjs's kernel, as tfjs-core's spec 'input=8x8x8,output=4x4x8,f=8,s=1,inDepth=8,p=same vec4' does", async () => {
    await prepareSimdKernels(tf.backend() as never, 1);
    // an 8×8 dy for a 4×4 output at stride 1 ('same' gives a 4×4 dy): its kernel must read dy's real strides
    const dy = tf.tensor4d(
      Float32Array.from({ length: 8 * 8 * 8 }, (_, i) => i % 5),
      [1, 8, 8, 8],
    );
    const w = tf.tensor4d(
      Float32Array.from({ length: 8 * 8 * 8 * 8 }, (_, i) => i % 7),
      [8, 8, 8, 8],
    );
    const run = () => tf.tidy(() => tf.conv2dTranspose(dy, w, [1, 4, 4, 8], 1, 'same').dataSync());
    const ours = run();
    unregisterBookKernels(tf, [wasmConv2DBackpropInputConfig]);
    const stock = run();
    registerBookKernels(tf, [wasmConv2DBackpropInputConfig]);
    expect(isBookKernel(tf, 'Conv2DBackpropInput', 'wasm')).toBe(true);
    expect(Array.from(ours)).toEqual(Array.from(stock));
    tf.dispose([dy, w]);
  });
});
