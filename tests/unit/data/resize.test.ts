import { describe, expect, it } from 'vitest';
import { resizeBatch, resizeImage, resizeImageFloat, rgbaToRgb, type ImageBuffer } from '../../../src/data/resize';

const gray = (width: number, height: number, values: number[]): ImageBuffer => ({
  width,
  height,
  channels: 1,
  data: Uint8Array.from(values),
});

describe('resizeImage', () => {
  it('is the identity at the same size', () => {
    const data = Uint8Array.from({ length: 5 * 4 * 3 }, (_, i) => (i * 53) % 256);
    expect(resizeImage({ width: 5, height: 4, channels: 3, data }, 5, 4)).toEqual(data);
  });

  it('upsamples 2→4 like bilinear with half-pixel centres', () => {
    const out = resizeImage(gray(2, 1, [0, 200]), 4, 1, { outChannels: 1 });
    expect(Array.from(out)).toEqual([0, 50, 150, 200]);
  });

  it('antialiases when shrinking 4→2 (triangle filter twice as wide)', () => {
    const out = resizeImage(gray(4, 1, [0, 0, 255, 255]), 2, 1, { outChannels: 1 });
    expect(Array.from(out)).toEqual([36, 219]);
  });

  it('keeps a constant image constant at any size', () => {
    const src: ImageBuffer = { width: 37, height: 23, channels: 4, data: new Uint8Array(37 * 23 * 4).fill(77) };
    for (const s of [1, 8, 64, 101]) expect(resizeImage(src, s, s).every((v) => v === 77)).toBe(true);
  });

  it('expands gray to RGB, drops alpha and converts RGB to gray', () => {
    expect(Array.from(resizeImage(gray(1, 1, [9]), 1, 1))).toEqual([9, 9, 9]);
    const rgba: ImageBuffer = { width: 1, height: 1, channels: 4, data: Uint8Array.from([10, 20, 30, 0]) };
    expect(Array.from(resizeImage(rgba, 1, 1))).toEqual([10, 20, 30]);
    const rgb: ImageBuffer = { width: 1, height: 1, channels: 3, data: Uint8Array.from([255, 0, 0]) };
    expect(Array.from(resizeImage(rgb, 1, 1, { outChannels: 1 }))).toEqual([76]);
  });

  it('resamples only the crop region', () => {
    const data = Uint8Array.from([0, 0, 100, 100, 0, 0, 100, 100]);
    const out = resizeImage(gray(4, 2, Array.from(data)), 1, 1, { crop: { x: 2, y: 0, width: 2, height: 2 }, outChannels: 1 });
    expect(Array.from(out)).toEqual([100]);
  });

  it('gives the same result as cropping first, then resizing', () => {
    const w = 30,
      h = 20,
      c = 3;
    const data = Uint8Array.from({ length: w * h * c }, (_, i) => (i * 97 + (i >> 5) * 13) % 256);
    const crop = { x: 5, y: 0, width: 20, height: 20 };
    const cropped = new Uint8Array(crop.width * crop.height * c);
    for (let y = 0; y < crop.height; y++)
      cropped.set(data.subarray(((y + crop.y) * w + crop.x) * c, ((y + crop.y) * w + crop.x + crop.width) * c), y * crop.width * c);
    const a = resizeImage({ width: w, height: h, channels: 3, data }, 7, 7, { crop });
    const b = resizeImage({ width: 20, height: 20, channels: 3, data: cropped }, 7, 7);
    expect(a).toEqual(b);
  });

  it('rejects bad arguments with clear messages', () => {
    expect(() => resizeImage(gray(2, 2, [1, 2]), 1, 1)).toThrow(/too few/);
    expect(() => resizeImage(gray(2, 1, [1, 2]), 0, 1)).toThrow(/bad output size/);
    expect(() => resizeImage(gray(2, 1, [1, 2]), 1, 1, { crop: { x: 1, y: 0, width: 2, height: 1 } })).toThrow(/outside/);
  });
});

describe('resizeImageFloat', () => {
  it('scales values to [0, 1]', () => {
    const out = resizeImageFloat(gray(2, 1, [0, 255]), 2, 1, { outChannels: 1 });
    expect(out[0]).toBeCloseTo(0, 6);
    expect(out[1]).toBeCloseTo(1, 6);
  });
});

describe('resizeBatch', () => {
  it('resizes every image of a 28×28 gray batch to 64×64 RGB', () => {
    const count = 3;
    const pixels = new Uint8Array(count * 28 * 28);
    for (let n = 0; n < count; n++) pixels.fill(n * 100, n * 784, (n + 1) * 784);
    const out = resizeBatch(pixels, count, 28, 1, 64, { outChannels: 3, output: 'float32' });
    expect(out).toBeInstanceOf(Float32Array);
    expect(out.length).toBe(count * 64 * 64 * 3);
    expect(out[64 * 64 * 3 * 2 + 5]).toBeCloseTo(200 / 255, 5);
    expect(() => resizeBatch(pixels, 4, 28, 1, 64)).toThrow(/fewer than 4 images/);
  });
});

describe('rgbaToRgb', () => {
  it('drops every fourth byte and rejects ragged input', () => {
    expect(Array.from(rgbaToRgb(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8])))).toEqual([1, 2, 3, 5, 6, 7]);
    expect(() => rgbaToRgb(new Uint8Array(5))).toThrow(/multiple of 4/);
  });
});
