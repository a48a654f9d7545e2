import { describe, expect, it } from 'vitest';
import { parameterCount, shapeTable } from '../../../src/train/shape-table';
import { torchShapes } from '../../../src/train/cnn';
import { loadCnn64 } from './helpers/cnn64';

describe('shapeTable', () => {
  it('ends in 128·4·4 = 2048 features at 64×64 and counts the fixture parameters', () => {
    const rows = shapeTable(64);
    expect(rows.find((r) => r.layer === 'flatten')?.output).toEqual([2048]);
    const { weights } = loadCnn64();
    let total = 0;
    for (const t of weights.values()) total += t.data.length;
    expect(parameterCount(64)).toBe(total);
  });

  it('agrees with the parameter shapes of the model for several sizes', () => {
    for (const size of [16, 32, 128, 224]) {
      const fromShapes = [...torchShapes({ imageSize: size }).values()].reduce((a, s) => a + s.reduce((x, y) => x * y, 1), 0);
      expect(parameterCount(size)).toBe(fromShapes);
      expect(shapeTable(size).at(-2)?.output).toEqual([128 * (size / 16) ** 2]);
    }
  });

  it('rejects sizes that are not positive multiples of 16', () => {
    for (const bad of [0, 8, 28, 33, -16, 1.5, NaN]) expect(() => shapeTable(bad)).toThrow(/multiple of 16/);
  });
});
