import { imageToRgba, samplesPerClass } from '../../src/data/sample-pixels';
import { DATASET_CHANGE, datasetEvents, getActiveDataset, type ActiveDataset } from '../book/active-dataset';
import { whenVisible } from '../lib/when-visible';
import { part } from '../lib/part';

const PER_CLASS = 8;

/** One canvas per class with its first PER_CLASS images side by side. */
function sampleRow(d: ActiveDataset, label: number, indices: number[]): HTMLElement {
  const { imageSize: s, channels, classes } = d.manifest;
  const row = document.createElement('div');
  row.className = 'sample-row';
  const name = document.createElement('span');
  name.textContent = `${label} · ${classes[label]}`;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, indices.length) * (s + 2);
  canvas.height = s;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${indices.length} sample images of class ${classes[label]}`);
  const ctx = canvas.getContext('2d');
  indices.forEach((idx, k) => {
    const img = new ImageData(imageToRgba(d.dataset.pixels, idx, s, channels) as Uint8ClampedArray<ArrayBuffer>, s, s);
    ctx?.putImageData(img, k * (s + 2), 0);
  });
  row.append(name, canvas);
  return row;
}

/** Sample images per class and the original-size statistics of the active data set. */
class HwDatasetSamples extends HTMLElement {
  private visible = false;

  connectedCallback(): void {
    datasetEvents.addEventListener(DATASET_CHANGE, (ev) => {
      if (this.visible) void this.render((ev as CustomEvent<ActiveDataset | null>).detail);
    });
    whenVisible(this, async () => {
      this.visible = true;
      await this.render(await getActiveDataset());
    });
  }

  private async render(d: ActiveDataset | null): Promise<void> {
    const status = part(this, '[data-status]');
    const text = part(this, '[data-sizes-text]');
    const chart = part(this, '[data-sizes-chart]');
    const box = part(this, '[data-samples]');
    if (!d) {
      status.textContent = 'No data set is available.';
      return;
    }
    const { classes, imageSize: s, channels } = d.manifest;
    const picks = samplesPerClass(d.dataset.labels, classes.length, PER_CLASS);
    box.replaceChildren(...picks.map((idx, label) => sampleRow(d, label, idx)));
    status.textContent = `The first ${PER_CLASS} images of each class, as the model sees them: ${s}×${s} ${channels === 1 ? 'grayscale' : 'RGB'}.`;
    const st = d.manifest.sizeStats;
    if (!st) {
      chart.replaceChildren();
      text.textContent =
        d.origin === 'default'
          ? 'The default data set has no originals to measure: every Fashion-MNIST image is 28×28 pixels. The wildlife photos vary in size, which is why they are centre-cropped and resized.'
          : 'The original sizes were not recorded for this data set.';
      return;
    }
    const f = (a: { min: number; max: number; mean: number }) => `${a.min}–${a.max} (mean ${Math.round(a.mean)})`;
    text.textContent = `${st.count.toLocaleString('en')} decoded images: width ${f(st.width)} px, height ${f(st.height)} px. Before training, each was centre-cropped and resized to ${s}×${s}.`;
    const { renderSizeHistogram } = await import('../charts/size-histogram-chart');
    renderSizeHistogram(chart, st);
  }
}

customElements.define('hw-dataset-samples', HwDatasetSamples);
