/** The preview's batch (q2.4): chosen images of a uint8 data set, each repeated once per draw, as float32 RGB in [0, 1]; and back to RGBA for a canvas. */

/** Images `indices` of `pixels` (N × size × size × channels, uint8), each `draws` times in a row, as [indices·draws, size, size, 3] floats in [0, 1] (gray repeated to RGB). */
export function previewBatch(pixels: Uint8Array, size: number, channels: 1 | 3, indices: readonly number[], draws: number): Float32Array {
  const per = size * size;
  const out = new Float32Array(indices.length * draws * per * 3);
  indices.forEach((img, k) => {
    const src = img * per * channels;
    for (let d = 0; d < draws; d++) {
      const dst = (k * draws + d) * per * 3;
      for (let p = 0; p < per; p++) {
        for (let c = 0; c < 3; c++) out[dst + p * 3 + c] = pixels[src + p * channels + (channels === 1 ? 0 : c)] / 255;
      }
    }
  });
  return out;
}

/** Image `n` of a float RGB batch [N, h, w, 3] in [0, 1] as RGBA bytes (values clamped and rounded). */
export function batchImageRgba(batch: Float32Array, n: number, h: number, w: number): Uint8ClampedArray {
  const per = h * w;
  const out = new Uint8ClampedArray(per * 4);
  for (let p = 0; p < per; p++) {
    for (let c = 0; c < 3; c++) out[p * 4 + c] = Math.round(Math.min(1, Math.max(0, batch[(n * per + p) * 3 + c])) * 255);
    out[p * 4 + 3] = 255;
  }
  return out;
}
