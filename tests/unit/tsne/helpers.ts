/** Seeded test data for the t-SNE tests: Gaussian clusters in D dimensions. */
import { mulberry32 } from '../../../src/data/rng';

/** Standard normal from a seeded generator (Box–Muller). */
export function normal(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** `clusters` well-separated Gaussian blobs (centres ±`spread` apart, unit noise), `per` points each. */
export function blobs(
  clusters: number,
  per: number,
  d: number,
  seed: number,
  spread = 10,
): { x: Float32Array; labels: number[]; n: number } {
  const rng = mulberry32(seed);
  const centres = Array.from({ length: clusters }, () => Array.from({ length: d }, () => spread * normal(rng)));
  const n = clusters * per;
  const x = new Float32Array(n * d);
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % clusters;
    labels.push(c);
    for (let k = 0; k < d; k++) x[i * d + k] = centres[c][k] + normal(rng);
  }
  return { x, labels, n };
}

/** Fraction of each point's k nearest embedded neighbours that share its label. */
export function knnPurity(y: ArrayLike<number>, n: number, dims: number, labels: number[], k: number): number {
  let same = 0;
  for (let i = 0; i < n; i++) {
    const d = Array.from({ length: n }, (_, j) => {
      let r2 = 0;
      for (let a = 0; a < dims; a++) r2 += (y[i * dims + a] - y[j * dims + a]) ** 2;
      return { j, r2 };
    })
      .filter((e) => e.j !== i)
      .sort((a, b) => a.r2 - b.r2)
      .slice(0, k);
    same += d.filter((e) => labels[e.j] === labels[i]).length;
  }
  return same / (n * k);
}
