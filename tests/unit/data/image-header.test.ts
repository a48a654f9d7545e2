import { describe, expect, it } from 'vitest';
import { readImageHeader, screenHeader, sniffFormat, type ImageHeader } from '../../../src/data/image-header';
import { encodeGif, encodeJpeg, encodePng, pattern, webp1x1 } from '../../fixtures-gen/encode-images';

const header = (b: Uint8Array): ImageHeader => {
  const r = readImageHeader(b);
  if (!r.ok) throw new Error(r.message);
  return r.header;
};

/** A JPEG prefix: SOI, an Adobe APP14 segment, and a SOF0 with 4 components of `w`×`h`. */
function cmykJpegPrefix(w: number, h: number): Uint8Array {
  const app14 = [0xff, 0xee, 0x00, 0x0e, ...Array.from('Adobe', (c) => c.charCodeAt(0)), 0, 100, 0, 0, 0, 0, 2];
  const sof = [0xff, 0xc0, 0x00, 0x14, 8, h >> 8, h & 255, w >> 8, w & 255, 4, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0];
  return Uint8Array.from([0xff, 0xd8, ...app14, ...sof]);
}

describe('readImageHeader', () => {
  const rgba = pattern(50, 30, 1);

  it('reads size and format of encoded PNG, JPEG and GIF files', () => {
    expect(header(encodePng(50, 30, rgba))).toMatchObject({ format: 'png', width: 50, height: 30, bitDepth: 8 });
    expect(header(encodeJpeg(50, 30, rgba))).toMatchObject({
      format: 'jpeg',
      width: 50,
      height: 30,
      components: 3,
      sof: 0xc0,
      cmyk: false,
    });
    expect(header(encodeGif(50, 30, rgba))).toMatchObject({ format: 'gif', width: 50, height: 30 });
  });

  it('flags 16-bit PNG and CMYK JPEG', () => {
    expect(header(encodePng(50, 30, rgba, 16)).bitDepth).toBe(16);
    expect(header(cmykJpegPrefix(640, 480))).toMatchObject({ width: 640, height: 480, components: 4, cmyk: true, adobe: true });
  });

  it('reads the three WebP variants, including VP8X canvas size and flags', () => {
    for (const k of ['lossy', 'lossless', 'alpha'] as const)
      expect(header(webp1x1(k))).toMatchObject({ format: 'webp', width: 1, height: 1 });
    const b = webp1x1('alpha').slice();
    b[24] = 639 & 255;
    b[25] = 639 >> 8;
    b[27] = 479 & 255;
    b[28] = 479 >> 8;
    b[20] |= 0x02;
    expect(header(b)).toMatchObject({ width: 640, height: 480, animated: true });
  });

  it('reports truncated and unknown files as corrupt, never throwing', () => {
    const png = encodePng(50, 30, rgba);
    const jpg = encodeJpeg(50, 30, rgba);
    expect(readImageHeader(png.subarray(0, 20))).toMatchObject({
      ok: false,
      reason: 'corrupt',
      message: expect.stringMatching(/truncated/),
    });
    expect(readImageHeader(jpg.subarray(0, 4))).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(readImageHeader(new TextEncoder().encode('hello world, not an image'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a JPEG, PNG/),
    });
    expect(readImageHeader(new Uint8Array(0))).toMatchObject({ ok: false });
    for (let seed = 1; seed < 200; seed++) {
      const junk = Uint8Array.from({ length: 64 }, (_, i) => (seed * 31 + i * i * 7) & 255);
      junk.set([0xff, 0xd8, 0xff], 0);
      expect(() => readImageHeader(junk)).not.toThrow();
    }
  });
});

describe('sniffFormat', () => {
  it('goes by contents, not the file name', () => {
    expect(sniffFormat(encodePng(2, 2, pattern(2, 2, 0)))).toBe('png');
    expect(sniffFormat(Uint8Array.from([1, 2, 3]))).toBeNull();
  });
});

describe('screenHeader', () => {
  it('refuses images over the pixel limit before decoding', () => {
    const png = encodePng(50, 30, pattern(50, 30, 1)).slice();
    new DataView(png.buffer).setUint32(16, 10000);
    new DataView(png.buffer).setUint32(20, 5000);
    const r = screenHeader(header(png));
    expect(r).toMatchObject({ ok: false, reason: 'too-large', message: expect.stringMatching(/50\.0 megapixels, over the 40 MP limit/) });
    expect(screenHeader(header(png), 60e6).ok).toBe(true);
  });

  it('adds notes for CMYK and 16-bit images and refuses lossless JPEG', () => {
    expect(screenHeader({ format: 'jpeg', width: 9, height: 9, cmyk: true })).toEqual({
      ok: true,
      notes: ['CMYK JPEG: colours converted to RGB'],
    });
    expect(screenHeader({ format: 'png', width: 9, height: 9, bitDepth: 16 })).toMatchObject({
      ok: true,
      notes: [expect.stringMatching(/16-bit/)],
    });
    expect(screenHeader({ format: 'jpeg', width: 9, height: 9, sof: 0xc3 })).toMatchObject({ ok: false, reason: 'unsupported' });
  });
});
