import { describeAugmentations } from '../../src/comparison/augmentation-text';
import { augmentationPair, finalGap } from '../../src/homework/q2-4-runs';
import type { RunRecord } from '../../src/record/run-record';
import { part } from '../lib/part';
import { whenVisible } from '../lib/when-visible';

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);

/** Overlays training and validation accuracy of the newest augmented run and its run without augmentation (the pair q2.4's exercises read), redrawn when the runs change. */
class HwAugmentCompare extends HTMLElement {
  connectedCallback(): void {
    whenVisible(this, async () => {
      const store = await import('../book/run-store');
      store.runEvents.addEventListener(store.RUNS_CHANGE, () => void this.render(store));
      await this.render(store);
    });
  }

  private async render(store: typeof import('../book/run-store')): Promise<void> {
    const status = part(this, '[data-status]');
    let runs: RunRecord[];
    try {
      runs = await store.listRuns();
    } catch (e) {
      status.textContent = `The runs kept in this browser could not be read: ${(e as Error).message}.`;
      return;
    }
    const { augmented, baseline } = augmentationPair(runs);
    if (!augmented || !baseline) {
      status.textContent = augmented
        ? `Your augmented run ${augmented.id} is here; train one of the same model without augmentation (chapter 2.3, or above with every transform off) to compare.`
        : 'No finished augmented run yet: train one above (it needs test results), and one without augmentation in chapter 2.3.';
      part(this, '[data-train-chart]').replaceChildren();
      part(this, '[data-val-chart]').replaceChildren();
      return;
    }
    const labels = new Map([
      [augmented.id, `with ${describeAugmentations(augmented.config.augmentations).names}`],
      [baseline.id, 'without augmentation'],
    ]);
    const { renderCompare } = await import('../charts/training-curves-chart');
    renderCompare(part(this, '[data-train-chart]'), [baseline, augmented], 'trainAccuracy', labels);
    renderCompare(part(this, '[data-val-chart]'), [baseline, augmented], 'valAccuracy', labels);
    status.textContent = `Training minus validation accuracy at the last epoch: ${pct(finalGap(baseline))} without augmentation (${baseline.id}), ${pct(finalGap(augmented))} with it (${augmented.id}).`;
  }
}

customElements.define('hw-augment-compare', HwAugmentCompare);
