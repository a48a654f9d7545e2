import { describe, expect, it } from 'vitest';
import {
  classCentroids,
  depthOrder,
  dragAngles,
  KEY_STEPS,
  nearestClasses,
  normaliseEmbedding,
  pickPoint,
  projectPerspective,
  rotationMatrix,
  viewKeyAction,
} from '../../../src/tsne/view-math';

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
    for (const [yaw, pitch] of [
      [0.3, -0.7],
      [2, 1.2],
      [-1, 0],
    ]) {
      const r = rotationMatrix(yaw, pitch);
      for (let a = 0; a < 3; a++)
        for (let b = 0; b < 3; b++) {
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
    expect(p.x[0]).toBeCloseTo((0.5 * 100 * 2) / 2.2, 10);
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

describe('viewKeyAction', () => {
  it('pans a 2-D view towards the arrow (the points move the other way, as on a map), rotates a 3-D one, zooms with + and −, resets with 0', () => {
    expect(viewKeyAction('ArrowRight', 2)).toEqual({ kind: 'pan', dx: -KEY_STEPS.pan, dy: 0 });
    expect(viewKeyAction('ArrowUp', 2)).toEqual({ kind: 'pan', dx: 0, dy: KEY_STEPS.pan });
    expect(viewKeyAction('ArrowLeft', 3)).toEqual({ kind: 'rotate', yaw: -KEY_STEPS.turn, pitch: 0 });
    expect(viewKeyAction('ArrowDown', 3)).toEqual({ kind: 'rotate', yaw: 0, pitch: KEY_STEPS.turn });
    expect(viewKeyAction('+', 3)).toEqual({ kind: 'zoom', factor: KEY_STEPS.zoom });
    expect(viewKeyAction('-', 2)).toEqual({ kind: 'zoom', factor: 1 / KEY_STEPS.zoom });
    expect(viewKeyAction('0', 2)).toEqual({ kind: 'reset' });
    expect(viewKeyAction('Home', 3)).toEqual({ kind: 'reset' });
    expect(viewKeyAction('a', 2)).toBeNull();
    expect(viewKeyAction('Tab', 3)).toBeNull();
  });
  it('turns a 3-D view by the drag angles of one step, pitch still clamped at ±90°', () => {
    const a = viewKeyAction('ArrowDown', 3);
    if (a?.kind !== 'rotate') throw new Error('expected a rotation');
    let pitch = 0;
    for (let i = 0; i < 100; i++) ({ pitch } = dragAngles(0, pitch, a.yaw, a.pitch, 1));
    expect(pitch).toBeCloseTo(Math.PI / 2, 12);
  });
});

describe('classCentroids and nearestClasses', () => {
  // Class 0 around (1, 0), class 1 around (−1, 0), class 2 around (0, 3).
  const pts = [1.1, 0, 0.9, 0, -1, 0.2, -1, -0.2, 0, 3];
  const labels = [0, 0, 1, 1, 2];
  it('average each class over the points shown, leaving out classes with none shown', () => {
    const c = classCentroids(pts, 5, 2, labels);
    expect(c.map((x) => [x.label, x.count])).toEqual([
      [0, 2],
      [1, 2],
      [2, 1],
    ]);
    expect(c[0].centre[0]).toBeCloseTo(1, 12);
    expect(c[0].centre[1]).toBeCloseTo(0, 12);
    expect(c[1].centre[0]).toBeCloseTo(-1, 12);
    const some = classCentroids(pts, 5, 2, labels, (i) => i !== 4 && i !== 0);
    expect(some.map((x) => [x.label, x.count])).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(some[0].centre[0]).toBeCloseTo(0.9, 12);
  });
  it('list the other classes by the distance of their centres, nearest first', () => {
    const near = nearestClasses(classCentroids(pts, 5, 2, labels), 2);
    expect(near[0].nearest.map((x) => x.label)).toEqual([1, 2]);
    expect(near[0].nearest[0].distance).toBeCloseTo(2, 12);
    expect(near[0].nearest[1].distance).toBeCloseTo(Math.hypot(1, 3), 12);
    expect(near[2].nearest.map((x) => x.label)).toEqual([0, 1]);
    expect(nearestClasses(classCentroids([0, 0], 1, 2, [4]))).toEqual([{ label: 4, nearest: [] }]);
  });
});
