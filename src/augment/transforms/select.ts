/** Per-image choice between two batches, for transforms that leave some images of a batch as they were. */
import type { TF, Tensor } from '../../tensor/tf-types';

/**
 * y for the selected images, x for the others, as y·m + x·(1 − m) with m ∈ {0, 1} per image: exact
 * for finite values, and a broadcast multiply where tf.where would tile its mask to the full shape.
 */
export function selectImages(tf: TF, flags: readonly boolean[], y: Tensor, x: Tensor): Tensor {
  if (flags.every(Boolean)) return y;
  return tf.tidy(() => {
    const m = tf.tensor4d(
      flags.map((f) => (f ? 1 : 0)),
      [flags.length, 1, 1, 1],
    );
    return y.mul(m).add(x.mul(tf.sub(1, m)));
  });
}
