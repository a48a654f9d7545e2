/** The student detail's misclassified test images of a run: the record names them by test index, the pixels come from this browser's data set. */
import { pickMisclassified } from '../../src/charts-data/misclassified-picks';
import { runTestIndices } from '../../src/grading/run-test-images';
import type { RunRecord } from '../../src/record/run-record';
import { getActiveDataset } from '../book/active-dataset';
import { renderMisclassifiedGallery } from '../charts/misclassified-gallery';
import { el } from '../lib/el';

/** A section for `run`'s misclassified images, filled once the data set is read; says plainly when they cannot be shown. */
export function runGallery(run: RunRecord): HTMLElement {
  const t = run.test;
  const gallery = el('div', { className: 'gallery' });
  const note = el('p', {});
  const section = el(
    'section',
    { className: 'run-gallery', 'aria-label': `Misclassified test images of ${run.id}` },
    el('h6', { text: `Misclassified test images of ${run.id}` }),
    note,
    gallery,
  );
  if (!t) {
    note.textContent = 'The run has no test metrics, so no misclassified images.';
    return section;
  }
  if (t.misclassified.length === 0) {
    note.textContent = 'The run misclassified no test image.';
    return section;
  }
  const count = `The run misclassified ${t.misclassified.length} of ${run.dataset.counts.test} test images. The submission names them but does not hold the images`;
  note.textContent = `${count}; reading this browser's data set…`;
  void getActiveDataset()
    .then((d) => {
      const found = runTestIndices(run, d ? { hash: d.manifest.hash, labels: d.dataset.labels } : null);
      if (!found.ok) {
        note.textContent = `${count}, and ${found.reason}.`;
        return;
      }
      note.textContent = `${count}; these are up to three per class, drawn from this browser's copy of ${run.dataset.name}.`;
      const m = d!.manifest;
      renderMisclassifiedGallery(
        gallery,
        pickMisclassified(t.misclassified, found.indices, run.dataset.classes.length, 3),
        run.dataset.classes,
        { pixels: d!.dataset.pixels, imageSize: m.imageSize, channels: m.channels },
      );
    })
    .catch((e: unknown) => {
      note.textContent = `${count}, and this browser's data set could not be read (${(e as Error)?.message ?? e}).`;
    });
  return section;
}
