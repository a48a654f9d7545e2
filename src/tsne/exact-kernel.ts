/**
 * The t-SNE gradient with the repulsion summed over all pairs, as a hand-assembled WebAssembly SIMD
 * kernel: for N up to a few thousand points it is faster than the Barnes–Hut tree (no tree, no
 * walk, four pairs per instruction) and exact. Each pair is visited once: row i takes the columns
 * j > i, adds q_ij² (y_i − y_j) to its own sum and subtracts it from column j's sum in its chunk's
 * column array. The rows fall into CHUNKS fixed chunks, each with its own column arrays, summed in
 * chunk order afterwards, so any number of threads taking the chunks gives the same numbers. With
 * the repulsion each row also sums its attraction Σ_j p_ij q_ij (y_i − y_j) over its row of P,
 * four entries at a time (each row padded to a multiple of four with zeros at the point itself).
 */
import type { SparseP } from './affinities';
import { HEADER, exactKernelModule } from './exact-kernel-code';

/** Chunks of rows, each computed whole by one thread: more than the threads, so that they share the work evenly. */
export const CHUNKS = 16;

/** Where the kernel's arrays lie in its memory (byte offsets) for n points in dims dimensions and nnz entries of P. */
export interface ExactLayout {
  n: number;
  /** n rounded up to a multiple of 4: the columns the SIMD loop visits. */
  n4: number;
  dims: 2 | 3;
  nnz: number;
  /** The header the kernel reads its offsets from. */
  header: number;
  /** Coordinates by axis (n4 f32 each; the padding points lie far away). */
  axes: [number, number, number];
  /** Coordinates point by point, [n, dims] f32. */
  points: number;
  rowPtr: number;
  cols: number;
  values: number;
  /** Per row: its own part of the repulsion over j > i (dims f32) and Σ_{j>i} q_ij (f32). */
  repulsion: number;
  /** Per row: attraction (dims f32). */
  attraction: number;
  /** Per chunk, per axis: n4 f32 of what the chunk's rows subtract from each column. */
  columns: number;
  /** First row of each chunk, and n at the end (CHUNKS + 1 values). */
  chunkStart: Int32Array;
  bytes: number;
}

/** Padding points sit this far out: their q is below 1e-35 and their force underflows to 0. */
const FAR = 1e18;

/** Chunk boundaries with about the same number of pairs (j > i) in each. */
function chunkStarts(n: number): Int32Array {
  const starts = new Int32Array(CHUNKS + 1);
  const total = (n * (n - 1)) / 2;
  let c = 1;
  let pairs = 0;
  for (let i = 0; i < n && c < CHUNKS; i++) {
    pairs += n - 1 - i;
    while (c < CHUNKS && pairs >= (c * total) / CHUNKS) starts[c++] = i + 1;
  }
  for (; c <= CHUNKS; c++) starts[c] = n;
  return starts;
}

/** P's entries with each row padded to a multiple of 4: the `nnz` of its layout. */
export function paddedEntries(p: SparseP): number {
  let count = 0;
  for (let i = 0; i < p.n; i++) count += Math.ceil((p.rowPtr[i + 1] - p.rowPtr[i]) / 4) * 4;
  return count;
}

/** The layout for n points, dims and nnz entries of P (paddedEntries). */
export function exactLayout(n: number, dims: 2 | 3, nnz: number): ExactLayout {
  const n4 = Math.ceil(n / 4) * 4;
  let at = 0;
  const take = (bytes: number) => {
    const start = at;
    at += Math.ceil(bytes / 16) * 16;
    return start;
  };
  const header = take(64);
  const x = take(4 * n4);
  const y = take(4 * n4);
  const z = dims === 3 ? take(4 * n4) : 0;
  const points = take(4 * n * dims);
  const rowPtr = take(4 * (n + 1));
  const cols = take(4 * nnz);
  const values = take(4 * nnz);
  const repulsion = take(4 * n * (dims + 1));
  const attraction = take(4 * n * dims);
  const columns = take(4 * n4 * dims * CHUNKS);
  return {
    n,
    n4,
    dims,
    nnz,
    header,
    axes: [x, y, z],
    points,
    rowPtr,
    cols,
    values,
    repulsion,
    attraction,
    columns,
    chunkStart: chunkStarts(n),
    bytes: at,
  };
}

/** A memory for the layout, its header written; shared memories can go to other threads. */
export function exactMemory(layout: ExactLayout, shared: boolean): WebAssembly.Memory {
  const pages = Math.ceil(layout.bytes / 65536) + 1;
  const memory = shared
    ? new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true })
    : new WebAssembly.Memory({ initial: pages });
  const l = layout;
  const values = {
    x: l.axes[0],
    y: l.axes[1],
    z: l.axes[2],
    nb: 4 * l.n4,
    points: l.points,
    rowPtr: l.rowPtr,
    cols: l.cols,
    values: l.values,
    rep: l.repulsion,
    att: l.attraction,
  };
  const header = new Int32Array(memory.buffer, l.header, 16);
  for (const [k, slot] of Object.entries(HEADER)) header[slot] = values[k as keyof typeof HEADER];
  return memory;
}

/** The kernel on one thread: the leader writes P once and y every iteration; every thread runs chunks. */
export class ExactKernel {
  /** Per row: its own repulsion over j > i (dims values), then Σ_{j>i} q_ij. */
  readonly repulsion: Float32Array;
  /** Per row: dims attraction values. */
  readonly attraction: Float32Array;
  /** Per chunk, per axis: n4 values subtracted from each column. */
  readonly columns: Float32Array;
  private readonly run: (...a: number[]) => void;
  private readonly sum: (...a: number[]) => void;

  constructor(
    readonly layout: ExactLayout,
    readonly memory: WebAssembly.Memory,
    shared: boolean,
  ) {
    const module = exactKernelModule(shared);
    if (!module) throw new Error('t-SNE: the exact gradient needs WebAssembly SIMD, which this engine lacks');
    const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as Record<string, (...a: number[]) => void>;
    this.run = layout.dims === 2 ? exports.rows2 : exports.rows3;
    this.sum = exports.sum;
    const { n, n4, dims } = layout;
    this.repulsion = new Float32Array(memory.buffer, layout.repulsion, n * (dims + 1));
    this.attraction = new Float32Array(memory.buffer, layout.attraction, n * dims);
    this.columns = new Float32Array(memory.buffer, layout.columns, n4 * dims * CHUNKS);
  }

  /** A kernel with its own memory (shared for threads) holding P. */
  static forP(p: SparseP, dims: 2 | 3, shared: boolean): ExactKernel {
    const layout = exactLayout(p.n, dims, paddedEntries(p));
    const kernel = new ExactKernel(layout, exactMemory(layout, shared), shared);
    kernel.writeP(p);
    return kernel;
  }

  /** Copies P into the memory: rows padded to a multiple of 4 (value 0 at the point itself), columns as byte offsets of their points, values as f32. */
  writeP(p: SparseP): void {
    const { memory: m, layout: l } = this;
    if (p.n !== l.n || paddedEntries(p) !== l.nnz)
      throw new Error(`t-SNE: P has ${p.n} rows and ${paddedEntries(p)} padded entries, the layout ${l.n} and ${l.nnz}`);
    const rowPtr = new Int32Array(m.buffer, l.rowPtr, l.n + 1);
    const cols = new Int32Array(m.buffer, l.cols, l.nnz);
    const values = new Float32Array(m.buffer, l.values, l.nnz);
    let at = 0;
    for (let i = 0; i < p.n; i++) {
      rowPtr[i] = at;
      for (let e = p.rowPtr[i]; e < p.rowPtr[i + 1]; e++, at++) {
        cols[at] = 4 * l.dims * p.cols[e];
        values[at] = p.values[e];
      }
      for (; at % 4 !== 0; at++) {
        cols[at] = 4 * l.dims * i;
        values[at] = 0;
      }
    }
    rowPtr[p.n] = at;
  }

  /** Copies the embedding [n, dims] into both coordinate layouts (f32). */
  writeY(y: Float64Array): void {
    const { memory: m, layout: l } = this;
    const { n, n4, dims } = l;
    new Float32Array(m.buffer, l.points, n * dims).set(y);
    for (let a = 0; a < dims; a++) {
      const axis = new Float32Array(m.buffer, l.axes[a], n4);
      for (let i = 0; i < n; i++) axis[i] = y[i * dims + a];
      axis.fill(FAR, n);
    }
  }

  /** Adds every chunk's column arrays, in chunk order, into chunk 0's (after all chunks ran). */
  sumColumns(): void {
    const l = this.layout;
    this.sum(l.columns, 4 * l.n4 * l.dims, CHUNKS);
  }

  /** Runs chunk c (its rows, and its column arrays from zero). */
  chunk(c: number): void {
    const l = this.layout;
    this.run(l.header, l.chunkStart[c], l.chunkStart[c + 1], l.columns + 4 * l.n4 * l.dims * c);
  }
}
