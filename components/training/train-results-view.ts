/** Draws a finished run's test results: confusion matrix (counts or row shares), per-class F1 bars, and the gallery of misclassified images; with a label ("not pretrained", the weights) on each. */
import { galleryPicks, type KeptGallery, keptGalleryView } from '../../src/runs/kept-gallery';
import type { RunRecord } from '../../src/record/run-record';
import type { GalleryPixels } from '../charts/misclassified-gallery';
import { part } from '../lib/part';

/** Pixels of the data set the run was tested on, and the data-set index of each test image. */
export interface TestImages {
  pixels: GalleryPixels;
  testIndices: readonly number[];
}

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

/**
 * Fills the results section (`root` holds [data-test-summary], the [data-confusion-mode] radios, [data-confusion], [data-f1], [data-gallery]);
 * the gallery comes from the run's data set (`images`), from the thumbnails kept with the run (a KeptGallery), or is left out (null).
 */
export async function renderResults(
  root: HTMLElement,
  run: RunRecord,
  images: TestImages | KeptGallery | null,
  label?: string,
): Promise<void> {
  const t = run.test;
  root.hidden = !t;
  if (!t) return;
  const [{ renderConfusionHeatmap }, { renderF1Bars }, { renderMisclassifiedGallery }] = await Promise.all([
    import('../charts/confusion-heatmap'),
    import('../charts/f1-bars'),
    import('../charts/misclassified-gallery'),
  ]);
  const classes = run.dataset.classes;
  const summary = `test accuracy ${pct(t.accuracy)} (${t.accuracy.toFixed(4)}), macro F1 ${t.macroF1.toFixed(4)}, weighted F1 ${t.weightedF1.toFixed(4)} on ${run.dataset.counts.test} test images; ${t.misclassified.length} misclassified.`;
  part(root, '[data-test-summary]').textContent = label ? `${label}: ${summary}` : summary[0].toUpperCase() + summary.slice(1);
  const suffix = label ? `; ${label}` : '';
  const radios = root.querySelectorAll<HTMLInputElement>('input[data-confusion-mode]');
  const drawConfusion = () => {
    const rows = [...radios].find((r) => r.checked)?.value === 'rows';
    renderConfusionHeatmap(
      part(root, '[data-confusion]'),
      t.confusion,
      classes,
      `Confusion matrix of the test split (${rows ? 'share of each true class' : 'counts'}${suffix})`,
      { normalised: rows },
    );
  };
  radios.forEach((r) => {
    r.onchange = drawConfusion;
  });
  drawConfusion();
  renderF1Bars(part(root, '[data-f1]'), t.perClass, classes, `F1 score per class on the test split${label ? ` (${label})` : ''}`);
  const gallery = part<HTMLElement>(root, '[data-gallery]');
  if (images && 'testIndices' in images) {
    renderMisclassifiedGallery(gallery, galleryPicks(run, images.testIndices), classes, images.pixels);
  } else if (images) {
    const view = keptGalleryView(images);
    renderMisclassifiedGallery(gallery, view.picks, classes, view.pixels);
  } else {
    gallery.textContent =
      'The misclassified images of this run were not kept in this browser (an imported run, or one kept before images were), so they cannot be shown.';
  }
}
