/**
 * The exact t-SNE gradient from the SIMD kernel (exact-kernel.ts): the kernel's per-row and
 * per-chunk sums become grad = e·A − F/Z in double precision, row by row and chunk by chunk in
 * order, so one thread and many give the same gradient bit for bit.
 */
import type { SparseP } from './affinities';
import { CHUNKS, ExactKernel, exactLayout, exactMemory, paddedEntries } from './exact-kernel';
import { exactKernelModule } from './exact-kernel-code';
import { attractionKl } from './gradient';
import type { GradientFn } from './tsne';

/** Whether this engine runs the exact kernel (WebAssembly SIMD). */
export function exactKernelAvailable(): boolean {
  return exactKernelModule(false) !== null;
}

/** grad = e·A − F/Z from the kernel's sums (every chunk run); returns KL(P‖Q) when wantKl, else NaN. */
export function combineExact(
  kernel: ExactKernel,
  p: SparseP,
  y: Float64Array,
  exaggeration: number,
  grad: Float64Array,
  wantKl: boolean,
): number {
  const { n, n4, dims } = kernel.layout;
  const { repulsion: rep, attraction: att, columns } = kernel;
  const stride = dims + 1;
  let half = 0;
  for (let i = 0; i < n; i++) half += rep[i * stride + dims];
  // Each pair was summed once; Z counts it both ways.
  const z = 2 * half;
  const invZ = 1 / z;
  for (let a = 0; a < dims; a++) {
    for (let i = 0; i < n; i++) {
      let f = rep[i * stride + a];
      for (let c = 0, o = a * n4 + i; c < CHUNKS; c++, o += dims * n4) f += columns[o];
      grad[i * dims + a] = exaggeration * att[i * dims + a] - f * invZ;
    }
  }
  return wantKl ? attractionKl(p, y, dims, 0, n) + Math.log(z) : NaN;
}

/** The exact gradient on this thread alone (its own memory). */
export function exactKernelGradient(p: SparseP, dims: 2 | 3): GradientFn {
  const layout = exactLayout(p.n, dims, paddedEntries(p));
  const kernel = new ExactKernel(layout, exactMemory(layout, false), false);
  kernel.writeP(p);
  return (y, exaggeration, grad, wantKl) => {
    kernel.writeY(y);
    for (let c = 0; c < CHUNKS; c++) kernel.chunk(c);
    return combineExact(kernel, p, y, exaggeration, grad, wantKl);
  };
}
