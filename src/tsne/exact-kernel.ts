/**
 * The t-SNE gradient with the repulsion summed over all pairs, as a hand-assembled WebAssembly SIMD
 * kernel: for N up to a few thousand points it is faster than the Barnes–Hut tree (no tree, no
 * walk, four pairs per instruction) and exact. Each pair is visited once: row i takes the columns
 * j > i, adds q_ij² (y_i − y_j) to its own sum and subtracts it from column j's sum in its chunk's
 * column array. The rows fall into CHUNKS fixed chunks, each with its own column arrays, summed in
 * chunk order afterwards, so any number of threads taking the chunks gives the same numbers. With
 * the repulsion each row also sums its attraction Σ_j p_ij q_ij (y_i − y_j) over its row of P.
 */
import { Body, F32, I32, SIMD, V128, encodeModule } from '../tensor/wasm-emit';
import type { SparseP } from './affinities';

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

/** The layout for n points, dims and nnz entries of P. */
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

/** The header's fields, in i32 slots. */
const H = { x: 0, y: 1, z: 2, nb: 3, points: 4, rowPtr: 5, cols: 6, values: 7, rep: 8, att: 9 } as const;

/** rows(header, from, to, columns) for one dimension count: rows [from, to) of one chunk, whose column arrays start at `columns`. */
function rowsBody(dims: 2 | 3): Body {
  const b = new Body(4);
  const [HEADER, FROM, TO, COLUMNS] = [0, 1, 2, 3];
  const field = Object.fromEntries(Object.entries(H).map(([k]) => [k, b.local(I32)])) as Record<keyof typeof H, number>;
  const i = b.local(I32);
  const j = b.local(I32);
  const e = b.local(I32);
  const end = b.local(I32);
  const out = b.local(I32);
  const one = b.local(V128);
  const q = b.local(V128);
  const zSum = b.local(V128);
  const mask = b.local(V128);
  const axis = [0, 1, 2].slice(0, dims);
  const yi = axis.map(() => b.local(V128));
  const d = axis.map(() => b.local(V128));
  const f = axis.map(() => b.local(V128));
  const si = axis.map(() => b.local(F32));
  const sd = axis.map(() => b.local(F32));
  const g = axis.map(() => b.local(F32));
  const w = b.local(F32);
  const columnsOf = axis.map(() => b.local(I32));
  const axisField = [field.x, field.y, field.z];
  const zero = () => b.i32x4([0, 0, 0, 0]);
  const hsum = (v: number) => {
    b.get(v).simd(SIMD.f32x4ExtractLane).op(0);
    for (let l = 1; l < 4; l++) b.get(v).simd(SIMD.f32x4ExtractLane).op(l).op(0x92);
  };
  // One block of four columns at byte offset j (masked: only the lanes of columns after row i count).
  const block = (masked: boolean) => {
    for (const a of axis) {
      b.get(yi[a]).get(axisField[a]).get(j).add().simd(SIMD.load, 0).simd(SIMD.f32x4Sub).tee(d[a]);
      b.get(d[a]).simd(SIMD.f32x4Mul);
      if (a > 0) b.simd(SIMD.f32x4Add);
    }
    b.get(one).simd(SIMD.f32x4Add).set(q);
    b.get(one).get(q).simd(SIMD.f32x4Div);
    if (masked) b.get(mask).simd(SIMD.and);
    b.tee(q).get(zSum).simd(SIMD.f32x4Add).set(zSum);
    b.get(q).get(q).simd(SIMD.f32x4Mul).set(q);
    for (const a of axis) {
      b.get(q).get(d[a]).simd(SIMD.f32x4Mul).tee(d[a]).get(f[a]).simd(SIMD.f32x4Add).set(f[a]);
      // columns[a][j] −= the same term: the pair's force on j is the opposite of its force on i.
      b.get(columnsOf[a]).get(j).add().tee(out);
      b.get(out).simd(SIMD.load, 0).get(d[a]).simd(SIMD.f32x4Sub).simd(SIMD.store, 0);
    }
  };
  for (const [k, slot] of Object.entries(H))
    b.get(HEADER)
      .i32Load(4 * slot)
      .set(field[k as keyof typeof H]);
  b.f32(1).simd(SIMD.f32x4Splat).set(one);
  for (const a of axis) b.get(COLUMNS).get(field.nb).i32(a).mul().add().set(columnsOf[a]);
  b.get(COLUMNS).i32(0).get(field.nb).i32(dims).mul().memoryFill();
  b.forRange(
    i,
    () => b.get(FROM),
    () => b.get(TO),
    1,
    () => {
      for (const a of axis) {
        b.get(field.points)
          .get(i)
          .i32(4 * dims)
          .mul()
          .add()
          .f32Load(4 * a)
          .tee(si[a]);
        b.simd(SIMD.f32x4Splat).set(yi[a]);
      }
      zero().set(zSum);
      for (const a of axis) zero().set(f[a]);
      // The first block holds column i + 1: lanes up to column i are masked out.
      b.get(i).i32(1).add().i32(-4).op(0x71).tee(j).simd(SIMD.i32x4Splat).i32x4([0, 1, 2, 3]).simd(SIMD.i32x4Add);
      b.get(i).simd(SIMD.i32x4Splat).simd(SIMD.i32x4GtS).set(mask);
      b.get(j).i32(4).mul().set(j);
      b.get(j)
        .get(field.nb)
        .ltU()
        .ifElse(
          () => {
            block(true);
            b.forRange(
              j,
              () => b.get(j).i32(16).add(),
              () => b.get(field.nb),
              16,
              () => block(false),
            );
          },
          () => {},
        );
      b.get(field.rep)
        .get(i)
        .i32(4 * (dims + 1))
        .mul()
        .add()
        .set(out);
      for (const a of axis) {
        b.get(out);
        hsum(f[a]);
        b.f32Store(4 * a);
      }
      b.get(out);
      hsum(zSum);
      b.f32Store(4 * dims);
      // Attraction over the row's entries of P, one at a time.
      for (const a of axis) b.f32(0).set(g[a]);
      b.get(field.rowPtr).get(i).i32(4).mul().add().tee(out).i32Load(0).set(e);
      b.get(out).i32Load(4).set(end);
      b.forRange(
        e,
        () => b.get(e),
        () => b.get(end),
        1,
        () => {
          b.get(field.cols).get(e).i32(4).mul().add().i32Load(0).get(field.points).add().set(out);
          b.get(field.values).get(e).i32(4).mul().add().f32Load(0);
          b.f32(1);
          for (const a of axis)
            b.get(si[a])
              .get(out)
              .f32Load(4 * a)
              .op(0x93)
              .tee(sd[a])
              .get(sd[a])
              .op(0x94)
              .op(0x92);
          b.op(0x95).set(w);
          for (const a of axis) b.get(g[a]).get(w).get(sd[a]).op(0x94).op(0x92).set(g[a]);
        },
      );
      b.get(field.att)
        .get(i)
        .i32(4 * dims)
        .mul()
        .add()
        .set(out);
      for (const a of axis)
        b.get(out)
          .get(g[a])
          .f32Store(4 * a);
    },
  );
  return b;
}

/** The module's bytes: exports rows2 and rows3; imports a shared or unshared memory. */
export function exactModuleBytes(shared: boolean): Uint8Array {
  return encodeModule(
    [
      { name: 'rows2', body: rowsBody(2) },
      { name: 'rows3', body: rowsBody(3) },
    ],
    { shared, minPages: 1 },
  );
}

const compiled = new Map<boolean, WebAssembly.Module | null>();

/** The compiled module (shared memory or not), or null where WebAssembly SIMD is missing. */
export function exactKernelModule(shared: boolean): WebAssembly.Module | null {
  if (!compiled.has(shared)) {
    let module: WebAssembly.Module | null = null;
    try {
      const bytes = exactModuleBytes(shared) as Uint8Array<ArrayBuffer>;
      if (typeof WebAssembly !== 'undefined' && WebAssembly.validate(bytes)) module = new WebAssembly.Module(bytes);
    } catch {
      module = null;
    }
    compiled.set(shared, module);
  }
  return compiled.get(shared)!;
}

/** A memory for the layout, its header written; shared memories can go to other threads. */
export function exactMemory(layout: ExactLayout, shared: boolean): WebAssembly.Memory {
  const pages = Math.ceil(layout.bytes / 65536) + 1;
  const memory = shared
    ? new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true })
    : new WebAssembly.Memory({ initial: pages });
  const l = layout;
  const header = [l.axes[0], l.axes[1], l.axes[2], 4 * l.n4, l.points, l.rowPtr, l.cols, l.values, l.repulsion, l.attraction];
  new Int32Array(memory.buffer, l.header, header.length).set(header);
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

  constructor(
    readonly layout: ExactLayout,
    readonly memory: WebAssembly.Memory,
    shared: boolean,
  ) {
    const module = exactKernelModule(shared);
    if (!module) throw new Error('t-SNE: the exact gradient needs WebAssembly SIMD, which this engine lacks');
    const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as Record<string, (...a: number[]) => void>;
    this.run = layout.dims === 2 ? exports.rows2 : exports.rows3;
    const { n, n4, dims } = layout;
    this.repulsion = new Float32Array(memory.buffer, layout.repulsion, n * (dims + 1));
    this.attraction = new Float32Array(memory.buffer, layout.attraction, n * dims);
    this.columns = new Float32Array(memory.buffer, layout.columns, n4 * dims * CHUNKS);
  }

  /** Copies P (row pointers, columns as byte offsets of their points, values as f32) into the memory. */
  writeP(p: SparseP): void {
    const { memory: m, layout: l } = this;
    if (p.n !== l.n || p.rowPtr[p.n] !== l.nnz)
      throw new Error(`t-SNE: P has ${p.n} rows and ${p.rowPtr[p.n]} entries, the layout ${l.n} and ${l.nnz}`);
    new Int32Array(m.buffer, l.rowPtr, l.n + 1).set(p.rowPtr);
    const cols = new Int32Array(m.buffer, l.cols, l.nnz);
    for (let e = 0; e < l.nnz; e++) cols[e] = 4 * l.dims * p.cols[e];
    new Float32Array(m.buffer, l.values, l.nnz).set(p.values.subarray(0, l.nnz));
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

  /** Runs chunk c (its rows, and its column arrays from zero). */
  chunk(c: number): void {
    const l = this.layout;
    this.run(l.header, l.chunkStart[c], l.chunkStart[c + 1], l.columns + 4 * l.n4 * l.dims * c);
  }
}
