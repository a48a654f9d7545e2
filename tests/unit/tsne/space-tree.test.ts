import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/data/rng';
import { GROUP_SIZE, SpaceTree } from '../../../src/tsne/space-tree';
import { normal } from './helpers';

describe('SpaceTree.repulsion', () => {
  const n = 300;
  for (const dims of [2, 3] as const) {
    const rng = mulberry32(10 + dims);
    const y = Float64Array.from({ length: n * dims }, () => 5 * normal(rng));

    it(`${dims}-D: parts of the groups give the whole, force for force, and their Z adds up to it (relative 1e-12)`, () => {
      const whole = new SpaceTree(n, dims);
      whole.build(y);
      const z = whole.repulsion(y, 0.5);
      expect(whole.groupCount).toBeGreaterThanOrEqual(Math.ceil(n / GROUP_SIZE));
      expect(whole.groupCount).toBeLessThanOrEqual(n);
      for (const parts of [2, 3]) {
        const tree = new SpaceTree(n, dims);
        tree.build(y);
        const perGroup = new Float64Array(n);
        let sum = 0;
        for (let part = 0; part < parts; part++) sum += tree.repulsion(y, 0.5, part, parts, perGroup);
        expect(Array.from(tree.forces)).toEqual(Array.from(whole.forces));
        expect(Math.abs(sum - z) / z).toBeLessThan(1e-12);
        let ordered = 0;
        for (let g = 0; g < tree.groupCount; g++) ordered += perGroup[g];
        expect(ordered).toBe(z);
      }
    });
  }
});
