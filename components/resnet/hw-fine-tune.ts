/**
 * <hw-fine-tune>: q2.3 in the page (with data-augment, q2.4's ResNet-18 run on the preview's
 * pipeline). Starting weights (weights-panel.ts), the shared settings plus fine-tuning (frozen
 * backbone or full) and BatchNorm mode, the shared training flow (recovery, runs list) with curves
 * and test results labelled with the weights and the features' summary in the record; then the
 * feature space (space-panel.ts) of the run, of a kept run after a reload (kept-space.ts), or of the
 * loaded weights. Its sentences are src/runs/fine-tune-text.ts.
 */
import { stopAdvice } from '../../src/runs/stop-advice';
import { stratifiedSplit } from '../../src/data/split';
import {
  BN_NOTES,
  datasetText,
  keptFeaturesText,
  noKeptFeaturesText,
  pretrainedSource,
  runDoneText,
  runFeaturesText,
  tsneKeptText,
  weightsFeaturesText,
  weightsOf,
} from '../../src/runs/fine-tune-text';
import { limitSplit, trainLimitFrom } from '../../src/runs/train-limit';
import { backendOrder, runConfigOf, type TrainSettings } from '../../src/runs/train-settings';
import type { RunConfig, RunRecord } from '../../src/record/run-record';
import { TrainController } from '../../src/train/train-control';
import type { TrainData, TrainSplit } from '../../src/train/trainer';
import { DATASET_CHANGE, datasetEvents, getActiveDataset, type ActiveDataset } from '../book/active-dataset';
import { part } from '../lib/part';
import { pipelineFor, pipelineText, watchPipeline } from '../training/augment-option';
import { readTrainForm } from '../training/train-form';
import { wireButtons } from '../training/train-flow';
import { whenVisible } from '../lib/when-visible';
import type { FeatureSet } from './feature-set';
import { chartLabel } from './weights-check';
import { WeightsPanel } from './weights-panel';

class HwFineTune extends HTMLElement {
  private data: ActiveDataset | null = null;
  private controller: TrainController | null = null;
  private weights!: WeightsPanel;
  private setButtonsState!: ReturnType<typeof wireButtons>;
  /** The features the views draw, and the run they belong to (null for the loaded weights). */
  private space: { set: FeatureSet; run: RunRecord | null; imageSize: number } | null = null;

  connectedCallback(): void {
    const q = <T extends Element>(sel: string) => part<T>(this, sel);
    this.weights = new WeightsPanel(this, () => undefined);
    this.setButtonsState = wireButtons(this, () => this.controller, '[data-weights-file], [data-random], [data-weights-download]');
    q('[data-start]').addEventListener('click', () => void this.start());
    q('select[name=fineTuning]').addEventListener('change', () => this.showBatchNorm());
    q('select[name=batchNorm]').addEventListener('change', () => this.showBatchNorm());
    q('[data-space-weights]').addEventListener('click', () => void this.weightsSpace());
    q('[data-tsne]').addEventListener('click', () => void this.tsne());
    this.showBatchNorm();
    if (this.hasAttribute('data-augment')) {
      const size = this.field<HTMLSelectElement>('imageSize');
      watchPipeline(size, () => {
        part(this, '[data-augment-text]').textContent = pipelineText(this.pipeline(Number(size.value)));
      });
    }
    datasetEvents.addEventListener(DATASET_CHANGE, (ev) => {
      this.data = (ev as CustomEvent<ActiveDataset | null>).detail;
      this.showData();
    });
    whenVisible(this, async () => {
      void this.weights.init();
      this.data ??= await getActiveDataset();
      this.showData();
      void this.restoreSpace();
    });
  }

  private field<T extends HTMLElement>(name: string): T {
    return part<T>(this, `[name=${name}]`);
  }

  private status(text: string): void {
    part(this, '[data-train-status]').textContent = text;
  }

  private error(text: string): void {
    part(this, '[data-error]').textContent = text;
  }

  private showBatchNorm(): void {
    const frozen = this.field<HTMLSelectElement>('fineTuning').value === 'frozen';
    const bn = this.field<HTMLSelectElement>('batchNorm');
    if (frozen) bn.value = 'eval';
    bn.disabled = frozen || this.controller !== null;
    part(this, '[data-bn-note]').textContent = frozen ? BN_NOTES.frozen : BN_NOTES[bn.value as 'train' | 'eval'];
  }

  private showData(): void {
    const d = this.data;
    part(this, '[data-dataset]').textContent = datasetText(
      d && { origin: d.origin, name: d.manifest.name, count: d.manifest.count, classes: d.manifest.classes.length },
    );
  }

  private setButtons(state: 'idle' | 'running' | 'paused'): void {
    this.setButtonsState(state);
    part<HTMLButtonElement>(this, '[data-space-weights]').disabled = state !== 'idle';
    if (state === 'idle') {
      this.showBatchNorm();
      this.weights.showRandom();
    }
  }

  private readForm(): { settings: TrainSettings; fineTuning: 'full' | 'frozen'; batchNorm: 'train' | 'eval' } | null {
    const r = readTrainForm(this);
    if (!r.ok) {
      this.error(r.error);
      return null;
    }
    const fineTuning = this.field<HTMLSelectElement>('fineTuning').value === 'full' ? 'full' : 'frozen';
    const batchNorm = fineTuning === 'frozen' || this.field<HTMLSelectElement>('batchNorm').value === 'eval' ? 'eval' : 'train';
    return { settings: r.value, fineTuning, batchNorm };
  }

  /** Chapter 2.4: the preview's pipeline at the chosen image size (crops output that size). */
  private pipeline(imageSize: number) {
    return this.hasAttribute('data-augment') ? pipelineFor(imageSize) : [];
  }

  private configOf(f: NonNullable<ReturnType<HwFineTune['readForm']>>, batchSize: number): RunConfig {
    const w = this.weights.chosen();
    const augmentations = this.pipeline(f.settings.imageSize);
    return {
      ...runConfigOf({ ...f.settings, batchSize }),
      model: 'resnet18',
      question: this.hasAttribute('data-augment') ? 'q2.4' : 'q2.3',
      augmentations,
      pretrained: pretrainedSource(w),
      weights: w ? { source: w.name, sha256: w.sha256 } : null,
      fineTuning: f.fineTuning,
      batchNorm: f.batchNorm,
      normalization: 'imagenet',
    };
  }

  private trainData(d: ActiveDataset): TrainData {
    const m = d.manifest;
    return { images: d.dataset.pixels, labels: d.dataset.labels, imageSize: m.imageSize, channels: m.channels, classes: m.classes };
  }

  private async start(): Promise<void> {
    this.error('');
    const form = this.readForm();
    if (!form) return;
    const d = this.data ?? (await getActiveDataset());
    this.data = d;
    if (!d) {
      this.error('No data set is loaded: load one in chapter 2.1 (or reload the page to get the default one), then press Start.');
      return;
    }
    this.controller = new TrainController();
    this.setButtons('running');
    part<HTMLElement>(this, '[data-results]').hidden = true;
    this.status('Loading TensorFlow.js…');
    try {
      await this.train(form, d, this.controller);
    } catch (e) {
      this.error(`Fine-tuning failed: ${(e as Error).message}. Change the settings (another backend, a smaller batch) and press Start.`);
    } finally {
      this.controller = null;
      this.setButtons('idle');
    }
  }

  private async train(form: NonNullable<ReturnType<HwFineTune['readForm']>>, d: ActiveDataset, control: TrainController): Promise<void> {
    const [{ runTrainingFlow }, { loadTf }, { computeFeatureSet, summarise, featureCache, featureRows }] = await Promise.all([
      import('../training/train-flow'),
      import('../lib/train-session'),
      import('./feature-set'),
    ]);
    const data = this.trainData(d);
    const split = limitSplit(stratifiedSplit(d.dataset.labels, data.classes.length, form.settings.seed), trainLimitFrom(location.search));
    let features: FeatureSet | null = null;
    let featureError = '';
    let current = this.configOf(form, form.settings.batchSize); // the attempt's (recovery may lower its batch)
    const label = chartLabel(current.pretrained);
    const result = await runTrainingFlow(this, {
      settings: form.settings,
      split,
      control,
      data,
      label,
      verb: 'Fine-tuning',
      dataset: { name: d.manifest.name, hash: d.manifest.hash },
      config: (batchSize) => (current = this.configOf(form, batchSize)),
      startText: (backend, config) => `${config.fineTuning === 'frozen' ? 'Computing the backbone features' : 'Training'} on ${backend}…`,
      extra: {
        initialWeights: this.weights.chosen()?.state,
        featureCache,
        onFeatures: (p) =>
          this.bar(
            '[data-features-row]',
            '[data-features-progress]',
            p.done,
            p.total,
            `${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} images`,
          ),
        onModel: async (model) => {
          features = null;
          if (control.stopped) return;
          this.status('Computing the features of the train and validation images for the feature space…');
          const config = current;
          try {
            // A frozen backbone's features are the cached ones; fully fine-tuned weights need their own.
            const rows =
              config.fineTuning === 'frozen'
                ? featureRows(config.weights?.sha256 ?? null, config.seed, d.manifest.hash, config.imageSize)
                : new Map<number, Float32Array>();
            features = await computeFeatureSet(
              await loadTf(),
              model,
              data,
              split,
              config.imageSize,
              config.batchSize,
              (done, total) => this.bar('[data-space-row]', '[data-space-progress]', done, total),
              rows,
            );
          } catch (e) {
            featureError = (e as Error).message;
          }
        },
      },
      complete: (record) => {
        const fs = features as FeatureSet | null;
        if (!fs) return record;
        try {
          return { ...record, featureSpace: summarise(fs, data.classes.length) };
        } catch (e) {
          featureError = (e as Error).message;
          return record;
        }
      },
    });
    part<HTMLElement>(this, '[data-features-row]').hidden = true;
    part<HTMLElement>(this, '[data-space-row]').hidden = true;
    const run = result?.record;
    if (!result || !run || result.error) return;
    this.status(runDoneText(run, result.config.epochs, label, featureError));
    const advice = stopAdvice(run);
    if (advice) this.error(advice);
    const { renderResults } = await import('../training/train-results-view');
    const m = d.manifest;
    await renderResults(
      part<HTMLElement>(this, '[data-results]'),
      run,
      { pixels: { pixels: d.dataset.pixels, imageSize: m.imageSize, channels: m.channels }, testIndices: split.test },
      label,
    );
    const fs = features as FeatureSet | null;
    if (!fs || !run.featureSpace) return;
    const { keepFeatures } = await import('./feature-store');
    const kept = await keepFeatures(run.id, fs, result.config.imageSize).catch((e: Error) => e.message);
    this.setSpace(fs, run, result.config.imageSize, runFeaturesText(fs.splits, kept));
  }

  private bar(row: string, bar: string, done: number, total: number, text?: string): void {
    part<HTMLElement>(this, row).hidden = false;
    const b = part<HTMLProgressElement>(this, bar);
    b.max = Math.max(1, total);
    b.value = done;
    if (text) part(this, '[data-features-text]').textContent = text;
  }

  private setSpace(set: FeatureSet, run: RunRecord | null, imageSize: number, text: string): void {
    this.space = { set, run, imageSize };
    part(this, '[data-space-status]').textContent = text;
    part<HTMLButtonElement>(this, '[data-tsne]').disabled = false;
    const classes = run?.dataset.classes ?? this.data?.manifest.classes ?? [];
    void import('./space-panel').then(async ({ renderCentroids }) => {
      const { summarise } = await import('./feature-set');
      try {
        renderCentroids(part(this, '[data-centroids]'), run?.featureSpace ?? summarise(set, classes.length), classes);
      } catch (e) {
        part(this, '[data-space-status]').textContent = `${text} (No centroid table: ${(e as Error).message}.)`;
      }
    });
  }

  /** After a reload: the newest kept run's features, ready for "Draw t-SNE" (or why there are none). */
  private async restoreSpace(): Promise<void> {
    const { newestKeptSpace, dropFeaturesOfDeletedRuns } = await import('./kept-space');
    dropFeaturesOfDeletedRuns();
    const found = await newestKeptSpace(this.hasAttribute('data-augment') ? 'q2.4' : 'q2.3');
    if (!found || this.space) return;
    const { run, features } = found;
    if (!features) {
      part(this, '[data-space-status]').textContent = noKeptFeaturesText(run.id);
      return;
    }
    this.setSpace(
      features,
      run,
      features.imageSize,
      keptFeaturesText(run.id, chartLabel(run.config.pretrained), features.splits, run.dataset.hash === this.data?.manifest.hash),
    );
  }

  /** Features of the loaded weights (or random ones) without training, on the seed's split. */
  private async weightsSpace(): Promise<void> {
    const form = this.readForm();
    const d = this.data ?? (await getActiveDataset());
    if (!form || !d) return;
    this.setButtons('running');
    for (const sel of ['[data-pause]', '[data-stop]']) part<HTMLButtonElement>(this, sel).disabled = true;
    const status = part(this, '[data-space-status]');
    try {
      const [{ loadTf, useBackend }, { buildModel }, { initResnet18State }, { computeFeatureSet, featureRows }] = await Promise.all([
        import('../lib/train-session'),
        import('../../src/train/model-build'),
        import('../../src/train/resnet18-init'),
        import('./feature-set'),
      ]);
      const tf = await loadTf();
      await useBackend(tf, backendOrder(form.settings.backend), form.settings.backend === 'auto');
      const data = this.trainData(d);
      const split: TrainSplit = limitSplit(
        stratifiedSplit(d.dataset.labels, data.classes.length, form.settings.seed),
        trainLimitFrom(location.search),
      );
      const w = this.weights.chosen();
      status.textContent = `Computing the features of ${weightsOf(w?.name ?? null)}…`;
      const model = buildModel(tf, 'resnet18', w?.state ?? initResnet18State(data.classes.length, form.settings.seed), {
        classes: data.classes.length,
        headSeed: form.settings.seed,
        frozenBackbone: true,
        batchNorm: 'eval',
      });
      try {
        const t0 = performance.now();
        const rows = featureRows(w?.sha256 ?? null, form.settings.seed, d.manifest.hash, form.settings.imageSize);
        let computed = 0;
        const set = await computeFeatureSet(
          tf,
          model,
          data,
          split,
          form.settings.imageSize,
          form.settings.batchSize,
          (done, total) => {
            computed = total;
            this.bar('[data-space-row]', '[data-space-progress]', done, total);
          },
          rows,
        );
        const seconds = (performance.now() - t0) / 1000;
        this.setSpace(
          set,
          null,
          form.settings.imageSize,
          weightsFeaturesText({
            name: w?.name ?? null,
            points: set.labels.length,
            imageSize: form.settings.imageSize,
            computed,
            seconds,
            backend: tf.getBackend(),
          }),
        );
      } finally {
        model.dispose();
      }
    } catch (e) {
      status.textContent = `The features could not be computed: ${(e as Error).message}.`;
    } finally {
      part<HTMLElement>(this, '[data-space-row]').hidden = true;
      this.setButtons('idle');
    }
  }

  private async tsne(): Promise<void> {
    const sp = this.space;
    const d = this.data;
    if (!sp) return;
    const { tsneSettings, drawViews } = await import('./space-panel');
    const s = tsneSettings(this);
    const status = part(this, '[data-space-status]');
    if (!s.ok) {
      status.textContent = s.error;
      return;
    }
    const button = part<HTMLButtonElement>(this, '[data-tsne]');
    button.disabled = true;
    try {
      const classes = sp.run?.dataset.classes ?? d?.manifest.classes ?? [];
      const images =
        d && (!sp.run || sp.run.dataset.hash === d.manifest.hash)
          ? { pixels: d.dataset.pixels, imageSize: d.manifest.imageSize, channels: d.manifest.channels }
          : null;
      const subject = sp.run
        ? `run ${sp.run.id}, ${chartLabel(sp.run.config.pretrained)}`
        : `${chartLabel(this.weights.chosen()?.name ?? null)}, before training`;
      const drawn = await drawViews(this, sp.set, classes, images, s, subject);
      if (sp.run?.featureSpace && drawn.length) {
        sp.run = { ...sp.run, featureSpace: { ...sp.run.featureSpace, tsne: drawn } };
        const { putRun } = await import('../book/run-store');
        await putRun(sp.run).catch((e: Error) =>
          this.error(`The run could not be kept in this browser (${e.message}); export it from the list before you leave.`),
        );
        status.textContent = tsneKeptText(drawn, sp.run.id);
      }
    } finally {
      button.disabled = false;
    }
  }
}

customElements.define('hw-fine-tune', HwFineTune);
