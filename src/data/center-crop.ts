/**
 * The source rectangle to resize into a dstW×dstH image.
 *
 * 'center-crop' (the default): the largest rectangle with the target's aspect ratio, centred
 * (offset = floor of half the excess), so a 500×375 photo going to 128×128 keeps its central
 * 375×375 square and loses 62 columns on the left and 63 on the right. Nothing is stretched.
 * 'stretch': the whole image, squashed to the target aspect (like torchvision Resize((h, w))).
 */

export type FitMode = 'center-crop' | 'stretch';

/** An integer pixel rectangle inside an image. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The region of a srcW×srcH image that maps onto a dstW×dstH output under `mode`. */
export function cropRect(srcW: number, srcH: number, dstW: number, dstH: number, mode: FitMode = 'center-crop'): Rect {
  for (const [name, v] of [
    ['srcW', srcW],
    ['srcH', srcH],
    ['dstW', dstW],
    ['dstH', dstH],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`cropRect: ${name} must be a positive integer, got ${v}`);
  }
  if (mode === 'stretch') return { x: 0, y: 0, width: srcW, height: srcH };
  if (mode !== 'center-crop') throw new Error(`cropRect: unknown mode ${JSON.stringify(mode)}`);
  if (srcW * dstH > srcH * dstW) {
    const width = Math.max(1, Math.min(srcW, Math.round((srcH * dstW) / dstH)));
    return { x: Math.floor((srcW - width) / 2), y: 0, width, height: srcH };
  }
  const height = Math.max(1, Math.min(srcH, Math.round((srcW * dstH) / dstW)));
  return { x: 0, y: Math.floor((srcH - height) / 2), width: srcW, height };
}
