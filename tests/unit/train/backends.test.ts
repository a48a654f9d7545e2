import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createAdam } from '../../../src/train/adam';
import { selectBackend, tryOrder } from '../../../src/train/backends';
import { CNN_PARAM_NAMES, cnnFromTorch, toTorchLayout } from '../../../src/train/cnn';
import { softmaxCrossEntropy } from '../../../src/train/loss';
import { caseInputs, loadCnn64, relError } from './helpers/cnn64';

const TOL = 1e-4; // max abs diff / max abs reference, per tensor

describe('selectBackend', () => {
  it('falls back past unavailable backends and reports why (Node: no WebGPU, no WebGL)', async () => {
    const choice = await selectBackend(tf, { preferred: ['webgpu', 'webgl', 'wasm', 'cpu'] });
    expect(choice.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(choice.failures.map((f) => f.name)).toEqual(['webgpu', 'webgl']);
    expect(choice.failures.every((f) => f.reason.length > 0)).toBe(true);
    // Node runs the threaded build on WASM_THREADS threads (default: every core): the choice says how many.
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    expect(choice.threads?.count).toBe(wasm.getThreadsCount());
    expect(choice.threads!.count).toBeGreaterThanOrEqual(1);
  });

  it('with avoidSoftware (auto), passes over a software GPU renderer for wasm and says why', async () => {
    const probes = {
      webgpu: async () => ({ ok: true as const, software: true as const, adapter: 'google swiftshader' }),
      webgl: () => ({ ok: true as const, software: true as const, adapter: 'ANGLE (SwiftShader Device)' }),
    };
    const choice = await selectBackend(tf, { preferred: ['webgpu', 'webgl', 'wasm', 'cpu'], avoidSoftware: true, probes });
    expect(choice.name).toBe('wasm');
    expect(choice.failures).toEqual([]);
    expect(choice.skipped?.map((s) => s.name)).toEqual(['webgpu', 'webgl']);
    expect(choice.skipped?.[0].reason).toMatch(/software renderer \(google swiftshader\), much slower than wasm/);
  });

  it('without avoidSoftware (a backend picked by name), a probe failure is reported in its own words', async () => {
    const probes = { webgpu: async () => ({ ok: false as const, reason: 'no WebGPU adapter: the browser found no usable GPU' }) };
    const choice = await selectBackend(tf, { preferred: ['webgpu', 'wasm'], probes });
    expect(choice.failures).toEqual([{ name: 'webgpu', reason: 'no WebGPU adapter: the browser found no usable GPU' }]);
    expect(choice.name).toBe('wasm');
  });

  it('tryOrder moves software GPU backends after wasm, before cpu, only when asked', () => {
    const order = ['webgpu', 'webgl', 'wasm', 'cpu'];
    expect(tryOrder(order, new Set(['webgpu', 'webgl']), true)).toEqual(['wasm', 'webgpu', 'webgl', 'cpu']);
    expect(tryOrder(order, new Set(['webgl']), true)).toEqual(['webgpu', 'wasm', 'webgl', 'cpu']);
    expect(tryOrder(order, new Set(['webgpu']), false)).toEqual(order);
    expect(tryOrder(['webgl'], new Set(['webgl']), true)).toEqual(['webgl']);
  });

  it('throws a message naming every failure when nothing works', async () => {
    await expect(selectBackend(tf, { preferred: ['nonexistent'] })).rejects.toThrow(/nonexistent: backend is not registered/);
  });

  it('gives a wasm training step that matches PyTorch (gradients and Adam step)', async () => {
    await selectBackend(tf, { preferred: ['wasm'] });
    const { weights, caseT } = loadCnn64();
    const cnn = cnnFromTorch(tf, weights, { imageSize: 64 });
    const { x, labels } = caseInputs(tf, caseT);
    const { value, grads } = tf.variableGrads(() => softmaxCrossEntropy(tf, cnn.forward(x), labels) as tf.Scalar, [...cnn.params.values()]);
    expect(relError(value.dataSync(), caseT.get('loss')?.data as Float32Array)).toBeLessThanOrEqual(TOL);
    const byName = new Map([...cnn.params].map(([name, v]) => [name, grads[v.name]]));
    for (const name of CNN_PARAM_NAMES) {
      const g = toTorchLayout(tf, name, byName.get(name) as tf.Tensor, cnn.options);
      expect(relError(g.dataSync(), caseT.get(`grad.${name}`)?.data as Float32Array), name).toBeLessThanOrEqual(TOL);
      g.dispose();
    }
    const adam = createAdam(tf, cnn.params, { learningRate: 1e-3 });
    adam.apply(byName);
    for (const name of CNN_PARAM_NAMES) {
      const p = toTorchLayout(tf, name, cnn.params.get(name) as tf.Variable, cnn.options);
      expect(relError(p.dataSync(), caseT.get(`after_adam.${name}`)?.data as Float32Array), name).toBeLessThanOrEqual(TOL);
      p.dispose();
    }
    tf.dispose([x, labels, value, ...Object.values(grads)]);
    adam.dispose();
    cnn.dispose();
  });
});
