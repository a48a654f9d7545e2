/** torchvision's erase on NHWC tensors, one rectangle per image: img[..., i:i+h, j:j+w] = v. */
import type { TF, Tensor } from '../train/tf-types.ts';

/** A rectangle to erase (h = 0 or w = 0 erases nothing) and its value: per channel, or one per pixel from `noise`. */
export interface EraseBox {
  i: number;
  j: number;
  h: number;
  w: number;
}

/**
 * Replaces each image's box with `value`: a [C] or [1] list (the same for every image), a list of
 * per-image lists, or a tensor broadcastable to x (e.g. standard-normal noise of x's shape).
 */
export function eraseBatch(tf: TF, x: Tensor, boxes: readonly EraseBox[], value: number[] | number[][] | Tensor): Tensor {
  return tf.tidy(() => {
    const [n, h, w, c] = x.shape as [number, number, number, number];
    const col = (f: (b: EraseBox) => number) => tf.tensor4d(Int32Array.from(boxes.map(f)), [n, 1, 1, 1], 'int32');
    const rows = tf.range(0, h, 1, 'int32').reshape([1, h, 1, 1]);
    const cols = tf.range(0, w, 1, 'int32').reshape([1, 1, w, 1]);
    const inRows = rows.greaterEqual(col((b) => b.i)).logicalAnd(rows.less(col((b) => b.i + b.h)));
    const inCols = cols.greaterEqual(col((b) => b.j)).logicalAnd(cols.less(col((b) => b.j + b.w)));
    const mask = inRows.logicalAnd(inCols);
    let v: Tensor;
    if (Array.isArray(value)) {
      const perImage = Array.isArray(value[0]) ? (value as number[][]) : boxes.map(() => value as number[]);
      const rowsOfC = perImage.map((p) => (p.length === 1 ? new Array<number>(c).fill(p[0]) : p));
      v = tf.tensor4d(Float32Array.from(rowsOfC.flat()), [n, 1, 1, c]);
    } else {
      v = value;
    }
    return tf.where(mask, v, x);
  });
}
