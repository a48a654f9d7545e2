/**
 * Host-side batching: images stay uint8 NHWC on the host and each batch is converted to float32 in
 * [0, 1] (pixel / 255, no mean/std normalisation) with a fixed shape, so device buffers are reused.
 */
import { mixSeed, mulberry32, shuffleInPlace } from '../data/rng';

/** Pixels of `count` images, each size × size × channels (uint8, NHWC). */
export interface PixelSet {
  pixels: Uint8Array;
  imageSize: number;
  channels: number;
}

/** Train order of one epoch: a seeded shuffle that differs per epoch and is the same for every run with that seed. */
export function epochOrder(indices: readonly number[], seed: number, epoch: number): number[] {
  const rng = mulberry32(mixSeed(seed, epoch + 1));
  return shuffleInPlace([...indices], rng);
}

/** Splits `order` into full batches; the last partial batch is dropped (training). */
export function fullBatches(order: readonly number[], batchSize: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + batchSize <= order.length; i += batchSize) out.push(order.slice(i, i + batchSize));
  return out;
}

/** Splits `order` into batches, keeping a short last one (evaluation pads it). */
export function allBatches(order: readonly number[], batchSize: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < order.length; i += batchSize) out.push(order.slice(i, i + batchSize));
  return out;
}

/** Fills `out` (batchSize × per-image floats) with images `idx` scaled to [0, 1]; rows past idx.length are zero. */
export function fillBatch(set: PixelSet, idx: readonly number[], out: Float32Array): Float32Array {
  const per = set.imageSize * set.imageSize * set.channels;
  if (out.length < idx.length * per) throw new Error(`batch buffer of ${out.length} floats is too small for ${idx.length} images`);
  for (let b = 0; b < idx.length; b++) {
    const src = idx[b] * per;
    const dst = b * per;
    for (let i = 0; i < per; i++) out[dst + i] = set.pixels[src + i] / 255;
  }
  out.fill(0, idx.length * per);
  return out;
}

/** Labels of `idx` as an Int32Array of length batchSize (padding rows get 0). */
export function fillLabels(labels: ArrayLike<number>, idx: readonly number[], batchSize: number): Int32Array {
  const out = new Int32Array(batchSize);
  for (let b = 0; b < idx.length; b++) out[b] = labels[idx[b]];
  return out;
}
