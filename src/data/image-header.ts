/**
 * Reads format and size from the first bytes of a JPEG, PNG, GIF or WebP file, so that huge or
 * unusual images can be refused before a full decode. Never throws: returns a reason instead.
 */

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp';

export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
  /** JPEG: colour components (1 gray, 3 YCbCr/RGB, 4 CMYK/YCCK). */
  components?: number;
  /** PNG: bits per sample (1, 2, 4, 8 or 16). JPEG: sample precision. */
  bitDepth?: number;
  /** JPEG with 4 components (CMYK, or YCCK when `adobe` transform applies). */
  cmyk?: boolean;
  /** JPEG with an Adobe APP14 segment. */
  adobe?: boolean;
  /** JPEG start-of-frame marker (0xC0 baseline, 0xC2 progressive, …). */
  sof?: number;
  /** WebP with the animation flag: only the first frame is used. */
  animated?: boolean;
}

export type HeaderResult = { ok: true; header: ImageHeader } | { ok: false; reason: 'corrupt' | 'unsupported'; message: string };

/** Default limit on decoded pixels (40 megapixels). */
export const MAX_PIXELS = 40_000_000;

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/** The format from the magic bytes, or null. */
export function sniffFormat(b: Uint8Array): ImageFormat | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && u32be(b, 0) === 0x89504e47 && u32be(b, 4) === 0x0d0a1a0a) return 'png';
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return 'gif';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  return null;
}

const corrupt = (message: string): HeaderResult => ({ ok: false, reason: 'corrupt', message });

/** Parses the header of an image file from its leading bytes. */
export function readImageHeader(b: Uint8Array): HeaderResult {
  const format = sniffFormat(b);
  if (format === null) return corrupt('not a JPEG, PNG, GIF or WebP file (unknown leading bytes)');
  const r = format === 'jpeg' ? jpeg(b) : format === 'png' ? png(b) : format === 'gif' ? gif(b) : webp(b);
  if (r.ok && (r.header.width < 1 || r.header.height < 1)) return corrupt(`header says ${r.header.width}×${r.header.height} pixels`);
  return r;
}

function jpeg(b: Uint8Array): HeaderResult {
  let pos = 2;
  let adobe = false;
  while (pos + 4 <= b.length) {
    if (b[pos] !== 0xff) return corrupt(`JPEG marker expected at byte ${pos}`);
    const marker = b[pos + 1];
    if (marker === 0xff) {
      pos++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return corrupt('JPEG has no frame header before its image data');
    const len = u16be(b, pos + 2);
    if (len < 2) return corrupt(`JPEG segment of length ${len} at byte ${pos}`);
    if (marker === 0xee && len >= 12 && ascii(b, pos + 4, 5) === 'Adobe') adobe = true;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (pos + 10 > b.length) break;
      const components = b[pos + 9];
      return {
        ok: true,
        header: {
          format: 'jpeg',
          width: u16be(b, pos + 7),
          height: u16be(b, pos + 5),
          components,
          bitDepth: b[pos + 4],
          sof: marker,
          cmyk: components === 4,
          adobe,
        },
      };
    }
    pos += 2 + len;
  }
  return corrupt('JPEG ends before its frame header (truncated)');
}

function png(b: Uint8Array): HeaderResult {
  if (b.length < 29) return corrupt('PNG ends before its IHDR header (truncated)');
  if (ascii(b, 12, 4) !== 'IHDR') return corrupt('PNG does not start with an IHDR chunk');
  return { ok: true, header: { format: 'png', width: u32be(b, 16), height: u32be(b, 20), bitDepth: b[24] } };
}

function gif(b: Uint8Array): HeaderResult {
  if (b.length < 10) return corrupt('GIF ends before its screen descriptor (truncated)');
  return { ok: true, header: { format: 'gif', width: u16le(b, 6), height: u16le(b, 8) } };
}

function webp(b: Uint8Array): HeaderResult {
  if (b.length < 30) return corrupt('WebP ends before its frame header (truncated)');
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return corrupt('WebP (lossy) frame start code missing');
    return { ok: true, header: { format: 'webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff } };
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return corrupt('WebP (lossless) signature missing');
    const width = 1 + (b[21] | ((b[22] & 0x3f) << 8));
    const height = 1 + ((b[22] >> 6) | (b[23] << 2) | ((b[24] & 0x0f) << 10));
    return { ok: true, header: { format: 'webp', width, height } };
  }
  if (chunk === 'VP8X') {
    return { ok: true, header: { format: 'webp', width: 1 + u24le(b, 24), height: 1 + u24le(b, 27), animated: (b[20] & 0x02) !== 0 } };
  }
  return { ok: false, reason: 'unsupported', message: `WebP chunk "${chunk}" is not VP8, VP8L or VP8X` };
}

/** Policy before decoding: a skip reason for refused headers, else notes to report (may be empty). */
export function screenHeader(
  h: ImageHeader,
  maxPixels = MAX_PIXELS,
): { ok: false; reason: 'too-large' | 'unsupported'; message: string } | { ok: true; notes: string[] } {
  const mp = (h.width * h.height) / 1e6;
  if (h.width * h.height > maxPixels) {
    return {
      ok: false,
      reason: 'too-large',
      message: `${h.width}×${h.height} is ${mp.toFixed(1)} megapixels, over the ${(maxPixels / 1e6).toFixed(0)} MP limit`,
    };
  }
  if (h.format === 'jpeg' && h.sof !== undefined && [0xc3, 0xc7, 0xcb, 0xcf].includes(h.sof)) {
    return { ok: false, reason: 'unsupported', message: 'lossless JPEG is not supported by browsers' };
  }
  const notes: string[] = [];
  if (h.cmyk) notes.push('CMYK JPEG: colours converted to RGB');
  if (h.format === 'png' && h.bitDepth === 16) notes.push('16-bit PNG: reduced to 8 bits per channel');
  if (h.animated) notes.push('animated image: only the first frame is used');
  return { ok: true, notes };
}
