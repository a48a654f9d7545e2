/** Brings a stored data set to the model's input size and 3 channels once, before training. */
import { resizeBatch } from '../data/resize';
import type { PixelSet } from './batches';

/** Returns `set` unchanged when it already is size × size × 3, else a bilinear-resized RGB copy (gray → R=G=B). */
export function prepareImages(set: PixelSet, count: number, imageSize: number): PixelSet {
  if (set.channels !== 1 && set.channels !== 3) throw new Error(`images must have 1 or 3 channels, got ${set.channels}`);
  if (set.pixels.length !== count * set.imageSize * set.imageSize * set.channels) {
    throw new Error(`${set.pixels.length} bytes do not hold ${count} images of ${set.imageSize}×${set.imageSize}×${set.channels}`);
  }
  if (set.imageSize === imageSize && set.channels === 3) return set;
  const pixels = resizeBatch(set.pixels, count, set.imageSize, set.channels, imageSize, { outChannels: 3, output: 'uint8' }) as Uint8Array;
  return { pixels, imageSize, channels: 3 };
}
