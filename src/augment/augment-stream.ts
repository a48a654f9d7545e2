/** The random stream a training step's augmentation draws from: fixed by the run's seed and the step, so a run repeats exactly. */
import { type Rng, mulberry32 } from '../data/rng';

/** The stream of global step `step` (0-based) of a run seeded `seed`; distinct from the seed's shuffle stream. */
export function augmentStream(seed: number, step: number): Rng {
  const mixed = (Math.imul((seed >>> 0) ^ 0x41c64e6d, 0x85ebca6b) ^ Math.imul(step + 1, 0x9e3779b1)) >>> 0;
  return mulberry32(mixed);
}
