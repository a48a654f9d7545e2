import { describe, expect, it } from 'vitest';
import { decodeNode } from '../../../cli/node-decoders';
import { cropRect } from '../../../src/data/center-crop';
import { handleDecodeRequest, type Rasterizer } from '../../../src/data/decode-handler';
import { isDecodeResponse, responseToFileReport, type DecodeRequest } from '../../../src/data/decode-protocol';
import { resizeImage } from '../../../src/data/resize';
import { encodeJpeg, encodePng, pattern } from '../../fixtures-gen/encode-images';

/** A Node stand-in for the worker's createImageBitmap + OffscreenCanvas path. */
const nodeRasterizer: Rasterizer = async (bytes, header, size, fit) => {
  const img = decodeNode(bytes, header);
  const rgb = resizeImage(img, size, size, { crop: cropRect(img.width, img.height, size, size, fit) });
  const rgba = new Uint8Array(size * size * 4).fill(255);
  for (let i = 0; i < size * size; i++) rgba.set(rgb.subarray(i * 3, i * 3 + 3), i * 4);
  return { rgba, width: img.width, height: img.height };
};

const request = (bytes: Uint8Array, extra: Partial<DecodeRequest> = {}): DecodeRequest => ({
  type: 'decode',
  id: 7,
  path: 'root/cat/a.png',
  bytes: bytes.slice().buffer,
  size: 16,
  fit: 'center-crop',
  maxPixels: 40e6,
  ...extra,
});

describe('handleDecodeRequest', () => {
  it('returns size×size RGB pixels and the original size for a valid image', async () => {
    const res = await handleDecodeRequest(request(encodePng(50, 30, pattern(50, 30, 1))), nodeRasterizer);
    expect(isDecodeResponse(res)).toBe(true);
    expect(res).toMatchObject({ type: 'decoded', id: 7, format: 'png', width: 50, height: 30, size: 16, notes: [] });
    if (res.type === 'decoded') expect(res.pixels.byteLength).toBe(16 * 16 * 3);
  });

  it('skips corrupt, truncated, empty and too-large files without throwing', async () => {
    const jpg = encodeJpeg(40, 40, pattern(40, 40, 3));
    const truncated = await handleDecodeRequest(request(jpg.subarray(0, 300)), nodeRasterizer);
    expect(truncated).toMatchObject({ type: 'skipped', reason: 'corrupt', format: 'jpeg', width: 40 });
    expect(await handleDecodeRequest(request(new Uint8Array(0)), nodeRasterizer)).toMatchObject({ type: 'skipped', reason: 'empty-file' });
    expect(await handleDecodeRequest(request(Uint8Array.from([1, 2, 3, 4])), nodeRasterizer)).toMatchObject({
      type: 'skipped',
      reason: 'corrupt',
    });
    const big = await handleDecodeRequest(request(encodePng(50, 30, pattern(50, 30, 1)), { maxPixels: 1000 }), nodeRasterizer);
    expect(big).toMatchObject({ type: 'skipped', reason: 'too-large' });
  });

  it('reports a rasterizer failure as corrupt with the decoder message', async () => {
    const failing: Rasterizer = async () => {
      throw new Error('The source image could not be decoded.');
    };
    const res = await handleDecodeRequest(request(encodePng(8, 8, pattern(8, 8, 0))), failing);
    expect(res).toMatchObject({
      type: 'skipped',
      reason: 'corrupt',
      message: 'could not decode PNG: The source image could not be decoded.',
    });
  });

  it('answers malformed requests with an error response', async () => {
    expect(await handleDecodeRequest({ type: 'decode', id: 3 }, nodeRasterizer)).toMatchObject({ type: 'error', id: 3 });
    expect(await handleDecodeRequest('hello', nodeRasterizer)).toMatchObject({ type: 'error', id: null });
  });
});

describe('responseToFileReport', () => {
  it('turns responses into load-report entries', () => {
    expect(responseToFileReport({ type: 'skipped', id: 1, path: 'p', reason: 'corrupt', message: 'm' }, 'cat')).toEqual({
      path: 'p',
      className: 'cat',
      status: 'skipped',
      reason: 'corrupt',
      message: 'm',
    });
    const ok = responseToFileReport(
      { type: 'decoded', id: 1, path: 'p', pixels: new ArrayBuffer(3), size: 1, format: 'png', width: 5, height: 6, notes: [] },
      'dog',
    );
    expect(ok).toEqual({ path: 'p', className: 'dog', status: 'ok', format: 'png', width: 5, height: 6 });
  });
});
