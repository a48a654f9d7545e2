/** The t-SNE gradient of KL(P‖Q) (without the constant 4, as bhtsne and openTSNE): Barnes–Hut and exact, plus the exact KL. */
import type { SparseP } from './affinities';
import type { SpaceTree } from './space-tree';

/**
 * Attraction A_i = e Σ_j p_ij q_ij (y_i − y_j) for rows [from, to) into `out`; returns those rows'
 * part of Σ p_ij (log p_ij − log q_ij) (unnormalised q, unexaggerated p) when `wantKl`, else 0;
 * `perRowKl` also receives each row's part.
 */
export function attraction(
  p: SparseP,
  y: Float64Array,
  dims: 2 | 3,
  exaggeration: number,
  out: Float64Array,
  from: number,
  to: number,
  wantKl: boolean,
  perRowKl?: Float64Array,
): number {
  if (dims === 2) attraction2(p, y, exaggeration, out, from, to);
  else attraction3(p, y, exaggeration, out, from, to);
  return wantKl ? attractionKl(p, y, dims, from, to, perRowKl) : 0;
}

function attraction2(p: SparseP, y: Float64Array, exaggeration: number, out: Float64Array, from: number, to: number): void {
  const { rowPtr, cols, values } = p;
  for (let i = from; i < to; i++) {
    const y0 = y[2 * i];
    const y1 = y[2 * i + 1];
    let g0 = 0;
    let g1 = 0;
    const end = rowPtr[i + 1];
    for (let e = rowPtr[i]; e < end; e++) {
      const j = 2 * cols[e];
      const d0 = y0 - y[j];
      const d1 = y1 - y[j + 1];
      const w = values[e] / (1 + d0 * d0 + d1 * d1);
      g0 += w * d0;
      g1 += w * d1;
    }
    out[2 * i] = exaggeration * g0;
    out[2 * i + 1] = exaggeration * g1;
  }
}

function attraction3(p: SparseP, y: Float64Array, exaggeration: number, out: Float64Array, from: number, to: number): void {
  const { rowPtr, cols, values } = p;
  for (let i = from; i < to; i++) {
    const y0 = y[3 * i];
    const y1 = y[3 * i + 1];
    const y2 = y[3 * i + 2];
    let g0 = 0;
    let g1 = 0;
    let g2 = 0;
    const end = rowPtr[i + 1];
    for (let e = rowPtr[i]; e < end; e++) {
      const j = 3 * cols[e];
      const d0 = y0 - y[j];
      const d1 = y1 - y[j + 1];
      const d2 = y2 - y[j + 2];
      const w = values[e] / (1 + d0 * d0 + d1 * d1 + d2 * d2);
      g0 += w * d0;
      g1 += w * d1;
      g2 += w * d2;
    }
    out[3 * i] = exaggeration * g0;
    out[3 * i + 1] = exaggeration * g1;
    out[3 * i + 2] = exaggeration * g2;
  }
}

/** Row i's Σ_j p_ij (log p_ij − log q_ij) (unnormalised q). */
function rowKl(p: SparseP, y: Float64Array, dims: 2 | 3, i: number): number {
  const { rowPtr, cols, values } = p;
  let kl = 0;
  for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
    const pv = values[e];
    if (!(pv > 0)) continue;
    let r2 = 0;
    for (let a = 0; a < dims; a++) r2 += (y[i * dims + a] - y[cols[e] * dims + a]) ** 2;
    kl += pv * (Math.log(pv) + Math.log(1 + r2));
  }
  return kl;
}

/** Σ p_ij log p_ij over P (the part of the KL the embedding does not change). */
export function pLogP(p: SparseP): number {
  let s = 0;
  for (let e = 0; e < p.rowPtr[p.n]; e++) if (p.values[e] > 0) s += p.values[e] * Math.log(p.values[e]);
  return s;
}

/** Row i's Σ_j p_ij log(1 + ‖y_i − y_j‖²): with pLogP and log Z, the KL. */
export function rowLogQ(p: SparseP, y: Float64Array, dims: 2 | 3, i: number): number {
  const { rowPtr, cols, values } = p;
  let s = 0;
  for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
    const pv = values[e];
    if (!(pv > 0)) continue;
    let r2 = 0;
    for (let a = 0; a < dims; a++) r2 += (y[i * dims + a] - y[cols[e] * dims + a]) ** 2;
    s += pv * Math.log(1 + r2);
  }
  return s;
}

/** Rows [from, to)'s part of the KL, summed row by row in order (threads write `perRow` and the caller sums it the same way). */
export function attractionKl(p: SparseP, y: Float64Array, dims: 2 | 3, from: number, to: number, perRow?: Float64Array): number {
  let kl = 0;
  for (let i = from; i < to; i++) {
    const r = rowKl(p, y, dims, i);
    if (perRow) perRow[i] = r;
    kl += r;
  }
  return kl;
}

/** grad = A − F / Z from the attraction and the tree's forces; returns KL = partial + log Z (Σ p = 1) when `wantKl`, else NaN. */
export function combineGradient(
  attract: Float64Array,
  forces: Float64Array,
  z: number,
  grad: Float64Array,
  klPart: number,
  wantKl: boolean,
): number {
  const invZ = 1 / z;
  for (let e = 0; e < grad.length; e++) grad[e] = attract[e] - forces[e] * invZ;
  return wantKl ? klPart + Math.log(z) : NaN;
}

/**
 * grad_i = Σ_j (e·p_ij − q_ij) (1+‖y_i−y_j‖²)⁻¹ (y_i − y_j), the repulsion from the tree at `theta`;
 * writes grad ([n, dims]) and returns KL(P‖Q) of the unexaggerated P when `wantKl`, else NaN.
 * The attraction goes through `grad` itself, so nothing is allocated.
 */
export function barnesHutGradient(
  p: SparseP,
  y: Float64Array,
  dims: 2 | 3,
  tree: SpaceTree,
  theta: number,
  exaggeration: number,
  grad: Float64Array,
  wantKl: boolean,
): number {
  tree.build(y);
  const z = tree.repulsion(y, theta);
  const klPart = attraction(p, y, dims, exaggeration, grad, 0, p.n, wantKl);
  return combineGradient(grad, tree.forces, z, grad, klPart, wantKl);
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
      for (let a = 0; a < dims; a++) grad[i * dims + a] -= ((q * q) / z) * (y[i * dims + a] - y[j * dims + a]);
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
