/**
 * The decode worker's logic, free of browser APIs: check the request and the header, refuse huge
 * or unsupported images before decoding, call the injected rasterizer (createImageBitmap +
 * OffscreenCanvas in the worker), and turn its RGBA into RGB. Never throws: every failure becomes
 * a 'skipped' or 'error' response, so one bad file cannot stop a folder.
 */
import type { FitMode } from './center-crop';
import type { DecodeRequest, DecodeResponse } from './decode-protocol';
import { isDecodeRequest } from './decode-protocol';
import { readImageHeader, screenHeader, type ImageHeader } from './image-header';
import { rgbaToRgb } from './resize';

/** Decodes and resizes to size×size RGBA (centre crop per `fit`); rejects when the file cannot be decoded. */
export type Rasterizer = (
  bytes: Uint8Array,
  header: ImageHeader,
  size: number,
  fit: FitMode,
) => Promise<{ rgba: Uint8Array | Uint8ClampedArray; width: number; height: number }>;

/** Handles one message; the response's pixels buffer is fresh and can be transferred. */
export async function handleDecodeRequest(msg: unknown, rasterize: Rasterizer): Promise<DecodeResponse> {
  if (!isDecodeRequest(msg)) {
    const id = typeof (msg as DecodeRequest)?.id === 'number' ? (msg as DecodeRequest).id : null;
    return {
      type: 'error',
      id,
      message: 'malformed decode request: need {type: "decode", id, path, bytes: ArrayBuffer, size 1–1024, fit, maxPixels}',
    };
  }
  const { id, path, size } = msg;
  const bytes = new Uint8Array(msg.bytes);
  if (bytes.length === 0) return { type: 'skipped', id, path, reason: 'empty-file', message: 'zero bytes' };
  const h = readImageHeader(bytes);
  if (!h.ok) return { type: 'skipped', id, path, reason: h.reason, message: h.message };
  const dims = { format: h.header.format, width: h.header.width, height: h.header.height };
  const screen = screenHeader(h.header, msg.maxPixels);
  if (!screen.ok) return { type: 'skipped', id, path, reason: screen.reason, message: screen.message, ...dims };
  try {
    const r = await rasterize(bytes, h.header, size, msg.fit);
    if (r.rgba.length !== size * size * 4) throw new Error(`rasterizer returned ${r.rgba.length} bytes, expected ${size * size * 4}`);
    const notes = [...screen.notes];
    if (r.width !== h.header.width || r.height !== h.header.height)
      notes.push(`decoded as ${r.width}×${r.height} (header ${h.header.width}×${h.header.height}; EXIF rotation?)`);
    const rgb = rgbaToRgb(r.rgba);
    return { type: 'decoded', id, path, pixels: rgb.buffer as ArrayBuffer, size, ...dims, notes };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      type: 'skipped',
      id,
      path,
      reason: 'corrupt',
      message: `could not decode ${h.header.format.toUpperCase()}: ${detail || 'the browser refused it'}`,
      ...dims,
    };
  }
}
