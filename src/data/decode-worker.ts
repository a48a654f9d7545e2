/// <reference lib="webworker" />
/**
 * Browser worker: decodes one image per message with createImageBitmap, centre-crops and resizes
 * it on an OffscreenCanvas, and posts back size×size RGB (see decode-protocol.ts). EXIF orientation
 * is not applied (imageOrientation 'none' where supported), as PIL's ImageFolder loader does not.
 * All logic lives in decode-handler.ts; this file only binds browser APIs.
 */
import { cropRect, type FitMode } from './center-crop';
import { handleDecodeRequest, type Rasterizer } from './decode-handler';
import type { ImageHeader } from './image-header';

const MIME: Record<ImageHeader['format'], string> = { jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp' };

const rasterize: Rasterizer = async (bytes: Uint8Array, header: ImageHeader, size: number, fit: FitMode) => {
  if (typeof OffscreenCanvas === 'undefined' || typeof createImageBitmap === 'undefined') {
    throw new Error('this browser lacks OffscreenCanvas or createImageBitmap in workers');
  }
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME[header.format] });
  const full = await createImageBitmap(blob, { imageOrientation: 'none' as ImageOrientation, premultiplyAlpha: 'none' });
  try {
    const crop = cropRect(full.width, full.height, size, size, fit);
    const canvas = new OffscreenCanvas(size, size);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D context on OffscreenCanvas');
    let scaled: ImageBitmap | null = null;
    try {
      scaled = await createImageBitmap(full, crop.x, crop.y, crop.width, crop.height, {
        resizeWidth: size,
        resizeHeight: size,
        resizeQuality: 'high',
      });
    } catch {
      scaled = null;
    }
    if (scaled) {
      ctx.drawImage(scaled, 0, 0);
      scaled.close();
    } else {
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(full, crop.x, crop.y, crop.width, crop.height, 0, 0, size, size);
    }
    return { rgba: ctx.getImageData(0, 0, size, size).data, width: full.width, height: full.height };
  } finally {
    full.close();
  }
};

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (ev: MessageEvent<unknown>) => {
  const res = await handleDecodeRequest(ev.data, rasterize);
  scope.postMessage(res, res.type === 'decoded' ? [res.pixels] : []);
};
