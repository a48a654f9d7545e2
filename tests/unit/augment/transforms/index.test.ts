import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src/data/rng';
import { FORM_ORDER, PIPELINE_OPS, TRANSFORMS, isTransformName } from '../../../../src/augment/transforms';
import { drawToOps } from '../../../../src/augment/draw-to-ops';
import { drawStep } from '../../../../src/augment/draws';
import { startStep } from '../../../../src/augment/pipeline-form';
import { GEOMETRIC_OPS } from '../../../../src/homework/q2-4-pipeline';

describe('TRANSFORMS', () => {
  it('lists every transform once in PIPELINE_OPS and FORM_ORDER', () => {
    expect([...PIPELINE_OPS].sort()).toEqual(Object.keys(TRANSFORMS).sort());
    expect([...FORM_ORDER].sort()).toEqual(Object.keys(TRANSFORMS).sort());
    expect(new Set(PIPELINE_OPS).size).toBe(PIPELINE_OPS.length);
  });

  it('gives each transform a title, accepts every canonical parameter and explains only parameters it has', () => {
    for (const op of PIPELINE_OPS) {
      const t = TRANSFORMS[op];
      const keys = Object.keys(startStep(op, 32).params);
      expect(t.title).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/);
      expect(t.accepts).toEqual(expect.arrayContaining(keys));
      for (const k of Object.keys(t.about)) expect(keys).toContain(k);
    }
  });

  it("draws a transform's own kind of draw, whose ops are its own", () => {
    for (const op of PIPELINE_OPS) {
      const step = startStep(op, 16);
      const draw = drawStep(mulberry32(3), step, 16, 16);
      expect(draw.op).toBe(op);
      expect(Array.isArray(drawToOps(step, draw))).toBe(true);
    }
  });

  it('marks as geometric exactly the transforms that move pixels, which q2.4.pipeline counts', () => {
    const moving = ['RandomHorizontalFlip', 'RandomPerspective', 'RandomResizedCrop', 'RandomCrop', 'RandomRotation'];
    expect(PIPELINE_OPS.filter((op) => TRANSFORMS[op].geometric)).toEqual(moving);
    expect(GEOMETRIC_OPS).toEqual(moving);
  });

  it('knows its names and nothing else', () => {
    expect(PIPELINE_OPS.every(isTransformName)).toBe(true);
    expect(['RandomFlip', 'toString', 'constructor', 3, null].some(isTransformName)).toBe(false);
  });
});
