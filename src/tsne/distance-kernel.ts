/**
 * Squared Euclidean distances from one row to many, the cost that dominates exact kNN and
 * trustworthiness (N²·D). A hand-assembled WebAssembly SIMD kernel (four rows at a time, f32x4)
 * when the engine has SIMD, else a blocked JavaScript loop; both give Σ(a−b)² without the
 * ‖a‖²+‖b‖²−2a·b cancellation.
 */

/** Rows of [n, d] float32 data laid out for `squaredDistancesAfter`. */
export interface DistanceRows {
  readonly n: number;
  readonly d: number;
  /** ‖x_i − x_j‖² at index j for every j in (i, n): a view, overwritten by the next call. */
  squaredDistancesAfter(i: number): Float32Array;
  /** 'wasm-simd' or 'js': which implementation runs. */
  readonly kind: 'wasm-simd' | 'js';
}

// (func rows (pa pb stride groups len4 out)): for each group of four rows at pb, pb+stride, …
// writes the four sums Σ_k (a_k − b_k)² over len4 f32x4 chunks to out, then moves on.
const L = { pa: 0, pb: 1, stride: 2, groups: 3, len4: 4, out: 5, k: 6, off: 7, pb1: 8, pb2: 9, pb3: 10, acc0: 11, a: 15, d: 16 };
const get = (i: number) => [0x20, i];
const set = (i: number) => [0x21, i];
const tee = (i: number) => [0x22, i];
const V128_LOAD = [0xfd, 0x00, 0x04, 0x00];
const F32X4_ADD = [0xfd, 0xe4, 0x01];
const F32X4_SUB = [0xfd, 0xe5, 0x01];
const F32X4_MUL = [0xfd, 0xe6, 0x01];
const lane = (i: number) => [0xfd, 0x1f, i];

function kernelBody(): number[] {
  const rowTerm = (pb: number, acc: number) => [
    ...get(L.a),
    ...get(pb),
    ...get(L.off),
    0x6a,
    ...V128_LOAD,
    ...F32X4_SUB,
    ...tee(L.d),
    ...get(L.d),
    ...F32X4_MUL,
    ...get(acc),
    ...F32X4_ADD,
    ...set(acc),
  ];
  const store = (acc: number, offset: number) => [
    ...get(L.out),
    ...get(acc),
    ...lane(0),
    ...get(acc),
    ...lane(1),
    0x92,
    ...get(acc),
    ...lane(2),
    0x92,
    ...get(acc),
    ...lane(3),
    0x92,
    0x38,
    0x02,
    offset,
  ];
  return [
    0x02,
    0x40,
    0x03,
    0x40,
    ...get(L.groups),
    0x45,
    0x0d,
    0x01,
    ...get(L.pb),
    ...get(L.stride),
    0x6a,
    ...tee(L.pb1),
    ...get(L.stride),
    0x6a,
    ...tee(L.pb2),
    ...get(L.stride),
    0x6a,
    ...set(L.pb3),
    0xfd,
    0x0c,
    ...new Array(16).fill(0),
    ...tee(L.acc0),
    ...tee(L.acc0 + 1),
    ...tee(L.acc0 + 2),
    ...set(L.acc0 + 3),
    0x41,
    0x00,
    ...set(L.off),
    ...get(L.len4),
    ...set(L.k),
    0x02,
    0x40,
    0x03,
    0x40,
    ...get(L.k),
    0x45,
    0x0d,
    0x01,
    ...get(L.pa),
    ...get(L.off),
    0x6a,
    ...V128_LOAD,
    ...set(L.a),
    ...rowTerm(L.pb, L.acc0),
    ...rowTerm(L.pb1, L.acc0 + 1),
    ...rowTerm(L.pb2, L.acc0 + 2),
    ...rowTerm(L.pb3, L.acc0 + 3),
    ...get(L.off),
    0x41,
    0x10,
    0x6a,
    ...set(L.off),
    ...get(L.k),
    0x41,
    0x01,
    0x6b,
    ...set(L.k),
    0x0c,
    0x00,
    0x0b,
    0x0b,
    ...store(L.acc0, 0),
    ...store(L.acc0 + 1, 4),
    ...store(L.acc0 + 2, 8),
    ...store(L.acc0 + 3, 12),
    ...get(L.out),
    0x41,
    0x10,
    0x6a,
    ...set(L.out),
    ...get(L.pb3),
    ...get(L.stride),
    0x6a,
    ...set(L.pb),
    ...get(L.groups),
    0x41,
    0x01,
    0x6b,
    ...set(L.groups),
    0x0c,
    0x00,
    0x0b,
    0x0b,
    0x0b,
  ];
}

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];

/** The kernel module's bytes: imports memory "e"."m", exports "rows". */
export function kernelModuleBytes(): Uint8Array<ArrayBuffer> {
  const body = [0x02, 0x05, 0x7f, 0x06, 0x7b, ...kernelBody()];
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, [0x01, 0x60, 0x06, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x00]),
    ...section(2, [0x01, 0x01, 0x65, 0x01, 0x6d, 0x02, 0x00, 0x01]),
    ...section(3, [0x01, 0x00]),
    ...section(7, [0x01, 0x04, 0x72, 0x6f, 0x77, 0x73, 0x00, 0x00]),
    ...section(10, [0x01, ...uleb(body.length), ...body]),
  ]);
}

let compiled: WebAssembly.Module | null | undefined;

function kernelModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bytes = kernelModuleBytes();
    compiled = typeof WebAssembly !== 'undefined' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

function checkShape(x: ArrayLike<number>, n: number, d: number): void {
  if (!Number.isInteger(n) || !Number.isInteger(d) || n < 1 || d < 1)
    throw new Error(`distances: need n ≥ 1 rows and d ≥ 1 columns, got ${n}×${d}`);
  if (x.length !== n * d) throw new Error(`distances: ${x.length} values do not make ${n}×${d}`);
}

/** Squared distances through the SIMD kernel: rows padded to 4 floats, row count padded to 4. */
function wasmRows(x: ArrayLike<number>, n: number, d: number, module: WebAssembly.Module): DistanceRows {
  const d4 = Math.ceil(d / 4) * 4;
  const n4 = Math.ceil(n / 4) * 4;
  const rowBytes = d4 * 4;
  const outOffset = n4 * rowBytes;
  const pages = Math.ceil((outOffset + n4 * 4) / 65536);
  const memory = new WebAssembly.Memory({ initial: pages });
  const rows = (new WebAssembly.Instance(module, { e: { m: memory } }).exports as { rows: (...a: number[]) => void }).rows;
  const data = new Float32Array(memory.buffer, 0, n4 * d4);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) data[i * d4 + k] = x[i * d + k];
  const result = new Float32Array(memory.buffer, outOffset, n4);
  return {
    n,
    d,
    kind: 'wasm-simd',
    squaredDistancesAfter(i) {
      const g0 = (i + 1) >> 2;
      if (g0 < n4 / 4) rows(i * rowBytes, g0 * 4 * rowBytes, rowBytes, n4 / 4 - g0, d4 / 4, outOffset + g0 * 16);
      return result;
    },
  };
}

/** Squared distances in plain JavaScript, two rows per pass (fallback without WebAssembly SIMD). */
function jsRows(x: ArrayLike<number>, n: number, d: number): DistanceRows {
  const data = Float32Array.from(x as ArrayLike<number>);
  const out = new Float32Array(n);
  return {
    n,
    d,
    kind: 'js',
    squaredDistancesAfter(i) {
      const oi = i * d;
      let j = i + 1;
      for (; j + 1 < n; j += 2) {
        const o0 = j * d;
        const o1 = o0 + d;
        let s0 = 0;
        let s1 = 0;
        for (let k = 0; k < d; k++) {
          const a = data[oi + k];
          const e0 = a - data[o0 + k];
          const e1 = a - data[o1 + k];
          s0 += e0 * e0;
          s1 += e1 * e1;
        }
        out[j] = s0;
        out[j + 1] = s1;
      }
      for (; j < n; j++) {
        const o0 = j * d;
        let s0 = 0;
        for (let k = 0; k < d; k++) {
          const e0 = data[oi + k] - data[o0 + k];
          s0 += e0 * e0;
        }
        out[j] = s0;
      }
      return out;
    },
  };
}

/** Prepares [n, d] row-major data for the upper triangle of its squared distances, row by row; `prefer: 'js'` skips WebAssembly. */
export function distanceRows(x: ArrayLike<number>, n: number, d: number, prefer: 'auto' | 'js' = 'auto'): DistanceRows {
  checkShape(x, n, d);
  const module = prefer === 'js' ? null : kernelModule();
  return module ? wasmRows(x, n, d, module) : jsRows(x, n, d);
}
