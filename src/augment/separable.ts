/** A separable linear image op on NHWC tensors: out[n] = Rows[n] · x[n] · Cols[n]ᵀ per channel, by the Separable kernel or as two batched matMuls. */
import type { TF, Tensor } from '../tensor/tf-types';
import type { AxisMap } from './resample-weights';
import { AUGMENT_KERNEL, runAugmentKernel } from './kernels/register';

function stack(tf: TF, maps: readonly AxisMap[]): Tensor {
  const { outSize, inSize } = maps[0];
  const data = new Float32Array(maps.length * outSize * inSize);
  maps.forEach((m, i) => data.set(m.weights, i * outSize * inSize));
  return tf.tensor3d(data, [maps.length, outSize, inSize]);
}

/** Applies one row map and one column map per image; x is [N, H, W, C], the result [N, Ho, Wo, C]. */
export function applySeparable(tf: TF, x: Tensor, rows: readonly AxisMap[], cols: readonly AxisMap[]): Tensor {
  return tf.tidy(() => {
    const [n, h, w, c] = x.shape as [number, number, number, number];
    const ho = rows[0].outSize;
    const wo = cols[0].outSize;
    const fast = runAugmentKernel(tf, AUGMENT_KERNEL.separable, { x, rows: stack(tf, rows), cols: stack(tf, cols) });
    if (fast) return fast as Tensor;
    const a = tf.matMul(stack(tf, rows), x.reshape([n, h, w * c]));
    const b = a
      .reshape([n, ho, w, c])
      .transpose([0, 2, 1, 3])
      .reshape([n, w, ho * c]);
    const d = tf.matMul(stack(tf, cols), b);
    return d.reshape([n, wo, ho, c]).transpose([0, 2, 1, 3]);
  });
}

/** Where an axis crop read padding (constant mode), adds `fill` per channel: fill·(1 − insideRow·insideCol). */
export function addPadFill(tf: TF, y: Tensor, rows: readonly AxisMap[], cols: readonly AxisMap[], fill: number): Tensor {
  if (fill === 0 || (rows.every((r) => r.inside.every((v) => v === 1)) && cols.every((c) => c.inside.every((v) => v === 1)))) return y;
  return tf.tidy(() => {
    const n = rows.length;
    const ho = rows[0].outSize;
    const wo = cols[0].outSize;
    const ry = tf.tensor4d(Float32Array.from(rows.flatMap((r) => [...r.inside])), [n, ho, 1, 1]);
    const cx = tf.tensor4d(Float32Array.from(cols.flatMap((c) => [...c.inside])), [n, 1, wo, 1]);
    return y.add(tf.sub(1, ry.mul(cx)).mul(fill));
  });
}
