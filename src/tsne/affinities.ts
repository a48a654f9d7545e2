/** t-SNE input affinities: per-point Gaussian bandwidths by binary search on perplexity, then the symmetric sparse P. */
import type { Knn } from './knn';

/** A symmetric sparse matrix in CSR form; t-SNE's P sums to 1. */
export interface SparseP {
  n: number;
  rowPtr: Int32Array;
  cols: Int32Array;
  values: Float64Array;
}

const TOLERANCE = 1e-5;
const MAX_STEPS = 100;

/**
 * Conditional p_{j|i} over each point's kNN row so that its entropy is log(perplexity) (natural
 * log, within 1e-5 as scikit-learn's _binary_search_perplexity, found faster: conditionalRows). Distances are shifted by the row's
 * nearest, which leaves p unchanged and keeps exp() from underflowing on large distances.
 */
export function conditionalP(knn: Knn, perplexity: number): Float64Array {
  const p = new Float64Array(knn.n * knn.k);
  conditionalRows(knn, perplexity, 0, knn.n, p);
  return p;
}

/**
 * conditionalP for rows [from, to) into p (threads split the rows; each row is the same wherever
 * it is computed). β is found by Newton's method on the entropy, dH/dβ = −β·Var(d), kept inside the
 * bracket the steps so far have found and bisected whenever a step would leave it: a handful of
 * passes over the row where bisection takes twenty or more.
 */
export function conditionalRows(knn: Pick<Knn, 'k' | 'distances'>, perplexity: number, from: number, to: number, p: Float64Array): void {
  const { k, distances } = knn;
  const target = Math.log(perplexity);
  for (let i = from; i < to; i++) {
    const base = i * k;
    const d0 = distances[base];
    let beta = 1;
    let lo = 0;
    let hi = Infinity;
    let sum = 0;
    for (let step = 0; step < MAX_STEPS; step++) {
      sum = 0;
      let sumD = 0;
      let sumD2 = 0;
      for (let r = 0; r < k; r++) {
        const dr = distances[base + r] - d0;
        const v = Math.exp(-dr * beta);
        p[base + r] = v;
        sum += v;
        sumD += dr * v;
        sumD2 += dr * dr * v;
      }
      const mean = sumD / sum;
      const diff = Math.log(sum) + beta * mean - target;
      if (Math.abs(diff) <= TOLERANCE) break;
      if (diff > 0) lo = beta;
      else hi = beta;
      const variance = sumD2 / sum - mean * mean;
      const newton = beta + diff / (beta * variance);
      if (newton > lo && newton < hi) beta = newton;
      else beta = hi === Infinity ? beta * 2 : (lo + hi) / 2;
    }
    for (let r = 0; r < k; r++) p[base + r] /= sum;
  }
}

/** P = (C + Cᵀ) / sum, C the conditional kNN affinities: the union of both directions' neighbours. */
export function symmetricP(knn: Knn, conditional: Float64Array): SparseP {
  const { n, k, indices } = knn;
  // Incoming edges (j → i) as CSR of the transpose, by counting sort.
  const inPtr = new Int32Array(n + 1);
  for (let e = 0; e < n * k; e++) inPtr[indices[e] + 1]++;
  for (let i = 0; i < n; i++) inPtr[i + 1] += inPtr[i];
  const inFrom = new Int32Array(n * k);
  const inVal = new Float64Array(n * k);
  const fill = inPtr.slice(0, n);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < k; r++) {
      const e = i * k + r;
      const at = fill[indices[e]]++;
      inFrom[at] = i;
      inVal[at] = conditional[e];
    }
  }
  const slot = new Int32Array(n).fill(-1);
  const rowPtr = new Int32Array(n + 1);
  const cols = new Int32Array(2 * n * k);
  const values = new Float64Array(2 * n * k);
  let nnz = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const start = nnz;
    for (let r = 0; r < k; r++) {
      const j = indices[i * k + r];
      slot[j] = nnz;
      cols[nnz] = j;
      values[nnz++] = conditional[i * k + r];
    }
    for (let e = inPtr[i]; e < inPtr[i + 1]; e++) {
      const j = inFrom[e];
      if (slot[j] >= 0) values[slot[j]] += inVal[e];
      else {
        cols[nnz] = j;
        values[nnz++] = inVal[e];
      }
    }
    for (let e = start; e < nnz; e++) {
      slot[cols[e]] = -1;
      total += values[e];
    }
    rowPtr[i + 1] = nnz;
  }
  const scale = 1 / Math.max(total, Number.MIN_VALUE);
  for (let e = 0; e < nnz; e++) values[e] *= scale;
  return { n, rowPtr, cols: cols.slice(0, nnz), values: values.slice(0, nnz) };
}
