import { describe, expect, it } from 'vitest';
import { sharedGradient } from '../../../src/tsne/shared-gradient';

describe('sharedGradient', () => {
  it('lets waiting threads poll only when every thread has a core of its own', () => {
    expect(sharedGradient(10, 2, 2, 0.5, 2).spinMs).toBeGreaterThan(0);
    expect(sharedGradient(10, 2, 2, 0.5).spinMs).toBeGreaterThan(0);
    expect(sharedGradient(10, 2, 4, 0.5, 2).spinMs).toBe(0);
  });

  it('shares its state through SharedArrayBuffers sized for n points', () => {
    const s = sharedGradient(10, 3, 2, 0.5);
    for (const a of [s.ctrl, s.params, s.y, s.forces, s.attract, s.groupZ, s.rowKl]) expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([s.y.length, s.forces.length, s.rowKl.length]).toEqual([30, 30, 10]);
  });
});
