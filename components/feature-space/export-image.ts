/** Saves a drawn view as an .svg file, or rasterised as a .png (2× its size), framed as a figure: title, the picture, its legend and KL/trustworthiness. */
import { legendRows, wrapLines } from '../../src/charts-data/axis-layout';
import { downloadText } from '../lib/download';

const NS = 'http://www.w3.org/2000/svg';
const INK = '#111111';

/** What the exported picture carries besides the points. */
export interface FigureText {
  title: string;
  /** The classes shown, with their colours. */
  legend: { name: string; colour: string }[];
  /** A last line: the faithfulness numbers (KL divergence, trustworthiness) and what is shown. */
  note: string;
}

function node<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A standalone figure: the view (hidden points left out) below its title, with the legend and the note under it, on white. */
export function figureSvg(view: SVGSVGElement, text: FigureText): SVGSVGElement {
  const box = view.viewBox.baseVal;
  const width = box.width;
  const title = wrapLines(text.title, width - 16);
  const note = wrapLines(text.note, width - 16);
  const legend = legendRows(
    text.legend.map((l) => l.name),
    width - 16,
    12,
    18,
  );
  const head = 12 + 18 * title.length;
  const height = head + box.height + 12 + legend.height + 18 * note.length + 12;
  const fig = node('svg', { xmlns: NS, viewBox: `0 0 ${width} ${height}`, width, height, 'font-family': 'sans-serif', 'font-size': 13 });
  fig.append(node('title', {}, text.title), node('rect', { width, height, fill: '#ffffff' }));
  title.forEach((line, i) => fig.append(node('text', { x: 8, y: 22 + 18 * i, fill: INK, 'font-weight': 'bold', 'font-size': 15 }, line)));
  const copy = view.cloneNode(true) as SVGSVGElement;
  copy.querySelectorAll('[display="none"]').forEach((e) => e.remove());
  copy.removeAttribute('style');
  copy.removeAttribute('tabindex');
  copy.removeAttribute('aria-describedby');
  for (const [k, v] of Object.entries({ x: 0, y: head, width: box.width, height: box.height })) copy.setAttribute(k, String(v));
  fig.append(copy);
  const top = head + box.height + 12;
  text.legend.forEach((l, i) => {
    const slot = legend.slots[i];
    fig.append(
      node('circle', { cx: 14 + slot.x, cy: top + slot.y + 5, r: 5, fill: l.colour }),
      node('text', { x: 24 + slot.x, y: top + slot.y + 10, fill: INK }, l.name),
    );
  });
  note.forEach((line, i) => fig.append(node('text', { x: 8, y: top + legend.height + 14 + 18 * i, fill: INK }, line)));
  return fig;
}

/** The figure's markup, standalone. */
export function svgMarkup(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

/** Downloads the figure as `name`.svg. */
export function exportSvg(figure: SVGSVGElement, name: string): void {
  downloadText(`${name}.svg`, svgMarkup(figure), 'image/svg+xml');
}

/** Downloads the figure drawn on a canvas as `name`.png. */
export async function exportPng(figure: SVGSVGElement, name: string, scale = 2): Promise<void> {
  const box = figure.viewBox.baseVal;
  const url = URL.createObjectURL(new Blob([svgMarkup(figure)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the SVG could not be rasterised'));
      img.src = url;
    });
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
