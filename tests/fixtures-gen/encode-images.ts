/** Small image encoders for tests and benchmarks (PNG via pngjs, JPEG via jpeg-js, GIF via omggif). */
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { GifWriter } from 'omggif';

/** A smooth, seed-dependent RGBA test pattern (gradients plus a disc), width × height × 4 bytes. */
export function pattern(width: number, height: number, seed: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  const cx = width * (0.3 + 0.4 * ((seed * 0.618) % 1));
  const cy = height * (0.3 + 0.4 * ((seed * 0.414) % 1));
  const r2 = (Math.min(width, height) * 0.25) ** 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const inside = (x - cx) ** 2 + (y - cy) ** 2 < r2;
      rgba[i] = (x * 255) / Math.max(1, width - 1);
      rgba[i + 1] = (y * 255) / Math.max(1, height - 1);
      rgba[i + 2] = inside ? 230 : (seed * 40) % 256;
      rgba[i + 3] = 255;
    }
  }
  return rgba;
}

/** PNG bytes of an RGBA image (8-bit by default; 16 for a 16-bit RGBA PNG). */
export function encodePng(width: number, height: number, rgba: Uint8Array, bitDepth: 8 | 16 = 8): Uint8Array {
  const png = new PNG({ width, height });
  png.data = Buffer.from(rgba);
  if (bitDepth === 16) {
    const data16 = new Uint16Array(width * height * 4);
    for (let i = 0; i < data16.length; i++) data16[i] = rgba[i] * 257;
    return new Uint8Array(
      PNG.sync.write({ width, height, data: data16 } as unknown as PNG, { bitDepth: 16, colorType: 6, inputHasAlpha: true }),
    );
  }
  return new Uint8Array(PNG.sync.write(png));
}

/** Baseline JPEG bytes of an RGBA image (alpha ignored). */
export function encodeJpeg(width: number, height: number, rgba: Uint8Array, quality = 85): Uint8Array {
  return new Uint8Array(jpeg.encode({ width, height, data: rgba }, quality).data);
}

/** GIF bytes of an RGBA image, quantised to a 3-3-2 bit palette. */
export function encodeGif(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const palette = Array.from({ length: 256 }, (_, i) => (((i >> 5) * 36) << 16) | ((((i >> 2) & 7) * 36) << 8) | ((i & 3) * 85));
  const indexed = new Uint8Array(width * height);
  for (let p = 0; p < indexed.length; p++) {
    indexed[p] = ((rgba[p * 4] >> 5) << 5) | ((rgba[p * 4 + 1] >> 5) << 2) | (rgba[p * 4 + 2] >> 6);
  }
  const buf = new Uint8Array(width * height * 2 + 4096);
  const gw = new GifWriter(buf, width, height, { palette });
  gw.addFrame(0, 0, width, height, Array.from(indexed));
  return buf.slice(0, gw.end());
}

/** Well-known 1×1 WebP files (lossy VP8, lossless VP8L, extended VP8X with alpha). */
export const WEBP_1X1 = {
  lossy: 'UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA',
  lossless: 'UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==',
  alpha: 'UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA==',
} as const;

/** Decodes one of WEBP_1X1 to bytes. */
export function webp1x1(kind: keyof typeof WEBP_1X1): Uint8Array {
  return new Uint8Array(Buffer.from(WEBP_1X1[kind], 'base64'));
}
