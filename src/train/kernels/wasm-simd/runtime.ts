/**
 * The SIMD kernels instantiated on a wasm backend's memory, and the drivers the tfjs kernels call.
 * `prepareSimdKernels` runs once after the backend starts (compiling is asynchronous: browsers refuse
 * to compile large modules synchronously on the main thread); until then, or where the engine has no
 * SIMD, `simdKernelsOf` answers null and the tfjs kernels keep their portable path.
 */
import { GROUP_BYTES, simdKernelBytes } from './kernels';
import { type GemmPool, parallelGemm, splitColumns, startGemmPool } from './workers';

type Fn = (...args: number[]) => void;

/** The module's exports. */
export interface SimdExports {
  gemm: Fn;
  col_sum: Fn;
  pool_grad_row: Fn;
  relu_grad: Fn;
  im2col_s1: Fn;
}

/** What of tfjs-backend-wasm's Emscripten module the kernels reach: its memory and allocator. */
export interface WasmModuleLike {
  wasmMemory?: WebAssembly.Memory;
  asm?: Record<string, unknown>;
  HEAPU8: Uint8Array;
  _malloc(bytes: number): number;
  _free(ptr: number): void;
}

/** A ready set of kernels bound to one backend's memory, with helper threads when that memory is shared. */
export interface SimdKernels {
  exports: SimdExports;
  module: WasmModuleLike;
  pool: GemmPool | null;
  status: SimdStatus;
}

/** Whether the kernels run, on how many helper threads besides the caller, and what went wrong (null: nothing). */
export interface SimdStatus {
  running: boolean;
  helpers: number;
  problem: string | null;
}

const ready = new WeakMap<object, SimdKernels>();
let disabled = false;

/** The backend's memory object: the threaded build keeps it on the module, the plain one exports it. */
export function memoryOf(module: WasmModuleLike): WebAssembly.Memory | null {
  if (module.wasmMemory instanceof WebAssembly.Memory) return module.wasmMemory;
  const exported = Object.values(module.asm ?? {}).find((v) => v instanceof WebAssembly.Memory);
  return (exported as WebAssembly.Memory | undefined) ?? null;
}

const off = (problem: string): SimdStatus => ({ running: false, helpers: 0, problem });
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Compiles and instantiates the kernels for this backend, with `threads` − 1 helpers on a shared memory (once per backend; later calls return the first status). */
export async function prepareSimdKernels(backend: { wasm?: WasmModuleLike }, threads = 1): Promise<SimdStatus> {
  const module = backend.wasm;
  if (!module) return off('not a wasm backend');
  const known = ready.get(module);
  if (known) return known.status;
  const memory = memoryOf(module);
  if (!memory) return off('the wasm backend does not expose its memory');
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  let compiled: WebAssembly.Module;
  let instance: WebAssembly.Instance;
  try {
    compiled = await WebAssembly.compile(simdKernelBytes({ shared, minPages: 1 }) as BufferSource);
    instance = await WebAssembly.instantiate(compiled, { env: { memory } });
  } catch (e) {
    return off(`the SIMD kernels did not compile: ${message(e)}`);
  }
  const kernels: SimdKernels = {
    exports: instance.exports as unknown as SimdExports,
    module,
    pool: null,
    status: { running: true, helpers: 0, problem: null },
  };
  ready.set(module, kernels);
  if (shared && threads > 1) {
    try {
      kernels.pool = await startGemmPool(compiled, memory, threads - 1, (b) => module._malloc(b));
      kernels.status = { running: true, helpers: kernels.pool.helpers.length, problem: null };
    } catch (e) {
      kernels.status = { running: true, helpers: 0, problem: message(e) };
    }
  }
  return kernels.status;
}

/** The kernels for this backend, or null (not prepared, no SIMD, or turned off for a comparison). */
export function simdKernelsOf(backend: unknown): SimdKernels | null {
  const module = (backend as { wasm?: WasmModuleLike }).wasm;
  return disabled || !module ? null : (ready.get(module) ?? null);
}

/** Turns the SIMD kernels off (benchmarks and tests compare them with the portable path). */
export function setSimdKernelsEnabled(on: boolean): void {
  disabled = !on;
}

/** Products smaller than this many multiply-adds stay on one thread (waking a helper costs more). */
const PARALLEL_MACS = 1 << 20;

/** Rows of A (the first at byte address `a`, the next `stride` bytes on) and the C rows they make (from byte address `c`). */
export interface RowGroup {
  a: number;
  stride: number;
  rows: number;
  c: number;
}

/** C += A·B for B[m×n] float32 at pb (n a multiple of 4) and A, C as row groups; columns split across the helpers. */
export function gemmGroups(k: SimdKernels, groups: RowGroup[], pb: number, m: number, n: number): void {
  if (n % 4 !== 0) throw new Error(`gemm needs a multiple of 4 columns, got ${n}`);
  const table = k.module._malloc(groups.length * GROUP_BYTES);
  try {
    new Int32Array(k.module.HEAPU8.buffer, table, groups.length * 4).set(groups.flatMap((g) => [g.a, g.stride, g.rows, g.c]));
    const macs = groups.reduce((s, g) => s + g.rows, 0) * m * n;
    const pool = k.pool && !k.pool.broken && n >= 8 && macs >= PARALLEL_MACS ? k.pool : null;
    if (!pool) {
      k.exports.gemm(table, groups.length, pb, m, n, 0, n);
      return;
    }
    const ranges = splitColumns(n, pool.helpers.length + 1);
    parallelGemm(pool, [table, groups.length, pb, m, n], ranges, (j0, j1) => k.exports.gemm(table, groups.length, pb, m, n, j0, j1));
  } finally {
    k.module._free(table);
  }
}

/** C[rows×n] = A[rows×m]·B[m×n], all float32 row-major at byte addresses; n a multiple of 4. */
export function gemm(k: SimdKernels, pa: number, pb: number, pc: number, rows: number, m: number, n: number): void {
  new Float32Array(k.module.HEAPU8.buffer, pc, rows * n).fill(0);
  gemmGroups(k, [{ a: pa, stride: m * 4, rows, c: pc }], pb, m, n);
}

/** out[c] = Σ_r x[r][c] for x float32 [rows × cols] at px, accumulated in float64, rounded once; cols a multiple of 4. */
export function colSum(k: SimdKernels, px: number, rows: number, cols: number, out: Float32Array): void {
  const scratch = k.module._malloc(cols * 8 + 16);
  try {
    const at = (scratch + 15) & ~15;
    new Float64Array(k.module.HEAPU8.buffer, at, cols).fill(0);
    k.exports.col_sum(px, at, rows, cols);
    out.set(new Float64Array(k.module.HEAPU8.buffer, at, cols));
  } finally {
    k.module._free(scratch);
  }
}

/** Geometry of a non-overlapping, unpadded NHWC pool. */
export interface PoolTiles {
  n: number;
  h: number;
  w: number;
  c: number;
  oh: number;
  ow: number;
  fh: number;
  fw: number;
}

/** dx of a max pool whose windows tile the input (stride = window, no padding); c a multiple of 4. */
export function poolGradTiled(k: SimdKernels, px: number, pg: number, pout: number, t: PoolTiles): void {
  const { n, h, w, c, oh, ow, fh, fw } = t;
  if (oh * fh < h || ow * fw < w) new Float32Array(k.module.HEAPU8.buffer, pout, n * h * w * c).fill(0);
  const cb = c * 4;
  const rowb = w * cb;
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < oh; i++) {
      const off = (b * h + i * fh) * w * cb;
      k.exports.pool_grad_row(px + off, pg + (b * oh + i) * ow * cb, pout + off, ow, cb, fh, fw, rowb);
    }
  }
}
