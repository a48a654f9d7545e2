import { stratifiedSplit } from '../../src/data/split';
import { progressFraction, progressText, smoothRate } from '../../src/runs/progress-text';
import { stopReasonText } from '../../src/runs/run-summary';
import { limitSplit, trainLimitFrom } from '../../src/runs/train-limit';
import { backendOrder, readSettings, runConfigOf, type TrainSettings } from '../../src/runs/train-settings';
import { classifyFailure, recoveryFor } from '../../src/runs/training-failure';
import { DEFAULT_BACKENDS } from '../../src/train/backends';
import type { RunRecord } from '../../src/train/run-record';
import { TrainController } from '../../src/train/train-control';
import { DATASET_CHANGE, datasetEvents, getActiveDataset, type ActiveDataset } from '../book/active-dataset';
import { renderShapeTable } from './shape-table-view';
import { whenVisible } from '../lib/when-visible';
import { part } from '../lib/part';

const MAX_RECOVERIES = 3;
const STEP_CHART_MS = 500;

/** The training widget: settings, Start/Pause/Resume/Stop, live progress and curves, then the test results; runs are kept in IndexedDB. */
class HwTrainCnn extends HTMLElement {
  private data: ActiveDataset | null = null;
  private controller: TrainController | null = null;
  private lastStepChart = 0;

  connectedCallback(): void {
    const q = <T extends Element>(sel: string) => part<T>(this, sel);
    q('[data-settings]').addEventListener('submit', (e) => e.preventDefault());
    q('[data-start]').addEventListener('click', () => void this.start());
    q('[data-pause]').addEventListener('click', () => { this.controller?.pause(); this.setButtons('paused'); this.status('Paused. Press Resume to go on.'); });
    q('[data-resume]').addEventListener('click', () => { this.controller?.resume(); this.setButtons('running'); this.status('Training…'); });
    q('[data-stop]').addEventListener('click', () => { this.controller?.stop(); this.status('Stopping after the current step…'); });
    q<HTMLSelectElement>('select[name=imageSize]').addEventListener('change', (e) => renderShapeTable(this, Number((e.target as HTMLSelectElement).value)));
    datasetEvents.addEventListener(DATASET_CHANGE, (ev) => {
      this.data = (ev as CustomEvent<ActiveDataset | null>).detail;
      this.showData();
    });
    whenVisible(this, async () => {
      this.data ??= await getActiveDataset();
      this.showData();
    });
  }

  private field<T extends HTMLElement>(name: string): T {
    return part<T>(this, `[name=${name}]`);
  }

  private status(text: string): void {
    part(this, '[data-status]').textContent = text;
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

  private setButtons(state: 'idle' | 'running' | 'paused'): void {
    const set = (sel: string, enabled: boolean) => { part<HTMLButtonElement>(this, sel).disabled = !enabled; };
    set('[data-start]', state === 'idle');
    set('[data-pause]', state === 'running');
    set('[data-resume]', state === 'paused');
    set('[data-stop]', state !== 'idle');
    this.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-settings] input, [data-settings] select').forEach((i) => { i.disabled = state !== 'idle'; });
  }

  private readForm(): TrainSettings | null {
    const names = ['backend', 'imageSize', 'epochs', 'batchSize', 'learningRate', 'seed'] as const;
    const raw = Object.fromEntries(names.map((n) => [n, this.field<HTMLInputElement>(n).value]));
    const r = readSettings(raw);
    for (const n of names) this.field(n).removeAttribute('aria-invalid');
    if (r.ok) return r.value;
    for (const e of r.errors) this.field(e.field).setAttribute('aria-invalid', 'true');
    this.error(r.errors.map((e) => e.message).join(' '));
    return null;
  }

  private async start(): Promise<void> {
    this.error('');
    const settings = this.readForm();
    if (!settings) return;
    const d = this.data ?? (await getActiveDataset());
    this.data = d;
    if (!d) {
      this.error('No data set is loaded: load one in chapter 2.1 (or reload the page to get the default one), then press Start.');
      return;
    }
    this.setButtons('running');
    part<HTMLElement>(this, '[data-results]').hidden = true;
    this.status('Loading TensorFlow.js…');
    try {
      await this.trainWithRecovery(settings, d);
    } finally {
      this.controller = null;
      this.setButtons('idle');
    }
  }

  private async trainWithRecovery(settings: TrainSettings, d: ActiveDataset): Promise<void> {
    const [{ loadTf, useBackend, backendText, watchDeviceLoss, resetBackend }, charts, { trainAttempt }, store] = await Promise.all([
      import('../lib/train-session'), import('../charts/training-curves-chart'), import('./train-run'), import('../book/run-store'),
    ]);
    const tf = await loadTf();
    const m = d.manifest;
    const split = limitSplit(stratifiedSplit(d.dataset.labels, m.classes.length, settings.seed), trainLimitFrom(location.search));
    let order = backendOrder(settings.backend);
    let batchSize = settings.batchSize;
    for (let attempt = 0; attempt <= MAX_RECOVERIES; attempt++) {
      let choice;
      try {
        // The widget picks after a failure, so it avoids software renderers as auto does.
        choice = await useBackend(tf, order, settings.backend === 'auto' || attempt > 0);
      } catch (e) {
        this.error(`No backend could start: ${(e as Error).message}. Pick another backend and press Start.`);
        return;
      }
      part(this, '[data-backend]').textContent = backendText(choice, settings.backend === 'auto' || attempt > 0);
      if (attempt > 0) this.field<HTMLSelectElement>('backend').value = choice.name;
      const device = watchDeviceLoss(tf);
      const config = runConfigOf({ ...settings, batchSize });
      const stepsPerEpoch = Math.floor(split.train.length / batchSize);
      let rate = 0;
      this.controller = new TrainController();
      this.status(`Training on ${choice.name}…`);
      charts.renderEpochCharts(part(this, '[data-loss-chart]'), part(this, '[data-acc-chart]'), [], config.epochs);
      const result = await trainAttempt({
        tf, config, split, control: this.controller, dataset: { name: m.name, hash: m.hash }, deviceLost: () => device.waitLost(1000),
        data: { images: d.dataset.pixels, labels: d.dataset.labels, imageSize: m.imageSize, channels: m.channels, classes: m.classes },
        onStep: (s, steps) => {
          rate = smoothRate(rate, s.imagesPerSecond);
          const p = { epoch: s.epoch, epochs: config.epochs, step: s.step, stepsPerEpoch, imagesPerSecond: rate, batchSize };
          part<HTMLProgressElement>(this, 'progress').value = progressFraction(p);
          part(this, '[data-progress-text]').textContent = progressText(p);
          if (performance.now() - this.lastStepChart > STEP_CHART_MS) {
            this.lastStepChart = performance.now();
            charts.renderStepLoss(part(this, '[data-step-chart]'), steps, stepsPerEpoch * config.epochs);
          }
        },
        onEpoch: (epochs) => charts.renderEpochCharts(part(this, '[data-loss-chart]'), part(this, '[data-acc-chart]'), epochs, config.epochs),
      });
      if (result.record) {
        charts.renderStepLoss(part(this, '[data-step-chart]'), result.record.steps, stepsPerEpoch * config.epochs);
        await this.keep(store, result.record, result.weights);
      }
      if (!result.error) {
        await this.finish(result.record!, split.test, d, result.weightsError);
        return;
      }
      const kind = device.lost ? 'device-lost' : classifyFailure(result.error);
      if (kind === 'device-lost') resetBackend(tf, choice.name);
      const recovery = recoveryFor(kind, choice.name, batchSize, DEFAULT_BACKENDS);
      if (!recovery || attempt === MAX_RECOVERIES) {
        this.error(`Training failed on ${choice.name}: ${result.error}. ${result.record ? 'The curves so far are kept in your runs list. ' : ''}Change the settings (another backend, a smaller batch) and press Start.`);
        return;
      }
      this.error(`${recovery.message.replace(/ press Start to train again\.$/, '')} Training again from the start${result.record ? '; the curves so far are kept in your runs list' : ''}.`);
      order = DEFAULT_BACKENDS.slice(DEFAULT_BACKENDS.indexOf(recovery.backend as (typeof DEFAULT_BACKENDS)[number]));
      batchSize = recovery.batchSize;
      this.field<HTMLSelectElement>('backend').value = recovery.backend;
      this.field<HTMLInputElement>('batchSize').value = String(batchSize);
    }
  }

  private async keep(store: typeof import('../book/run-store'), record: RunRecord, weights: Uint8Array | null): Promise<void> {
    try {
      await store.putRun(record, weights ?? undefined);
    } catch (e) {
      this.error(`The run could not be kept in this browser (${(e as Error).message}); export it from the list before you leave.`);
    }
  }

  private async finish(run: RunRecord, testIndices: number[], d: ActiveDataset, weightsError: string | null): Promise<void> {
    const secs = run.timings.totalSeconds.toFixed(1);
    const speed = Math.round(run.timings.imagesPerSecond).toLocaleString('en');
    if (run.stopped === 'nan-loss') {
      this.error(`The loss became NaN (not a number) after ${run.steps.at(-1)?.step ?? 'a few'} steps, so training stopped. Lower the learning rate (for example to 1e-4) and press Start again. The curves so far are kept in your runs list.`);
    }
    this.status(`Run ${stopReasonText(run.stopped)} on ${run.backend} in ${secs} s (${speed} images/s): ${run.epochs.length} of ${run.config.epochs} epochs. It is in your runs list below.${weightsError ? ` The weights could not be saved: ${weightsError}.` : ''}`);
    const { renderResults } = await import('./train-results-view');
    const m = d.manifest;
    await renderResults(part<HTMLElement>(this, '[data-results]'), run, { pixels: { pixels: d.dataset.pixels, imageSize: m.imageSize, channels: m.channels }, testIndices });
  }
}

customElements.define('hw-train-cnn', HwTrainCnn);
