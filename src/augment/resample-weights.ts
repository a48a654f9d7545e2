/**
 * One-axis linear maps as dense [out, in] weight rows (host Float32Array): PyTorch's bilinear
 * interpolate (plain and antialiased), a crop of a padded axis (torchvision's pad modes), and a
 * Gaussian kernel with reflect padding. Two of them, one per axis, make a separable 2-D op.
 */

/** torch.nn.functional.pad modes as torchvision names them. */
export type PadMode = 'constant' | 'edge' | 'reflect' | 'symmetric';

/** A one-axis map: `weights[o * inSize + i]`, and for crops which outputs read inside the image. */
export interface AxisMap {
  weights: Float32Array;
  outSize: number;
  inSize: number;
  inside: Float32Array;
}

function emptyMap(outSize: number, inSize: number): AxisMap {
  return { weights: new Float32Array(outSize * inSize), outSize, inSize, inside: new Float32Array(outSize).fill(1) };
}

/** Adds weight `w` from input index `i` (skipped outside [0, inSize): torchvision's crop pads zeros). */
function put(m: AxisMap, o: number, i: number, w: number): void {
  if (i >= 0 && i < m.inSize) m.weights[o * m.inSize + i] += w;
}

/**
 * Resizes the window [start, start + length) of an axis of `inSize` to `outSize` like
 * F.interpolate(mode='bilinear', align_corners=False, antialias): with antialias, PyTorch's
 * `_compute_weights_aa` (triangle filter widened by the scale when shrinking, normalised);
 * without, the two-tap bilinear weights of `compute_source_index_and_lambda`.
 */
export function resizeAxis(inSize: number, start: number, length: number, outSize: number, antialias: boolean): AxisMap {
  const m = emptyMap(outSize, inSize);
  const scale = length / outSize;
  for (let o = 0; o < outSize; o++) {
    if (antialias) {
      const support = Math.max(scale, 1);
      const invscale = scale >= 1 ? 1 / scale : 1;
      const center = scale * (o + 0.5);
      const xmin = Math.max(Math.trunc(center - support + 0.5), 0);
      const xsize = Math.min(Math.trunc(center + support + 0.5), length) - xmin;
      const ws: number[] = [];
      for (let j = 0; j < xsize; j++) ws.push(Math.max(0, 1 - Math.abs((j + xmin - center + 0.5) * invscale)));
      const total = ws.reduce((a, b) => a + b, 0);
      ws.forEach((w, j) => put(m, o, start + xmin + j, total !== 0 ? w / total : w));
    } else {
      const src = Math.max(0, scale * (o + 0.5) - 0.5);
      const i0 = Math.trunc(src);
      const i1 = i0 + (i0 < length - 1 ? 1 : 0);
      const l1 = Math.min(Math.max(src - i0, 0), 1);
      put(m, o, start + i0, 1 - l1);
      put(m, o, start + i1, l1);
    }
  }
  return m;
}

/** Index of padded position p (0-based in the unpadded axis, may be negative) under a pad mode, or -1. */
export function padIndex(p: number, size: number, mode: PadMode): number {
  if (p >= 0 && p < size) return p;
  if (mode === 'constant') return -1;
  if (mode === 'edge') return Math.min(Math.max(p, 0), size - 1);
  if (size === 1) return 0;
  const period = mode === 'reflect' ? 2 * (size - 1) : 2 * size;
  const q = ((p % period) + period) % period;
  if (mode === 'reflect') return q < size ? q : period - q;
  return q < size ? q : period - 1 - q;
}

/** Output o reads padded position start + o (start may be negative: padding before the axis). */
export function cropAxis(inSize: number, start: number, outSize: number, mode: PadMode): AxisMap {
  const m = emptyMap(outSize, inSize);
  for (let o = 0; o < outSize; o++) {
    const i = padIndex(start + o, inSize, mode);
    if (i < 0) m.inside[o] = 0;
    else put(m, o, i, 1);
  }
  return m;
}

/** torchvision's `_get_gaussian_kernel1d`: exp(−x²/2σ²) at x = −(k−1)/2 … (k−1)/2, normalised. */
export function gaussianKernel1d(kernelSize: number, sigma: number): number[] {
  const half = (kernelSize - 1) * 0.5;
  const pdf = Array.from({ length: kernelSize }, (_, i) => {
    const x = kernelSize === 1 ? -half : -half + (2 * half * i) / (kernelSize - 1);
    return Math.exp(-0.5 * (x / sigma) ** 2);
  });
  const sum = pdf.reduce((a, b) => a + b, 0);
  return pdf.map((p) => p / sum);
}

/** A Gaussian blur along an axis with reflect padding of kernelSize // 2 (torchvision's gaussian_blur). */
export function blurAxis(size: number, kernelSize: number, sigma: number): AxisMap {
  const m = emptyMap(size, size);
  const k = gaussianKernel1d(kernelSize, sigma);
  const half = Math.floor(kernelSize / 2);
  for (let o = 0; o < size; o++) for (let t = 0; t < kernelSize; t++) put(m, o, padIndex(o + t - half, size, 'reflect'), k[t]);
  return m;
}
