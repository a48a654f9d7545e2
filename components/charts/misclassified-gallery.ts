/** The q2.2e gallery: up to three misclassified test images per class, drawn from the pixels, with true and predicted labels. */
import type { Pick } from '../../src/charts-data/misclassified-picks';
import { imageToRgba } from '../../src/data/sample-pixels';

/** Pixels the images are read from. */
export interface GalleryPixels {
  pixels: Uint8Array;
  imageSize: number;
  channels: 1 | 3;
}

/** Fills `container` with one row per class that has errors; classes without errors are listed in one line. */
export function renderMisclassifiedGallery(
  container: Element,
  picks: readonly Pick[][],
  classes: readonly string[],
  px: GalleryPixels,
): void {
  container.replaceChildren();
  const clean: string[] = [];
  picks.forEach((row, label) => {
    if (row.length === 0) {
      clean.push(classes[label] ?? String(label));
      return;
    }
    const fig = document.createElement('figure');
    fig.className = 'mis-row';
    const cap = document.createElement('figcaption');
    cap.textContent = `${classes[label]}: ${row.length} misclassified`;
    fig.append(cap);
    for (const p of row) {
      const item = document.createElement('div');
      item.className = 'mis-item';
      const canvas = document.createElement('canvas');
      canvas.width = px.imageSize;
      canvas.height = px.imageSize;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `Test image ${p.dataIndex}: true ${classes[p.trueLabel]}, predicted ${classes[p.predicted]}`);
      canvas
        .getContext('2d')
        ?.putImageData(
          new ImageData(new Uint8ClampedArray(imageToRgba(px.pixels, p.dataIndex, px.imageSize, px.channels)), px.imageSize, px.imageSize),
          0,
          0,
        );
      const text = document.createElement('span');
      text.textContent = `→ ${classes[p.predicted]}`;
      item.append(canvas, text);
      fig.append(item);
    }
    container.append(fig);
  });
  if (clean.length) {
    const p = document.createElement('p');
    p.textContent = `No test errors: ${clean.join(', ')}.`;
    container.append(p);
  }
}
