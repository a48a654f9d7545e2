/**
 * The exact t-SNE gradient from the SIMD kernel (exact-kernel.ts): the kernel's per-row sums and
 * its chunks' column sums (added in chunk order) become grad = e·A − F/Z in double precision, so
 * one thread and many give the same gradient bit for bit.
 */
import type { SparseP } from './affinities';
import { CHUNKS, ExactKernel } from './exact-kernel';
import { exactKernelModule } from './exact-kernel-code';
import { pLogP, rowLogQ } from './gradient';
import type { GradientFn } from './tsne';

/** Whether this engine runs the exact kernel (WebAssembly SIMD). */
export function exactKernelAvailable(): boolean {
  return exactKernelModule(false) !== null;
}

/**
 * grad = e·A − F/Z from the kernel's sums (every chunk run, the columns summed into chunk 0);
 * returns KL(P‖Q) = Σ p log p + Σ p log(1 + d²) + log Z from the two sums given, or NaN when `logQ` is NaN.
 */
export function combineExact(kernel: ExactKernel, exaggeration: number, grad: Float64Array, plogp: number, logQ: number): number {
  const { n, n4, dims } = kernel.layout;
  const { repulsion: rep, attraction: att, columns } = kernel;
  const stride = dims + 1;
  let half = 0;
  for (let i = 0; i < n; i++) half += rep[i * stride + dims];
  // Each pair was summed once; Z counts it both ways.
  const z = 2 * half;
  const invZ = 1 / z;
  for (let a = 0; a < dims; a++) {
    for (let i = 0, o = a * n4; i < n; i++, o++)
      grad[i * dims + a] = exaggeration * att[i * dims + a] - (rep[i * stride + a] + columns[o]) * invZ;
  }
  return plogp + logQ + Math.log(z);
}

/** The exact gradient on this thread alone (its own memory). */
export function exactKernelGradient(p: SparseP, dims: 2 | 3): GradientFn {
  const kernel = ExactKernel.forP(p, dims, false);
  const plogp = pLogP(p);
  return (y, exaggeration, grad, wantKl) => {
    kernel.writeY(y);
    for (let c = 0; c < CHUNKS; c++) kernel.chunk(c);
    kernel.sumColumns();
    let logQ = NaN;
    if (wantKl) {
      logQ = 0;
      for (let i = 0; i < p.n; i++) logQ += rowLogQ(p, y, dims, i);
    }
    return combineExact(kernel, exaggeration, grad, plogp, logQ);
  };
}
