import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resnet18Shapes } from '../../../../src/train/resnet18';
import { initResnet18State } from '../../../../src/train/resnet18-init';
import { BN_INIT, batchNormStats, batchNormText, looksTrained } from '../../../../src/tensor/weights/batchnorm-stats';
import { readSafetensors } from '../../../../src/tensor/weights/safetensors';
import type { TensorMap } from '../../../../src/tensor/weights/tensor-map';

const fixture = readSafetensors(new Uint8Array(readFileSync('../shared/fixtures/resnet18/weights.safetensors'))).tensors;
const bnLayers = [...resnet18Shapes(1000).keys()].filter((k) => k.endsWith('.running_mean')).length;

/** The mean of every channel of every running buffer whose name ends with `suffix`, computed directly. */
function channelMean(state: TensorMap, suffix: string, f: (v: number) => number): number {
  const values = [...state].filter(([k]) => k.endsWith(suffix)).flatMap(([, t]) => Array.from(t.data, Number));
  return values.reduce((a, v) => a + f(v), 0) / values.length;
}

describe('batchNormStats', () => {
  it("reads the fixture's moved statistics as trained, with the averages of its buffers", () => {
    const s = batchNormStats(fixture);
    expect(s.layers).toBe(bnLayers);
    expect(s.atInit).toBe(0);
    expect(s.meanVariance).toBeCloseTo(
      channelMean(fixture, '.running_var', (v) => v),
      5,
    );
    expect(s.meanAbsMean).toBeCloseTo(channelMean(fixture, '.running_mean', Math.abs), 5);
    expect(looksTrained(s)).toBe(true);
    expect(batchNormText(s)).toMatch(new RegExp(`^its BatchNorm statistics show trained weights \\(all ${bnLayers} layers moved`));
  });

  it('reads a fresh torch init (mean 0, variance 1 everywhere) as never trained', () => {
    const s = batchNormStats(initResnet18State(10, 3) as TensorMap);
    expect(s).toMatchObject({
      layers: bnLayers,
      atInit: bnLayers,
      meanVariance: BN_INIT.variance,
      meanAbsMean: BN_INIT.mean,
      batchesTracked: 0,
    });
    expect(looksTrained(s)).toBe(false);
    expect(batchNormText(s)).toMatch(/torch's initial values in all \d+ layers .*never trained/);
  });

  it('counts the layers left at their initial values in a partly trained state, and reads a file without num_batches_tracked', () => {
    const state: TensorMap = new Map([...fixture].filter(([k]) => !k.endsWith('num_batches_tracked')));
    const n = state.get('bn1.running_var')!.data.length;
    state.set('bn1.running_mean', { dtype: 'F32', shape: [n], data: new Float32Array(n) });
    state.set('bn1.running_var', { dtype: 'F32', shape: [n], data: new Float32Array(n).fill(1) });
    const s = batchNormStats(state);
    expect(s).toMatchObject({ layers: bnLayers, atInit: 1, batchesTracked: null });
    expect(looksTrained(s)).toBe(false);
    expect(batchNormText(s)).toMatch(new RegExp(`^1 of its ${bnLayers} BatchNorm layers still have torch's initial statistics`));
  });

  it('finds nothing to judge in a state without BatchNorm', () => {
    const s = batchNormStats(new Map([['fc.weight', { dtype: 'F32', shape: [1], data: new Float32Array(1) }]]));
    expect(s.layers).toBe(0);
    expect(looksTrained(s)).toBe(false);
    expect(batchNormText(s)).toMatch(/no BatchNorm running statistics/);
  });
});
