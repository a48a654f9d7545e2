import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../../../src/train/backends';
import { isBookKernel } from '../../../../src/tensor/kernel-table';

beforeAll(async () => {
  await selectBackend(tf, { preferred: ['wasm'] });
});

describe('makeWasmIdentity', () => {
  it('is registered for wasm after selectBackend', () => {
    expect(isBookKernel(tf, 'Identity', 'wasm')).toBe(true);
  });

  it('shares the data without a copy; either tensor outlives the other; nothing leaks', () => {
    tf.setBackend('wasm');
    const buffers = tf.memory().numDataBuffers;
    const a = tf.tensor2d([
      [1, 2],
      [3, 4],
    ]);
    const b = tf.clone(a);
    expect(tf.memory().numDataBuffers).toBe(buffers + 1); // one buffer for both
    a.dispose();
    expect([...b.dataSync()]).toEqual([1, 2, 3, 4]);
    const c = tf.clone(b);
    b.dispose();
    const d = tf.add(c, 1);
    expect([...d.dataSync()]).toEqual([2, 3, 4, 5]);
    tf.dispose([c, d]);
    expect(tf.memory().numDataBuffers).toBe(buffers);
  });

  it('keeps variables independent of the tensors they were made from and assigned', () => {
    tf.setBackend('wasm');
    const t = tf.tensor1d([1, 2, 3]);
    const v = tf.variable(t);
    v.assign(tf.tensor1d([7, 8, 9]));
    expect([...t.dataSync()]).toEqual([1, 2, 3]);
    expect([...v.dataSync()]).toEqual([7, 8, 9]);
    tf.dispose([t, v]);
  });

  it('still serves string tensors', () => {
    tf.setBackend('wasm');
    expect(tf.clone(tf.tensor1d(['a', 'b'])).arraySync()).toEqual(['a', 'b']);
  });
});
