/** A point's image as a canvas, for the hover card. */
import { imageToRgba } from '../../src/data/sample-pixels';
import type { FeatureSpaceData } from './feature-data';

/** Draws image `i` of the data (if it has images) into a new canvas scaled ×3, else returns null. */
export function pointImage(data: FeatureSpaceData, i: number): HTMLCanvasElement | null {
  const im = data.images;
  if (!im) return null;
  const s = im.imageSize;
  const canvas = document.createElement('canvas');
  canvas.width = s;
  canvas.height = s;
  canvas.style.width = `${3 * s}px`;
  canvas.style.imageRendering = 'pixelated';
  const rgba = imageToRgba(im.pixels, im.index[i], s, im.channels) as Uint8ClampedArray<ArrayBuffer>;
  canvas.getContext('2d')?.putImageData(new ImageData(rgba, s, s), 0, 0);
  return canvas;
}
