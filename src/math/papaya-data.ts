/** A small seeded two-feature papaya data set (colour, softness → sweet) for the L2 demo. */
import { mulberry32 } from '../exercises/variant';

/** One papaya: standardised features [colour, softness] and its label (1 = sweet). */
export interface Papaya {
  x: [number, number];
  y: 0 | 1;
}

/** `n` papayas drawn from N(0, I), sweet when 2·colour + 1.5·softness > 0 (linearly separable). */
export function generatePapayas(seed: number, n = 40): Papaya[] {
  const rng = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Array.from({ length: n }, () => {
    const x: [number, number] = [normal(), normal()];
    return { x, y: 2 * x[0] + 1.5 * x[1] > 0 ? 1 : 0 };
  });
}
