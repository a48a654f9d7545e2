/** <hw-train-cnn>: the homework CNN trained in the page (q2.2; with data-augment, q2.4's CNN run on the preview's pipeline) through the shared training flow. */
import { stratifiedSplit } from '../../src/data/split';
import { epochsOfText } from '../../src/runs/progress-text';
import { stopReasonText } from '../../src/runs/run-summary';
import { stopAdvice } from '../../src/runs/stop-advice';
import { limitSplit, trainLimitFrom } from '../../src/runs/train-limit';
import { runConfigOf, type TrainSettings } from '../../src/runs/train-settings';
import type { RunRecord } from '../../src/record/run-record';
import { TrainController } from '../../src/train/train-control';
import { DATASET_CHANGE, datasetEvents, getActiveDataset, type ActiveDataset } from '../book/active-dataset';
import { part } from '../lib/part';
import { whenVisible } from '../lib/when-visible';
import { pipelineFor, pipelineText, watchPipeline } from './augment-option';
import { renderShapeTable } from './shape-table-view';
import { readTrainForm } from './train-form';
import { wireButtons } from './train-flow';

class HwTrainCnn extends HTMLElement {
  private data: ActiveDataset | null = null;
  private controller: TrainController | null = null;
  private setButtons!: ReturnType<typeof wireButtons>;

  connectedCallback(): void {
    this.setButtons = wireButtons(this, () => this.controller);
    part(this, '[data-start]').addEventListener('click', () => void this.start());
    const size = part<HTMLSelectElement>(this, 'select[name=imageSize]');
    size.addEventListener('change', () => renderShapeTable(this, Number(size.value)));
    if (this.augmented)
      watchPipeline(size, () => {
        part(this, '[data-augment-text]').textContent = pipelineText(pipelineFor(Number(size.value)));
      });
    datasetEvents.addEventListener(DATASET_CHANGE, (ev) => {
      this.data = (ev as CustomEvent<ActiveDataset | null>).detail;
      this.showData();
    });
    whenVisible(this, async () => {
      this.data ??= await getActiveDataset();
      this.showData();
    });
  }

  private get augmented(): boolean {
    return this.hasAttribute('data-augment');
  }

  private error(text: string): void {
    part(this, '[data-error]').textContent = text;
  }

  private showData(): void {
    const d = this.data;
    const el = part(this, '[data-dataset]');
    if (!d) {
      el.textContent = 'No data set is available: load one in chapter 2.1, or reload the page to get the default data set.';
      return;
    }
    const m = d.manifest;
    const which = d.origin === 'default' ? 'the default data set (Fashion-MNIST stand-in)' : `your data set "${m.name}"`;
    el.textContent = `Training on ${which}: ${m.count.toLocaleString('en')} images of ${m.imageSize}×${m.imageSize} ${m.channels === 1 ? 'grayscale' : 'RGB'}, ${m.classes.length} classes, split 70/10/20 with the seed below.`;
  }

  private async start(): Promise<void> {
    this.error('');
    const form = readTrainForm(this);
    if (!form.ok) {
      this.error(form.error);
      return;
    }
    const d = this.data ?? (await getActiveDataset());
    this.data = d;
    if (!d) {
      this.error('No data set is loaded: load one in chapter 2.1 (or reload the page to get the default one), then press Start.');
      return;
    }
    this.controller = new TrainController();
    this.setButtons('running');
    part<HTMLElement>(this, '[data-results]').hidden = true;
    part(this, '[data-train-status]').textContent = 'Loading TensorFlow.js…';
    try {
      await this.train(form.value, d, this.controller);
    } finally {
      this.controller = null;
      this.setButtons('idle');
    }
  }

  private async train(settings: TrainSettings, d: ActiveDataset, control: TrainController): Promise<void> {
    const { runTrainingFlow } = await import('./train-flow');
    const m = d.manifest;
    const split = limitSplit(stratifiedSplit(d.dataset.labels, m.classes.length, settings.seed), trainLimitFrom(location.search));
    const augmentations = this.augmented ? pipelineFor(settings.imageSize) : [];
    const result = await runTrainingFlow(this, {
      settings,
      split,
      control,
      dataset: { name: m.name, hash: m.hash },
      config: (batchSize) => ({
        ...runConfigOf({ ...settings, batchSize }),
        ...(this.augmented ? { question: 'q2.4' as const, augmentations } : {}),
      }),
      data: { images: d.dataset.pixels, labels: d.dataset.labels, imageSize: m.imageSize, channels: m.channels, classes: m.classes },
    });
    if (result?.record && !result.error) await this.finish(result.record, split.test, d, result.weightsError);
  }

  private async finish(run: RunRecord, testIndices: number[], d: ActiveDataset, weightsError: string | null): Promise<void> {
    const secs = run.timings.totalSeconds.toFixed(1);
    const speed = Math.round(run.timings.imagesPerSecond).toLocaleString('en');
    const advice = stopAdvice(run);
    if (advice) this.error(advice);
    part(this, '[data-train-status]').textContent =
      `Run ${stopReasonText(run.stopped)} on ${run.backend} in ${secs} s (${speed} images/s): ${epochsOfText(run.epochs.length, run.config.epochs)}. It is in your runs list below.${weightsError ? ` The weights could not be saved: ${weightsError}.` : ''}`;
    const { renderResults } = await import('./train-results-view');
    const m = d.manifest;
    await renderResults(part<HTMLElement>(this, '[data-results]'), run, {
      pixels: { pixels: d.dataset.pixels, imageSize: m.imageSize, channels: m.channels },
      testIndices,
    });
  }
}

customElements.define('hw-train-cnn', HwTrainCnn);
