/** Saves a drawn SVG as an .svg file, or rasterised as a .png (2× its size). */
import { downloadText } from '../lib/download';

/** The SVG's markup, standalone (hidden points stay out). */
export function svgMarkup(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.querySelectorAll('[display="none"]').forEach((e) => e.remove());
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** Downloads the SVG as `name`.svg. */
export function exportSvg(svg: SVGSVGElement, name: string): void {
  downloadText(`${name}.svg`, svgMarkup(svg), 'image/svg+xml');
}

/** Downloads the SVG drawn on a canvas as `name`.png. */
export async function exportPng(svg: SVGSVGElement, name: string, scale = 2): Promise<void> {
  const box = svg.viewBox.baseVal;
  const url = URL.createObjectURL(new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => { img.onload = () => resolve(); img.onerror = () => reject(new Error('the SVG could not be rasterised')); img.src = url; });
    const canvas = document.createElement('canvas');
    canvas.width = box.width * scale;
    canvas.height = box.height * scale;
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
    if (!blob) throw new Error('the PNG could not be encoded');
    downloadText(`${name}.png`, new Uint8Array(await blob.arrayBuffer()), 'image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}
