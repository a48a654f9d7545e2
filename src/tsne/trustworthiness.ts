/**
 * Trustworthiness of an embedding (Venna & Kaski), as sklearn.manifold.trustworthiness:
 * T(k) = 1 − 2/(n k (2n − 3k − 1)) Σ_i Σ_{j ∈ N_k^Y(i)} max(0, r(i, j) − k), where r(i, j) is the
 * rank of j among i's neighbours in the input space (1 = nearest). The input-space ranks come from
 * one pass over the upper triangle of the distances, each pair computed once.
 */
import { distanceRows, type DistanceRows } from './distance-kernel';

/** The k nearest other points of each embedded point (brute force; the embedding has 2 or 3 coordinates). */
function embeddedNeighbours(y: ArrayLike<number>, n: number, dims: number, k: number): Int32Array {
  const out = new Int32Array(n * k);
  const best = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    let size = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let r2 = 0;
      for (let a = 0; a < dims; a++) r2 += (y[i * dims + a] - y[j * dims + a]) ** 2;
      if (size === k && r2 >= best[k - 1]) continue;
      let at = size < k ? size++ : k - 1;
      while (at > 0 && best[at - 1] > r2) {
        best[at] = best[at - 1];
        out[i * k + at] = out[i * k + at - 1];
        at--;
      }
      best[at] = r2;
      out[i * k + at] = j;
    }
  }
  return out;
}

/** sklearn.manifold.trustworthiness(X, Y, n_neighbors=k) for [n, d] inputs x and [n, dims] embedding y; `rows` reuses x's distances (distance-cache). */
export function trustworthiness(
  x: ArrayLike<number>,
  n: number,
  d: number,
  y: ArrayLike<number>,
  dims: number,
  k = 5,
  rows: DistanceRows = distanceRows(x, n, d),
): number {
  if (!Number.isInteger(k) || k < 1 || k >= n / 2)
    throw new Error(`trustworthiness: k must be an integer in [1, n/2), got ${k} for n = ${n}`);
  if (y.length !== n * dims) throw new Error(`trustworthiness: the embedding has ${y.length} values, not ${n}×${dims}`);
  if (rows.n !== n) throw new Error(`trustworthiness: the distance rows are for ${rows.n} points, not ${n}`);
  const neighbours = embeddedNeighbours(y, n, dims, k);
  // threshold[i*k + r]: input-space squared distance from i to its r-th embedded neighbour.
  const threshold = new Float64Array(n * k);
  const rank = new Float64Array(n * k).fill(1);
  // For each point, the (l, r) slots whose neighbour it is from a later row l > i (CSR by counting).
  const revPtr = new Int32Array(n + 1);
  for (let e = 0; e < n * k; e++) if (neighbours[e] < Math.floor(e / k)) revPtr[neighbours[e] + 1]++;
  for (let i = 0; i < n; i++) revPtr[i + 1] += revPtr[i];
  const rev = new Int32Array(revPtr[n]);
  const fill = revPtr.slice(0, n);
  for (let e = 0; e < n * k; e++) if (neighbours[e] < Math.floor(e / k)) rev[fill[neighbours[e]]++] = e;
  for (let i = 0; i < n - 1; i++) {
    const row = rows.squaredDistancesAfter(i);
    for (let r = 0; r < k; r++) {
      const j = neighbours[i * k + r];
      if (j > i) threshold[i * k + r] = row[j];
    }
    for (let e = revPtr[i]; e < revPtr[i + 1]; e++) threshold[rev[e]] = row[Math.floor(rev[e] / k)];
  }
  // A pair farther than all of a point's thresholds moves none of its ranks: one comparison skips it.
  const farthest = new Float64Array(n);
  for (let e = 0; e < n * k; e++) if (threshold[e] > farthest[Math.floor(e / k)]) farthest[Math.floor(e / k)] = threshold[e];
  for (let i = 0; i < n - 1; i++) {
    const row = rows.squaredDistancesAfter(i);
    const bi = i * k;
    const fi = farthest[i];
    for (let l = i + 1; l < n; l++) {
      const dil = row[l];
      if (dil <= fi) {
        for (let r = 0; r < k; r++) {
          const ti = threshold[bi + r];
          if (dil < ti || (dil === ti && l < neighbours[bi + r])) rank[bi + r]++;
        }
      }
      if (dil <= farthest[l]) {
        const bl = l * k;
        for (let r = 0; r < k; r++) {
          const tl = threshold[bl + r];
          if (dil < tl || (dil === tl && i < neighbours[bl + r])) rank[bl + r]++;
        }
      }
    }
  }
  let penalty = 0;
  for (let e = 0; e < n * k; e++) if (rank[e] > k) penalty += rank[e] - k;
  return 1 - (penalty * 2) / (n * k * (2 * n - 3 * k - 1));
}
