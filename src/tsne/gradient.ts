/** The t-SNE gradient of KL(P‖Q) (without the constant 4, as bhtsne and openTSNE): Barnes–Hut and exact, plus the exact KL. */
import type { SparseP } from './affinities.ts';
import type { SpaceTree } from './space-tree.ts';

/**
 * grad_i = Σ_j (e·p_ij − q_ij) (1+‖y_i−y_j‖²)⁻¹ (y_i − y_j), the repulsion from the tree at `theta`;
 * writes grad ([n, dims]) and returns KL(P‖Q) of the unexaggerated P when `wantKl`, else NaN.
 */
export function barnesHutGradient(p: SparseP, y: Float64Array, dims: 2 | 3, tree: SpaceTree, theta: number, exaggeration: number, grad: Float64Array, wantKl: boolean): number {
  tree.build(y);
  const { forces, z } = tree.repulsion(y, theta);
  const { n, rowPtr, cols, values } = p;
  const invZ = 1 / z;
  const logZ = Math.log(z);
  let kl = 0;
  for (let i = 0; i < n; i++) {
    const o = i * dims;
    const y0 = y[o];
    const y1 = y[o + 1];
    const y2 = dims === 3 ? y[o + 2] : 0;
    let g0 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
      const oj = cols[e] * dims;
      const d0 = y0 - y[oj];
      const d1 = y1 - y[oj + 1];
      const d2 = dims === 3 ? y2 - y[oj + 2] : 0;
      const q = 1 / (1 + d0 * d0 + d1 * d1 + d2 * d2);
      const pv = values[e];
      const w = exaggeration * pv * q;
      g0 += w * d0;
      g1 += w * d1;
      g2 += w * d2;
      if (wantKl && pv > 0) kl += pv * (Math.log(pv) - Math.log(q) + logZ);
    }
    grad[o] = g0 - forces[o] * invZ;
    grad[o + 1] = g1 - forces[o + 1] * invZ;
    if (dims === 3) grad[o + 2] = g2 - forces[o + 2] * invZ;
  }
  return wantKl ? kl : NaN;
}

/** Z = Σ_{i≠j} (1+‖y_i−y_j‖²)⁻¹ by all pairs. */
function exactZ(y: Float64Array, n: number, dims: number): number {
  let z = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let r2 = 0;
      for (let a = 0; a < dims; a++) r2 += (y[i * dims + a] - y[j * dims + a]) ** 2;
      z += 2 / (1 + r2);
    }
  }
  return z;
}

/** KL(P‖Q) of an embedding with Q computed over all pairs (O(n²)). */
export function exactKl(p: SparseP, y: Float64Array, dims: 2 | 3): number {
  const { n, rowPtr, cols, values } = p;
  const logZ = Math.log(exactZ(y, n, dims));
  let kl = 0;
  for (let i = 0; i < n; i++) {
    for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
      const pv = values[e];
      if (pv <= 0) continue;
      let r2 = 0;
      for (let a = 0; a < dims; a++) r2 += (y[i * dims + a] - y[cols[e] * dims + a]) ** 2;
      kl += pv * (Math.log(pv) + Math.log(1 + r2) + logZ);
    }
  }
  return kl;
}

/** The same gradient as barnesHutGradient with the repulsion summed over all pairs (a reference, O(n²)). */
export function exactGradient(p: SparseP, y: Float64Array, dims: 2 | 3, exaggeration: number): Float64Array {
  const { n, rowPtr, cols, values } = p;
  const z = exactZ(y, n, dims);
  const grad = new Float64Array(n * dims);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let r2 = 0;
      for (let a = 0; a < dims; a++) r2 += (y[i * dims + a] - y[j * dims + a]) ** 2;
      const q = 1 / (1 + r2);
      for (let a = 0; a < dims; a++) grad[i * dims + a] -= (q * q / z) * (y[i * dims + a] - y[j * dims + a]);
    }
    for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
      const j = cols[e];
      let r2 = 0;
      for (let a = 0; a < dims; a++) r2 += (y[i * dims + a] - y[j * dims + a]) ** 2;
      const w = (exaggeration * values[e]) / (1 + r2);
      for (let a = 0; a < dims; a++) grad[i * dims + a] += w * (y[i * dims + a] - y[j * dims + a]);
    }
  }
  return grad;
}
