import { describe, expect, it } from 'vitest';
import { backendOrder, DEFAULT_SETTINGS, readSettings, runConfigOf, TORCH_ADAM_EPSILON } from '../../../src/runs/train-settings';

const raw = { backend: 'auto', imageSize: '32', epochs: '10', batchSize: '32', learningRate: '1e-3', seed: '42' };

describe('readSettings', () => {
  it("reads the form and gives a q2.2 CNN config with PyTorch's Adam epsilon", () => {
    const r = readSettings(raw);
    expect(r).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, imageSize: 32 } });
    if (!r.ok) return;
    expect(runConfigOf(r.value)).toMatchObject({
      model: 'cnn',
      question: 'q2.2',
      imageSize: 32,
      epochs: 10,
      batchSize: 32,
      learningRate: 0.001,
      adamEpsilon: TORCH_ADAM_EPSILON,
      seed: 42,
    });
    expect(TORCH_ADAM_EPSILON).toBe(1e-8);
  });
  it('reports every bad field with what was typed', () => {
    const r = readSettings({ ...raw, backend: 'metal', imageSize: '50', epochs: '0', batchSize: '3.5', learningRate: 'fast', seed: '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['backend', 'imageSize', 'epochs', 'batchSize', 'learningRate', 'seed']);
    expect(r.errors.find((e) => e.field === 'learningRate')!.message).toContain('"fast"');
  });
  it('auto tries webgpu, webgl, wasm, cpu; a named backend only itself', () => {
    expect(backendOrder('auto')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(backendOrder('wasm')).toEqual(['wasm']);
  });
});
