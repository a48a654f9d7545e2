import { describe, expect, it } from 'vitest';
import { depthOrder, dragAngles, normaliseEmbedding, pickPoint, projectPerspective, rotationMatrix } from '../../../src/tsne/view-math';

const apply = (r: Float64Array, v: number[]) => [0, 1, 2].map((row) => r[3 * row] * v[0] + r[3 * row + 1] * v[1] + r[3 * row + 2] * v[2]);

describe('normaliseEmbedding', () => {
  it('centres the points and puts the farthest at radius 1', () => {
    const out = normaliseEmbedding([1, 1, 3, 1, 2, 5], 3, 2);
    const mean = [0, 1].map((a) => (out[a] + out[2 + a] + out[4 + a]) / 3);
    expect(mean[0]).toBeCloseTo(0, 12);
    expect(mean[1]).toBeCloseTo(0, 12);
    const radii = [0, 1, 2].map((i) => Math.hypot(out[2 * i], out[2 * i + 1]));
    expect(Math.max(...radii)).toBeCloseTo(1, 12);
  });
});

describe('rotationMatrix', () => {
  it('is orthonormal with determinant 1 for any angles', () => {
    for (const [yaw, pitch] of [[0.3, -0.7], [2, 1.2], [-1, 0]]) {
      const r = rotationMatrix(yaw, pitch);
      for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) {
        const dot = r[3 * a] * r[3 * b] + r[3 * a + 1] * r[3 * b + 1] + r[3 * a + 2] * r[3 * b + 2];
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 12);
      }
      const det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6]) + r[2] * (r[3] * r[7] - r[4] * r[6]);
      expect(det).toBeCloseTo(1, 12);
    }
  });

  it('yaw turns about the vertical axis, pitch about the horizontal one', () => {
    const yaw = apply(rotationMatrix(Math.PI / 2, 0), [1, 0, 0]);
    expect(yaw[0]).toBeCloseTo(0, 12);
    expect(yaw[1]).toBeCloseTo(0, 12);
    expect(Math.abs(yaw[2])).toBeCloseTo(1, 12);
    const pitch = apply(rotationMatrix(0, Math.PI / 2), [0, 1, 0]);
    expect(pitch[0]).toBeCloseTo(0, 12);
    expect(pitch[1]).toBeCloseTo(0, 12);
    expect(Math.abs(pitch[2])).toBeCloseTo(1, 12);
  });
});

describe('dragAngles', () => {
  it('follows the drag and clamps the pitch at ±90°', () => {
    expect(dragAngles(0, 0, 10, -20, 0.01)).toEqual({ yaw: 0.1, pitch: -0.2 });
    expect(dragAngles(0, 1.5, 0, 500).pitch).toBe(Math.PI / 2);
  });
});

describe('projectPerspective', () => {
  it('a nearer point is drawn larger and farther from the centre than the same offset far away', () => {
    const p = projectPerspective([0.5, 0, 0.8, 0.5, 0, -0.8, 0, 0, 0], 3, rotationMatrix(0, 0), 3, 100);
    expect(p.depth[0]).toBeCloseTo(2.2, 12);
    expect(p.depth[1]).toBeCloseTo(3.8, 12);
    expect(p.scale[0]).toBeGreaterThan(p.scale[1]);
    expect(p.x[0]).toBeCloseTo(0.5 * 100 * 2 / 2.2, 10);
    expect(p.x[0]).toBeGreaterThan(p.x[1]);
    expect(p.x[2]).toBe(0);
  });

  it('puts +y up on the screen (y grows downwards) and refuses a camera inside the points', () => {
    const p = projectPerspective([0, 1, 0], 1, rotationMatrix(0, 0));
    expect(p.y[0]).toBeLessThan(0);
    expect(() => projectPerspective([0, 0, 0], 1, rotationMatrix(0, 0), 1)).toThrow(/distance/);
  });
});

describe('depthOrder and pickPoint', () => {
  it('orders far to near, ties by index', () => {
    expect(Array.from(depthOrder([2, 5, 1, 5]))).toEqual([1, 3, 0, 2]);
  });

  it('picks the nearest visible point within the radius, the top one on a tie', () => {
    const x = [0, 10, 10.5, 50];
    const y = [0, 0, 0, 0];
    expect(pickPoint(x, y, 10.2, 0, 5)).toBe(1);
    expect(pickPoint(x, y, 10.2, 0, 5, (i) => i !== 1)).toBe(2);
    expect(pickPoint(x, y, 30, 0, 5)).toBe(-1);
    expect(pickPoint([1, 1], [1, 1], 1, 1, 2, undefined, [1, 0])).toBe(0);
  });
});
