/**
 * Image resizing for NHWC uint8 pixels: separable bilinear (triangle) resampling, antialiased when
 * shrinking (the filter widens by the scale factor, as in Pillow's BILINEAR), half-pixel centres.
 * A crop behaves exactly like cropping first: the filter never reads outside the crop.
 * Channels: 1 (gray), 2 (gray+alpha), 3 (RGB) or 4 (RGBA) in; 1 or 3 out. Alpha is dropped (as
 * PIL's convert('RGB') does), gray is copied to R=G=B, RGB → gray uses 0.299R + 0.587G + 0.114B.
 */
import type { Rect } from './center-crop';

/** A decoded image: `data` holds height × width × channels bytes, row-major. */
export interface ImageBuffer {
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  data: Uint8Array | Uint8ClampedArray;
}

export interface ResizeOptions {
  /** Source region to resample (default: the whole image). */
  crop?: Rect;
  /** Output channels (default 3). */
  outChannels?: 1 | 3;
}

/** Resizes (a region of) `src` to outW×outH; returns uint8 NHWC with `outChannels` channels. */
export function resizeImage(src: ImageBuffer, outW: number, outH: number, opts: ResizeOptions = {}): Uint8Array {
  const f = resample(src, outW, outH, opts);
  const out = new Uint8Array(f.length);
  for (let i = 0; i < f.length; i++) out[i] = f[i] <= 0 ? 0 : f[i] >= 255 ? 255 : Math.round(f[i]);
  return out;
}

/** Like resizeImage but returns float32 values scaled to [0, 1]. */
export function resizeImageFloat(src: ImageBuffer, outW: number, outH: number, opts: ResizeOptions = {}): Float32Array {
  const f = resample(src, outW, outH, opts);
  for (let i = 0; i < f.length; i++) f[i] = f[i] <= 0 ? 0 : f[i] >= 255 ? 1 : f[i] / 255;
  return f;
}

/** Resizes `count` square images (size×size×channels each, NHWC) to outSize; the whole image, no crop. */
export function resizeBatch(
  pixels: Uint8Array,
  count: number,
  size: number,
  channels: 1 | 3,
  outSize: number,
  opts: { outChannels?: 1 | 3; output?: 'uint8' | 'float32' } = {},
): Uint8Array | Float32Array {
  const perIn = size * size * channels;
  if (pixels.length < count * perIn) throw new Error(`resizeBatch: ${pixels.length} bytes is fewer than ${count} images of ${perIn}`);
  const outC = opts.outChannels ?? 3;
  const perOut = outSize * outSize * outC;
  const float = opts.output === 'float32';
  const out = float ? new Float32Array(count * perOut) : new Uint8Array(count * perOut);
  for (let n = 0; n < count; n++) {
    const img: ImageBuffer = { width: size, height: size, channels, data: pixels.subarray(n * perIn, (n + 1) * perIn) };
    const r = float
      ? resizeImageFloat(img, outSize, outSize, { outChannels: outC })
      : resizeImage(img, outSize, outSize, { outChannels: outC });
    out.set(r, n * perOut);
  }
  return out;
}

interface Taps {
  start: Int32Array;
  count: Int32Array;
  weights: Float32Array;
  maxTaps: number;
}

/** Filter taps for one axis (the window stays inside [offset, offset + span): crop, then resize). */
function taps(offset: number, span: number, outSize: number): Taps {
  const scale = span / outSize;
  const support = Math.max(scale, 1);
  const maxTaps = Math.ceil(support) * 2 + 1;
  const start = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const weights = new Float32Array(outSize * maxTaps);
  for (let o = 0; o < outSize; o++) {
    const center = offset + (o + 0.5) * scale;
    const lo = Math.max(offset, Math.floor(center - support + 0.5));
    const hi = Math.min(offset + span, Math.floor(center + support + 0.5));
    let sum = 0;
    let k = 0;
    for (let j = lo; j < hi && k < maxTaps; j++, k++) {
      const w = Math.max(0, 1 - Math.abs((j + 0.5 - center) / support));
      weights[o * maxTaps + k] = w;
      sum += w;
    }
    if (sum === 0) {
      const nearest = Math.min(offset + span - 1, Math.max(offset, Math.floor(center)));
      start[o] = nearest;
      count[o] = 1;
      weights[o * maxTaps] = 1;
      continue;
    }
    for (let t = 0; t < k; t++) weights[o * maxTaps + t] /= sum;
    start[o] = lo;
    count[o] = k;
  }
  return { start, count, weights, maxTaps };
}

function checkArgs(src: ImageBuffer, outW: number, outH: number, crop: Rect): void {
  const { width, height, channels, data } = src;
  if (![1, 2, 3, 4].includes(channels)) throw new Error(`resize: channels must be 1 to 4, got ${channels}`);
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`resize: bad source size ${width}×${height}`);
  }
  if (data.length < width * height * channels)
    throw new Error(`resize: ${data.length} bytes is too few for ${width}×${height}×${channels}`);
  if (!Number.isInteger(outW) || !Number.isInteger(outH) || outW < 1 || outH < 1)
    throw new Error(`resize: bad output size ${outW}×${outH}`);
  if (crop.x < 0 || crop.y < 0 || crop.width < 1 || crop.height < 1 || crop.x + crop.width > width || crop.y + crop.height > height) {
    throw new Error(`resize: crop ${JSON.stringify(crop)} is outside the ${width}×${height} image`);
  }
}

function resample(src: ImageBuffer, outW: number, outH: number, opts: ResizeOptions): Float32Array {
  const crop = opts.crop ?? { x: 0, y: 0, width: src.width, height: src.height };
  checkArgs(src, outW, outH, crop);
  const { width, channels: c, data } = src;
  const tx = taps(crop.x, crop.width, outW);
  const ty = taps(crop.y, crop.height, outH);
  const rowLo = ty.start[0];
  const rowHi = ty.start[outH - 1] + ty.count[outH - 1];
  // Horizontal pass over the rows the vertical pass needs.
  const tmp = new Float32Array((rowHi - rowLo) * outW * c);
  for (let y = rowLo; y < rowHi; y++) {
    const rowIn = y * width * c;
    const rowOut = (y - rowLo) * outW * c;
    for (let x = 0; x < outW; x++) {
      const s = tx.start[x];
      const n = tx.count[x];
      const wBase = x * tx.maxTaps;
      for (let ch = 0; ch < c; ch++) {
        let acc = 0;
        for (let t = 0; t < n; t++) acc += tx.weights[wBase + t] * data[rowIn + (s + t) * c + ch];
        tmp[rowOut + x * c + ch] = acc;
      }
    }
  }
  const outC = opts.outChannels ?? 3;
  const out = new Float32Array(outW * outH * outC);
  const px = new Float32Array(c);
  for (let y = 0; y < outH; y++) {
    const s = ty.start[y] - rowLo;
    const n = ty.count[y];
    const wBase = y * ty.maxTaps;
    for (let x = 0; x < outW; x++) {
      for (let ch = 0; ch < c; ch++) {
        let acc = 0;
        for (let t = 0; t < n; t++) acc += ty.weights[wBase + t] * tmp[((s + t) * outW + x) * c + ch];
        px[ch] = acc;
      }
      writePixel(out, (y * outW + x) * outC, px, c, outC);
    }
  }
  return out;
}

function writePixel(out: Float32Array, at: number, px: Float32Array, inC: number, outC: 1 | 3): void {
  const gray = inC <= 2;
  if (outC === 3) {
    out[at] = px[0];
    out[at + 1] = gray ? px[0] : px[1];
    out[at + 2] = gray ? px[0] : px[2];
  } else {
    out[at] = gray ? px[0] : 0.299 * px[0] + 0.587 * px[1] + 0.114 * px[2];
  }
}

/** Drops the alpha channel of packed RGBA bytes (like PIL's convert('RGB')); returns a new RGB array. */
export function rgbaToRgb(rgba: Uint8Array | Uint8ClampedArray): Uint8Array {
  if (rgba.length % 4 !== 0) throw new Error(`rgbaToRgb: length ${rgba.length} is not a multiple of 4`);
  const n = rgba.length / 4;
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    out[i * 3] = rgba[i * 4];
    out[i * 3 + 1] = rgba[i * 4 + 1];
    out[i * 3 + 2] = rgba[i * 4 + 2];
  }
  return out;
}
