/** Sample images for display: the first few images of each class, and one packed image as RGBA for a canvas. */

/** Up to `perClass` indices of each class, in data-set order (labels[i] is the class of image i). */
export function samplesPerClass(labels: ArrayLike<number>, numClasses: number, perClass: number): number[][] {
  const out: number[][] = Array.from({ length: numClasses }, () => []);
  let missing = numClasses;
  for (let i = 0; i < labels.length && missing > 0; i++) {
    const list = out[labels[i]];
    if (!list || list.length >= perClass) continue;
    list.push(i);
    if (list.length === perClass) missing--;
  }
  return out;
}

/** Image `index` of NHWC uint8 `pixels` (size×size×channels each, 1 = gray, 3 = RGB) as opaque RGBA bytes. */
export function imageToRgba(pixels: Uint8Array, index: number, size: number, channels: 1 | 3): Uint8ClampedArray {
  const n = size * size;
  const start = index * n * channels;
  if (!Number.isInteger(index) || index < 0 || start + n * channels > pixels.length) {
    throw new Error(`imageToRgba: image ${index} is outside the ${pixels.length} pixel bytes`);
  }
  const out = new Uint8ClampedArray(n * 4);
  for (let p = 0; p < n; p++) {
    const s = start + p * channels;
    out[p * 4] = pixels[s];
    out[p * 4 + 1] = pixels[channels === 3 ? s + 1 : s];
    out[p * 4 + 2] = pixels[channels === 3 ? s + 2 : s];
    out[p * 4 + 3] = 255;
  }
  return out;
}
