/** torchvision's erase on NHWC tensors, one rectangle per image: img[..., i:i+h, j:j+w] = v. */
import type { TF, Tensor } from '../tensor/tf-types';

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
    // Host-built 0/1 row and column masks; their product is the box (no broadcasting logical ops, which tile).
    const rowMask = new Float32Array(n * h);
    const colMask = new Float32Array(n * w);
    boxes.forEach((b, k) => {
      for (let y = b.i; y < Math.min(h, b.i + b.h); y++) rowMask[k * h + y] = 1;
      for (let x0 = b.j; x0 < Math.min(w, b.j + b.w); x0++) colMask[k * w + x0] = 1;
    });
    const mask = tf.tensor4d(rowMask, [n, h, 1, 1]).mul(tf.tensor4d(colMask, [n, 1, w, 1]));
    let v: Tensor;
    if (Array.isArray(value)) {
      const perImage = Array.isArray(value[0]) ? (value as number[][]) : boxes.map(() => value as number[]);
      const rowsOfC = perImage.map((p) => (p.length === 1 ? new Array<number>(c).fill(p[0]) : p));
      v = tf.tensor4d(Float32Array.from(rowsOfC.flat()), [n, 1, 1, c]);
    } else {
      v = value;
    }
    // x·(1 − m) + v·m with m ∈ {0, 1}: exactly x outside the box and v inside (for finite values).
    return x.mul(tf.sub(1, mask)).add(mask.mul(v));
  });
}
