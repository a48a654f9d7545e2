/** A fine-tuning run's test results with the run's label ("not pretrained" or its weights) on every chart: confusion matrix, per-class F1, misclassified gallery. */
import { pickMisclassified } from '../../src/charts-data/misclassified-picks';
import type { RunRecord } from '../../src/train/run-record';
import type { GalleryPixels } from '../charts/misclassified-gallery';
import { part } from '../lib/part';

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

/** Fills `root` ([data-test-summary], [data-confusion], [data-f1], [data-gallery]); `images` null when the run's data set is not loaded. */
export async function renderFineTuneResults(root: HTMLElement, run: RunRecord, label: string, images: { pixels: GalleryPixels; testIndices: readonly number[] } | null): Promise<void> {
  const t = run.test;
  root.hidden = !t;
  if (!t) return;
  const [{ renderConfusionHeatmap }, { renderF1Bars }, { renderMisclassifiedGallery }] = await Promise.all([
    import('../charts/confusion-heatmap'), import('../charts/f1-bars'), import('../charts/misclassified-gallery'),
  ]);
  const classes = run.dataset.classes;
  part(root, '[data-test-summary]').textContent =
    `${label}: test accuracy ${pct(t.accuracy)} (${t.accuracy.toFixed(4)}), macro F1 ${t.macroF1.toFixed(4)}, weighted F1 ${t.weightedF1.toFixed(4)} on ${run.dataset.counts.test} test images; ${t.misclassified.length} misclassified.`;
  const draw = () => {
    const rows = root.querySelector<HTMLInputElement>('input[name=ft-confusion-mode]:checked')?.value === 'rows';
    renderConfusionHeatmap(part(root, '[data-confusion]'), t.confusion, classes, `Confusion matrix of the test split (${rows ? 'share of each true class' : 'counts'}; ${label})`, { normalised: rows });
  };
  root.querySelectorAll<HTMLInputElement>('input[name=ft-confusion-mode]').forEach((r) => { r.onchange = draw; });
  draw();
  renderF1Bars(part(root, '[data-f1]'), t.perClass, classes, `F1 score per class on the test split (${label})`);
  const gallery = part<HTMLElement>(root, '[data-gallery]');
  if (images) renderMisclassifiedGallery(gallery, pickMisclassified(t.misclassified, images.testIndices, classes.length, 3), classes, images.pixels);
  else gallery.textContent = 'The images of this run are not in the active data set, so they cannot be shown.';
}
