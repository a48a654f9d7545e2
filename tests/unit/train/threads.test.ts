import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../../../src/train/backends';
import { MAX_WASM_THREADS, planWasmThreads, wasmThreadsRequested } from '../../../src/train/threads';

const page = { node: false, hasSharedArrayBuffer: true, logicalCores: 4 };

describe('planWasmThreads', () => {
  it('uses every logical core in an isolated page, capped at the pool size', () => {
    expect(planWasmThreads({ ...page, isolated: true }).threads).toBe(4);
    expect(planWasmThreads({ ...page, isolated: true, logicalCores: 32 }).threads).toBe(MAX_WASM_THREADS);
    expect(planWasmThreads({ ...page, isolated: true }, 2).threads).toBe(2);
  });

  it('falls back to one thread, saying why, without isolation or SharedArrayBuffer', () => {
    expect(planWasmThreads({ ...page, isolated: false })).toEqual({
      threads: 1,
      reason: expect.stringMatching(/not cross-origin isolated/),
    });
    expect(planWasmThreads({ ...page, isolated: true, hasSharedArrayBuffer: false }).reason).toMatch(/no SharedArrayBuffer/);
  });

  it('rejects a bad thread count', () => {
    expect(() => planWasmThreads({ ...page, isolated: true }, 0)).toThrow(/positive integer/);
    process.env.WASM_THREADS = 'two';
    expect(() => wasmThreadsRequested()).toThrow(/WASM_THREADS must be a positive integer, got "two"/);
    delete process.env.WASM_THREADS;
    expect(wasmThreadsRequested()).toBeUndefined();
  });
});

describe('the wasm backend in Node', () => {
  it('starts the threaded build with the threads asked for, and computes as the cpu backend does', async () => {
    process.env.WASM_THREADS = '2';
    await selectBackend(tf, { preferred: ['wasm'] });
    delete process.env.WASM_THREADS;
    expect(getThreadsCount()).toBe(2);
    const a = tf.randomUniform([67, 129], -1, 1, 'float32', 3);
    const b = tf.randomUniform([129, 71], -1, 1, 'float32', 4);
    const got = tf.matMul(a, b).dataSync();
    tf.setBackend('cpu');
    const ref = tf.matMul(tf.tensor(a.dataSync(), a.shape), tf.tensor(b.dataSync(), b.shape)).dataSync();
    let err = 0;
    for (let i = 0; i < ref.length; i++) err = Math.max(err, Math.abs(got[i] - ref[i]));
    expect(err).toBeLessThanOrEqual(1e-4);
    expect(typeof URL.createObjectURL).toBe('function');
  });
});
