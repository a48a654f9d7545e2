/**
 * The wasm backend's SIMD kernels, written as WebAssembly bytecode (emit.ts) that runs on the
 * backend's own memory: the matrix product (register tiles and their driver) behind the filter
 * gradient, the strided input gradient and the deep layers' convolutions (tfjs-wasm's XNNPACK
 * product repacks its fresh right-hand operand every call: 45 ms of the first layer's 51 at 64×64),
 * stride-1 im2col, a column sum for the bias gradients, one row of non-overlapping max-pool windows
 * for MaxPoolGrad, and the ReLU gradient. All pointers and strides are in bytes.
 */
import { Body, SIMD, V128, I32, encodeModule, type Func, type MemoryImport } from '../../../tensor/wasm-emit';

/**
 * The largest register tile of the product C += A·B: rows of C × 4-float vectors of its columns
 * (4×2: 8 accumulators; 6×2, 4×3, 3×3 and 8×1 measured no faster on x86-64 with V8).
 */
export const TILE_ROWS = 4;
export const TILE_VECS = 2;

/** Every tile up to the largest, in table order: slot (TILE_VECS − vecs)·TILE_ROWS + TILE_ROWS − rows. */
export const GEMM_TILES: [number, number][] = Array.from({ length: TILE_VECS }, (_, vi) =>
  Array.from({ length: TILE_ROWS }, (_, ri) => [TILE_ROWS - ri, TILE_VECS - vi] as [number, number]),
).flat();

/** gemm_RxV(pa, pb, pc, lda, ldb, mc): C[R×4V] at pc (row stride ldb) += A[R×mc] at pa (row stride lda) · B[mc×4V] at pb (row stride ldb). */
function gemmTile(rows: number, vecs: number): Func {
  const f = new Body(6);
  const [pa, pb, pc, lda, ldb, mc] = [0, 1, 2, 3, 4, 5];
  const a = Array.from({ length: rows }, () => f.local(I32));
  const t = f.local(I32);
  const row = f.local(I32);
  const acc = Array.from({ length: rows * vecs }, () => f.local(V128));
  const b = Array.from({ length: vecs }, () => f.local(V128));
  const s = f.local(V128);
  f.get(pa).set(a[0]);
  for (let r = 1; r < rows; r++)
    f.get(a[r - 1])
      .get(lda)
      .add()
      .set(a[r]);
  f.get(pc).set(row);
  for (let r = 0; r < rows; r++) {
    for (let v = 0; v < vecs; v++)
      f.get(row)
        .simd(SIMD.load, 16 * v)
        .set(acc[r * vecs + v]);
    if (r < rows - 1) f.bump(row, () => f.get(ldb));
  }
  f.forRange(
    t,
    () => f.i32(0),
    () => f.get(mc),
    1,
    () => {
      for (let v = 0; v < vecs; v++)
        f.get(pb)
          .simd(SIMD.load, 16 * v)
          .set(b[v]);
      for (let r = 0; r < rows; r++) {
        f.get(a[r]).simd(SIMD.load32Splat, 0).set(s);
        for (let v = 0; v < vecs; v++) {
          const i = acc[r * vecs + v];
          f.get(i).get(s).get(b[v]).simd(SIMD.f32x4Mul).simd(SIMD.f32x4Add).set(i);
        }
        f.bump(a[r], 4);
      }
      f.bump(pb, () => f.get(ldb));
    },
  );
  f.get(pc).set(row);
  for (let r = 0; r < rows; r++) {
    for (let v = 0; v < vecs; v++)
      f.get(row)
        .get(acc[r * vecs + v])
        .simd(SIMD.store, 16 * v);
    if (r < rows - 1) f.bump(row, () => f.get(ldb));
  }
  return { name: `gemm_${rows}x${vecs}`, body: f };
}

/** Rows of the reduction dimension per pass, so that a pass's slices of A and B stay in cache. */
export const GEMM_CHUNK = 256;

/** Bytes per row group in the table gemm reads: A's address, A's row stride, rows, C's address. */
export const GROUP_BYTES = 16;

/**
 * gemm(pgroups, ngroups, pb, m, n, j0, j1): columns j0…j1 (multiples of 4) of C += A·B for B[m×n]
 * (float32 row-major at pb) and A, C given as row groups (a table at pgroups, GROUP_BYTES each):
 * group g has `rows` rows of A, the first at its address and the next `stride` bytes on, each m long,
 * and its C rows (n wide) from its C address. One group is a plain product; a stride-1 convolution's
 * filter gradient is one group per filter tap, A being the padded input shifted by that tap. The
 * reduction runs in passes of GEMM_CHUNK along m (A's and B's slices stay in cache), each pass
 * through the register tiles (the table holds GEMM_TILES in order: slot 4·(2 − vectors) + 4 − rows).
 */
function gemmDriver(): Func {
  const f = new Body(7);
  const [pgroups, ngroups, pb, m, n, j0, j1] = [0, 1, 2, 3, 4, 5, 6];
  const [ldb, g, gp, ga, lda, rows, gc, i, j, m0, mc, r, v] = Array.from({ length: 13 }, () => f.local(I32));
  f.get(n).i32(4).mul().set(ldb);
  f.forRange(
    m0,
    () => f.i32(0),
    () => f.get(m),
    GEMM_CHUNK,
    () => {
      f.get(m).get(m0).sub().i32(GEMM_CHUNK).get(m).get(m0).sub().i32(GEMM_CHUNK).ltU().select().set(mc);
      f.forRange(
        g,
        () => f.i32(0),
        () => f.get(ngroups),
        1,
        () => {
          f.get(pgroups).get(g).i32(GROUP_BYTES).mul().add().set(gp);
          f.get(gp).op(0x28, 2, 0).set(ga);
          f.get(gp).op(0x28, 2, 4).set(lda);
          f.get(gp).op(0x28, 2, 8).set(rows);
          f.get(gp).op(0x28, 2, 12).set(gc);
          f.forRange(
            i,
            () => f.i32(0),
            () => f.get(rows),
            () => f.get(r),
            () => {
              f.get(rows).get(i).sub().i32(TILE_ROWS).get(rows).get(i).sub().i32(TILE_ROWS).ltU().select().set(r);
              f.forRange(
                j,
                () => f.get(j0),
                () => f.get(j1),
                () => f.get(v).i32(4).mul(),
                () => {
                  f.get(j1).get(j).sub().i32(2).op(0x76).set(v); // (j1 − j) >> 2 vectors left
                  f.get(v).i32(TILE_VECS).get(v).i32(TILE_VECS).ltU().select().set(v);
                  f.get(ga).get(i).get(lda).mul().add().get(m0).i32(4).mul().add();
                  f.get(pb).get(m0).get(ldb).mul().add().get(j).i32(4).mul().add();
                  f.get(gc).get(i).get(ldb).mul().add().get(j).i32(4).mul().add();
                  f.get(lda).get(ldb).get(mc);
                  f.i32(TILE_VECS).get(v).sub().i32(TILE_ROWS).mul().i32(TILE_ROWS).add().get(r).sub();
                  f.callIndirect(6);
                },
              );
            },
          );
        },
      );
    },
  );
  return { name: 'gemm', body: f };
}

/** col_sum(px, pacc, rows, cols): acc[c] (float64 at pacc) += Σ_r x[r][c] (float32 at px); cols a multiple of 4. */
function colSum(): Func {
  const f = new Body(4);
  const [px, pacc, rows, cols] = [0, 1, 2, 3];
  const r = f.local(I32);
  const c = f.local(I32);
  const p = f.local(I32);
  const v = f.local(V128);
  f.forRange(
    r,
    () => f.i32(0),
    () => f.get(rows),
    1,
    () => {
      f.get(pacc).set(p);
      f.forRange(
        c,
        () => f.i32(0),
        () => f.get(cols),
        4,
        () => {
          f.get(px).simd(SIMD.load, 0).set(v);
          f.get(p).get(p).simd(SIMD.load, 0).get(v).simd(SIMD.f64x2PromoteLowF32x4).simd(SIMD.f64x2Add).simd(SIMD.store, 0);
          // the upper two floats moved down (i8x16.shuffle v v [8..15, 0..7]) and promoted
          f.get(p)
            .get(p)
            .simd(SIMD.load, 16)
            .get(v)
            .get(v)
            .op(0xfd, 0x0d, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7)
            .simd(SIMD.f64x2PromoteLowF32x4)
            .simd(SIMD.f64x2Add)
            .simd(SIMD.store, 16);
          f.bump(px, 16).bump(p, 32);
        },
      );
    },
  );
  return { name: 'col_sum', body: f };
}

/**
 * pool_grad_row(px, pg, pout, ow, cb, fh, fw, rowb): one row of ow windows of fh×fw (stride = window,
 * no padding), channels a multiple of 4 (cb bytes per pixel, rowb per image row). Each window's first
 * maximum (strictly greater wins, so NaN never does) receives its dy; every other input gets 0.
 */
function poolGradRow(): Func {
  const f = new Body(8);
  const [px, pg, pout, ow, cb, fh, fw, rowb] = [0, 1, 2, 3, 4, 5, 6, 7];
  const j = f.local(I32);
  const o = f.local(I32);
  const r = f.local(I32);
  const s = f.local(I32);
  const pos = f.local(I32);
  const rp = f.local(I32);
  const cp = f.local(I32);
  const best = f.local(V128);
  const idx = f.local(V128);
  const v = f.local(V128);
  const m = f.local(V128);
  const g = f.local(V128);
  const windowLoop = (body: () => void) => {
    f.i32(0).set(pos);
    f.forRange(
      r,
      () => f.i32(0),
      () => f.get(fh),
      1,
      () => {
        f.get(px).get(o).add().get(r).get(rowb).mul().add().set(rp);
        f.forRange(
          s,
          () => f.i32(0),
          () => f.get(fw),
          1,
          () => {
            f.get(rp).get(s).get(cb).mul().add().set(cp);
            body();
            f.bump(pos, 1);
          },
        );
      },
    );
  };
  f.forRange(
    j,
    () => f.i32(0),
    () => f.get(ow),
    1,
    () => {
      f.forRange(
        o,
        () => f.i32(0),
        () => f.get(cb),
        16,
        () => {
          f.get(px).get(o).add().simd(SIMD.load, 0).set(best);
          f.i32(0).simd(SIMD.i32x4Splat).set(idx);
          windowLoop(() => {
            f.get(cp).simd(SIMD.load, 0).set(v);
            f.get(v).get(best).simd(SIMD.f32x4Gt).set(m);
            f.get(v).get(best).get(m).simd(SIMD.bitselect).set(best);
            f.get(pos).simd(SIMD.i32x4Splat).get(idx).get(m).simd(SIMD.bitselect).set(idx);
          });
          f.get(pg).get(o).add().simd(SIMD.load, 0).set(g);
          windowLoop(() => {
            // the same offset in dx as in x: cp − px + pout
            f.get(cp).get(px).sub().get(pout).add();
            f.get(g).get(idx).get(pos).simd(SIMD.i32x4Splat).simd(SIMD.i32x4Eq).simd(SIMD.and).simd(SIMD.store, 0);
          });
        },
      );
      f.bump(px, () => f.get(fw).get(cb).mul())
        .bump(pout, () => f.get(fw).get(cb).mul())
        .bump(pg, () => f.get(cb));
    },
  );
  return { name: 'pool_grad_row', body: f };
}

/**
 * im2col_s1(pdst, psrc, fh, fw, ci, n, ih, iw, oh, ow, top, left): the stride-1 patches [fh·fw·ci][n·oh·ow]
 * of x laid out [ci][n][ih][iw] at psrc, zero outside the image: each patch row is a run of one input
 * row (memory.copy) between zeros (memory.fill).
 */
function im2colStride1(): Func {
  const f = new Body(12);
  const [pdst, psrc, fh, fw, ci, n, ih, iw, oh, ow, top, left] = Array.from({ length: 12 }, (_, i) => i);
  const [r, c, ch, b, y, lo, hi, yi, plane, dst, rowb, t] = Array.from({ length: 12 }, () => f.local(I32));
  const min = (a: () => void, bb: () => void) => {
    a();
    bb();
    a();
    bb();
    f.ltS().select();
  };
  const max = (a: () => void, bb: () => void) => {
    a();
    bb();
    a();
    bb();
    f.gtS().select();
  };
  f.get(pdst).set(dst);
  f.get(ow).i32(4).mul().set(rowb);
  f.forRange(
    r,
    () => f.i32(0),
    () => f.get(fh),
    1,
    () => {
      f.forRange(
        c,
        () => f.i32(0),
        () => f.get(fw),
        1,
        () => {
          // output columns whose input column lies inside the image: lo…hi
          min(
            () => f.get(ow),
            () => f.get(left).get(c).sub(),
          );
          f.set(t);
          max(
            () => f.i32(0),
            () => f.get(t),
          );
          f.set(lo);
          min(
            () => f.get(ow),
            () => f.get(iw).get(left).add().get(c).sub(),
          );
          f.set(t);
          max(
            () => f.get(lo),
            () => f.get(t),
          );
          f.set(hi);
          f.forRange(
            ch,
            () => f.i32(0),
            () => f.get(ci),
            1,
            () => {
              f.forRange(
                b,
                () => f.i32(0),
                () => f.get(n),
                1,
                () => {
                  f.get(psrc).get(ch).get(n).mul().get(b).add().get(ih).mul().get(iw).mul().i32(4).mul().add().set(plane);
                  f.forRange(
                    y,
                    () => f.i32(0),
                    () => f.get(oh),
                    1,
                    () => {
                      f.get(y).get(top).sub().get(r).add().tee(yi).get(ih).geU(); // negative rows compare as huge
                      f.ifElse(
                        () => {
                          f.get(dst).i32(0).get(rowb).memoryFill();
                        },
                        () => {
                          f.get(dst).i32(0).get(lo).i32(4).mul().memoryFill();
                          f.get(dst).get(lo).i32(4).mul().add();
                          f.get(plane).get(yi).get(iw).mul().get(lo).add().get(left).sub().get(c).add().i32(4).mul().add();
                          f.get(hi).get(lo).sub().i32(4).mul().memoryCopy();
                          f.get(dst).get(hi).i32(4).mul().add().i32(0).get(ow).get(hi).sub().i32(4).mul().memoryFill();
                        },
                      );
                      f.bump(dst, () => f.get(rowb));
                    },
                  );
                },
              );
            },
          );
        },
      );
    },
  );
  return { name: 'im2col_s1', body: f };
}

/** relu_grad(pdy, py, pout, count): out = y > 0 ? dy : 0 over count floats (a multiple of 4); PyTorch's threshold_backward, so a NaN output passes no gradient. */
function reluGrad(): Func {
  const f = new Body(4);
  const [pdy, py, pout, count] = [0, 1, 2, 3];
  const i = f.local(I32);
  f.forRange(
    i,
    () => f.i32(0),
    () => f.get(count).i32(4).mul(),
    16,
    () => {
      f.get(pout).get(i).add();
      f.get(pdy).get(i).add().simd(SIMD.load, 0);
      f.get(py).get(i).add().simd(SIMD.load, 0).i32(0).simd(SIMD.i32x4Splat).simd(SIMD.f32x4Gt);
      f.simd(SIMD.and).simd(SIMD.store, 0);
    },
  );
  return { name: 'relu_grad', body: f };
}

/** The module's bytes for a memory of this kind. */
export function simdKernelBytes(memory: MemoryImport): Uint8Array {
  const tiles = GEMM_TILES.map(([r, v]) => gemmTile(r, v));
  return encodeModule(
    [...tiles, gemmDriver(), colSum(), poolGradRow(), reluGrad(), im2colStride1()],
    memory,
    tiles.map((t) => t.name),
  );
}
