import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainLogistic } from '../../../src/math/l2-training';
import { generatePapayas } from '../../../src/math/papaya-data';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('trainLogistic', () => {
  const data = generatePapayas(7, 40);
  const opts = { steps: 150, lr: 0.5 };

  it('ends with a smaller ‖w‖ with L2 (model A) than without (model B)', () => {
    const a = trainLogistic(data, { ...opts, lambda: 0.05 });
    const b = trainLogistic(data, { ...opts, lambda: 0 });
    expect(a.norms).toHaveLength(opts.steps);
    expect(a.norms[opts.steps - 1]).toBeLessThan(b.norms[opts.steps - 1]);
    expect(Math.hypot(...a.weights)).toBeCloseTo(a.norms[opts.steps - 1], 5);
  });

  it('keeps growing ‖w‖ without L2 on separable data', () => {
    const b = trainLogistic(data, { ...opts, lambda: 0 });
    expect(b.norms[opts.steps - 1]).toBeGreaterThan(b.norms[opts.steps / 2]);
  });

  it('is deterministic and leaks no tensors', () => {
    const before = tf.memory().numTensors;
    const r1 = trainLogistic(data, { ...opts, lambda: 0.01, steps: 20 });
    const r2 = trainLogistic(data, { ...opts, lambda: 0.01, steps: 20 });
    expect(r1).toEqual(r2);
    expect(tf.memory().numTensors).toBe(before);
  });
});
