/**
 * The code of t-SNE's exact kernel (see exact-kernel.ts for what it computes and the memory it
 * reads): one function per dimension count, assembled as WebAssembly SIMD bytecode at run time.
 */
import { Body, I32, SIMD, V128, encodeModule } from '../tensor/wasm-emit';

/** The header's fields, in i32 slots. */
export const HEADER = { x: 0, y: 1, z: 2, nb: 3, points: 4, rowPtr: 5, cols: 6, values: 7, rep: 8, att: 9 } as const;

/** rows(header, from, to, columns) for one dimension count: rows [from, to) of one chunk, whose column arrays start at `columns`. */
function rowsBody(dims: 2 | 3): Body {
  const b = new Body(4);
  const [HEADER_AT, FROM, TO, COLUMNS] = [0, 1, 2, 3];
  const field = Object.fromEntries(Object.entries(HEADER).map(([k]) => [k, b.local(I32)])) as Record<keyof typeof HEADER, number>;
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
  const ga = axis.map(() => b.local(V128));
  const gathered = axis.map(() => b.local(V128));
  const cols = b.local(V128);
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
  for (const [k, slot] of Object.entries(HEADER))
    b.get(HEADER_AT)
      .i32Load(4 * slot)
      .set(field[k as keyof typeof HEADER]);
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
          .simd(SIMD.f32x4Splat)
          .set(yi[a]);
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
      // Attraction over the row's entries of P, four at a time (rows are padded with zeros at the point itself).
      for (const a of axis) zero().set(ga[a]);
      b.get(field.rowPtr).get(i).i32(4).mul().add().tee(out).i32Load(0).i32(4).mul().set(e);
      b.get(out).i32Load(4).i32(4).mul().set(end);
      b.forRange(
        e,
        () => b.get(e),
        () => b.get(end),
        16,
        () => {
          b.get(field.cols).get(e).add().simd(SIMD.load, 0).set(cols);
          for (const a of axis) b.get(one).set(gathered[a]);
          for (let lane = 0; lane < 4; lane++) {
            b.get(cols).simd(SIMD.i32x4ExtractLane).op(lane).get(field.points).add().set(out);
            for (const a of axis)
              b.get(gathered[a])
                .get(out)
                .f32Load(4 * a)
                .simd(SIMD.f32x4ReplaceLane)
                .op(lane)
                .set(gathered[a]);
          }
          b.get(field.values).get(e).add().simd(SIMD.load, 0);
          for (const a of axis) {
            b.get(yi[a]).get(gathered[a]).simd(SIMD.f32x4Sub).tee(gathered[a]);
            b.get(gathered[a]).simd(SIMD.f32x4Mul);
            if (a > 0) b.simd(SIMD.f32x4Add);
          }
          b.get(one).simd(SIMD.f32x4Add).simd(SIMD.f32x4Div).set(q);
          for (const a of axis) b.get(q).get(gathered[a]).simd(SIMD.f32x4Mul).get(ga[a]).simd(SIMD.f32x4Add).set(ga[a]);
        },
      );
      b.get(field.att)
        .get(i)
        .i32(4 * dims)
        .mul()
        .add()
        .set(out);
      for (const a of axis) {
        b.get(out);
        hsum(ga[a]);
        b.f32Store(4 * a);
      }
    },
  );
  return b;
}

/** sum(columns, bytes, chunks): adds chunks 1, 2, … in order into chunk 0, each `bytes` long (a multiple of 16). */
function sumBody(): Body {
  const b = new Body(3);
  const [COLUMNS, BYTES, CHUNK_COUNT] = [0, 1, 2];
  const c = b.local(I32);
  const k = b.local(I32);
  const from = b.local(I32);
  b.forRange(
    c,
    () => b.i32(1),
    () => b.get(CHUNK_COUNT),
    1,
    () => {
      b.get(c).get(BYTES).mul().get(COLUMNS).add().set(from);
      b.forRange(
        k,
        () => b.i32(0),
        () => b.get(BYTES),
        16,
        () => {
          b.get(COLUMNS).get(k).add();
          b.get(COLUMNS).get(k).add().simd(SIMD.load, 0);
          b.get(from).get(k).add().simd(SIMD.load, 0);
          b.simd(SIMD.f32x4Add).simd(SIMD.store, 0);
        },
      );
    },
  );
  return b;
}

/** The module's bytes: exports rows2, rows3 and sum; imports a shared or unshared memory. */
export function exactModuleBytes(shared: boolean): Uint8Array {
  return encodeModule(
    [
      { name: 'rows2', body: rowsBody(2) },
      { name: 'rows3', body: rowsBody(3) },
      { name: 'sum', body: sumBody() },
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
