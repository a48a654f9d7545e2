/** The top principal components of [n, d] data by seeded block power iteration with Rayleigh–Ritz (t-SNE's initialisation). */
import { mulberry32 } from '../data/rng';

const POWER_STEPS = 4;
const EXTRA_VECTORS = 6;

/** Standard normal samples from a seeded uniform generator (Box–Muller). */
function gaussian(rng: () => number): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Orthonormalises the b columns of a [d, b] row-major matrix in place (modified Gram–Schmidt). */
function orthonormalise(q: Float64Array, d: number, b: number): void {
  for (let c = 0; c < b; c++) {
    for (let p = 0; p < c; p++) {
      let dot = 0;
      for (let r = 0; r < d; r++) dot += q[r * b + c] * q[r * b + p];
      for (let r = 0; r < d; r++) q[r * b + c] -= dot * q[r * b + p];
    }
    let norm = 0;
    for (let r = 0; r < d; r++) norm += q[r * b + c] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let r = 0; r < d; r++) q[r * b + c] /= norm;
  }
}

/** Eigen-decomposition of a symmetric [b, b] matrix by cyclic Jacobi: eigenvalues and column eigenvectors. */
export function symmetricEigen(a: Float64Array, b: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(b * b);
  for (let i = 0; i < b; i++) v[i * b + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < b; p++) for (let q = p + 1; q < b; q++) off += m[p * b + q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < b; p++) {
      for (let q = p + 1; q < b; q++) {
        const apq = m[p * b + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q * b + q] - m[p * b + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < b; r++) {
          const mrp = m[r * b + p];
          const mrq = m[r * b + q];
          m[r * b + p] = c * mrp - s * mrq;
          m[r * b + q] = s * mrp + c * mrq;
        }
        for (let r = 0; r < b; r++) {
          const mpr = m[p * b + r];
          const mqr = m[q * b + r];
          m[p * b + r] = c * mpr - s * mqr;
          m[q * b + r] = s * mpr + c * mqr;
        }
        for (let r = 0; r < b; r++) {
          const vrp = v[r * b + p];
          const vrq = v[r * b + q];
          v[r * b + p] = c * vrp - s * vrq;
          v[r * b + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const values = new Float64Array(b);
  for (let i = 0; i < b; i++) values[i] = m[i * b + i];
  return { values, vectors: v };
}

/** W = (X − mean)·Q for a [d, b] matrix Q: [n, b]; four columns at a time in registers (the same sums, in the same order, as one at a time). */
function projectCentred(x: ArrayLike<number>, n: number, d: number, mean: Float64Array, q: Float64Array, b: number, w: Float64Array): void {
  const shift = new Float64Array(b);
  for (let r = 0; r < d; r++) for (let c = 0; c < b; c++) shift[c] += mean[r] * q[r * b + c];
  for (let i = 0; i < n; i++) {
    const wo = i * b;
    const xo = i * d;
    let c = 0;
    for (; c + 4 <= b; c += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let r = 0, qo = c; r < d; r++, qo += b) {
        const xv = x[xo + r];
        if (xv === 0) continue;
        s0 += xv * q[qo];
        s1 += xv * q[qo + 1];
        s2 += xv * q[qo + 2];
        s3 += xv * q[qo + 3];
      }
      w[wo + c] = s0 - shift[c];
      w[wo + c + 1] = s1 - shift[c + 1];
      w[wo + c + 2] = s2 - shift[c + 2];
      w[wo + c + 3] = s3 - shift[c + 3];
    }
    for (; c < b; c++) {
      let s0 = 0;
      for (let r = 0; r < d; r++) {
        const xv = x[xo + r];
        if (xv !== 0) s0 += xv * q[r * b + c];
      }
      w[wo + c] = s0 - shift[c];
    }
  }
}

/** Q = Xᵀ W ([d, b]), summed over the rows in order, four columns of W at a time in registers. */
function transposeTimes(x: ArrayLike<number>, n: number, d: number, w: Float64Array, b: number, q: Float64Array): void {
  q.fill(0);
  for (let i = 0; i < n; i++) {
    const wo = i * b;
    const xo = i * d;
    let c = 0;
    for (; c + 4 <= b; c += 4) {
      const w0 = w[wo + c];
      const w1 = w[wo + c + 1];
      const w2 = w[wo + c + 2];
      const w3 = w[wo + c + 3];
      for (let r = 0, qo = c; r < d; r++, qo += b) {
        const xv = x[xo + r];
        if (xv === 0) continue;
        q[qo] += xv * w0;
        q[qo + 1] += xv * w1;
        q[qo + 2] += xv * w2;
        q[qo + 3] += xv * w3;
      }
    }
    for (; c < b; c++) {
      const w0 = w[wo + c];
      for (let r = 0; r < d; r++) {
        const xv = x[xo + r];
        if (xv !== 0) q[r * b + c] += xv * w0;
      }
    }
  }
}

/**
 * Scores of the first `components` principal components, [n, components]; each component's sign
 * makes its largest loading positive (scikit-learn's svd_flip on Vᵀ), so the result hardly depends on `seed`.
 */
export function pcaScores(x: ArrayLike<number>, n: number, d: number, components: number, seed = 0): Float64Array {
  const b = Math.min(d, components + EXTRA_VECTORS);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let r = 0; r < d; r++) mean[r] += x[i * d + r];
  for (let r = 0; r < d; r++) mean[r] /= n;
  const rng = mulberry32(seed);
  const q = new Float64Array(d * b);
  for (let e = 0; e < q.length; e++) q[e] = gaussian(rng);
  orthonormalise(q, d, b);
  const w = new Float64Array(n * b);
  for (let step = 0; step < POWER_STEPS; step++) {
    projectCentred(x, n, d, mean, q, b, w);
    // Q ← Xcᵀ W (the column sums of W are zero, so Xcᵀ W = Xᵀ W).
    transposeTimes(x, n, d, w, b, q);
    orthonormalise(q, d, b);
  }
  // Rayleigh–Ritz: eigenvectors of Qᵀ C Q = (XcQ)ᵀ(XcQ) rotate Q onto the components.
  projectCentred(x, n, d, mean, q, b, w);
  const small = new Float64Array(b * b);
  for (let i = 0; i < n; i++) for (let c = 0; c < b; c++) for (let e = 0; e < b; e++) small[c * b + e] += w[i * b + c] * w[i * b + e];
  const { values, vectors } = symmetricEigen(small, b);
  const order = Array.from({ length: b }, (_, i) => i).sort((a, c) => values[c] - values[a]);
  const scores = new Float64Array(n * components);
  const loading = new Float64Array(d);
  for (let c = 0; c < components; c++) {
    const col = order[c];
    loading.fill(0);
    for (let r = 0; r < d; r++) for (let e = 0; e < b; e++) loading[r] += q[r * b + e] * vectors[e * b + col];
    let big = 0;
    for (let r = 0; r < d; r++) if (Math.abs(loading[r]) > Math.abs(big)) big = loading[r];
    const sign = big < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let e = 0; e < b; e++) s += w[i * b + e] * vectors[e * b + col];
      scores[i * components + c] = sign * s;
    }
  }
  return scores;
}
