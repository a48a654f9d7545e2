/**
 * The training flow both training widgets share (the CNN of 2.2 and 2.4, ResNet-18 of 2.3 and 2.4):
 * picks the backend, runs attempts with live progress and curves, keeps every record (also the
 * curves of a failed attempt) in the runs list, and after a failure it can recover from (a lost GPU
 * device, memory, a backend error) trains again on the next backend or with a smaller batch.
 * It fills the parts of TrainPanel.astro; the widget renders the results.
 */
import { endProgressText, progressFraction, progressText, smoothRate, type ProgressState } from '../../src/runs/progress-text';
import { galleryPicks, keepGallery, type KeptGallery } from '../../src/runs/kept-gallery';
import { backendOrder, type TrainSettings } from '../../src/runs/train-settings';
import { classifyFailure, recoveryFor } from '../../src/runs/training-failure';
import { DEFAULT_BACKENDS } from '../../src/train/backends';
import type { RunConfig, RunRecord } from '../../src/record/run-record';
import type { TF } from '../../src/tensor/tf-types';
import type { TrainController } from '../../src/train/train-control';
import type { TrainData, TrainSplit } from '../../src/train/trainer';
import { part } from '../lib/part';
import type { AttemptInput, AttemptResult } from './train-run';

const MAX_RECOVERIES = 3;
const STEP_CHART_MS = 500;

/** What a widget asks the flow to train. */
export interface FlowRequest {
  settings: TrainSettings;
  /** The run's configuration for a batch size (recovery may lower it). */
  config(batchSize: number): RunConfig;
  data: TrainData;
  split: TrainSplit;
  dataset: { name: string; hash: string };
  control: TrainController;
  /** "not pretrained" or the weights, on every chart. */
  label?: string;
  /** The model's extras (starting weights, feature cache and progress, the trained model). */
  extra?: Pick<AttemptInput, 'initialWeights' | 'featureCache' | 'onFeatures' | 'onModel'>;
  /** Status line while an attempt starts. */
  startText?(backend: string, config: RunConfig): string;
  /** Adds to a record before it is kept (ResNet-18: its feature-space summary). */
  complete?(record: RunRecord): RunRecord;
  /** Words in failure messages ("Training", "Fine-tuning"). */
  verb?: string;
}

/** The last attempt's result with the record as kept, and the backend it ran on; null when no backend started. */
export type FlowResult = (AttemptResult & { backend: string; config: RunConfig }) | null;

/** Runs the flow in `root` (a training widget holding TrainPanel's parts and a TrainForm). */
export async function runTrainingFlow(root: HTMLElement, req: FlowRequest): Promise<FlowResult> {
  const [{ loadTf, useBackend, backendText, threadsHint, watchDeviceLoss, resetBackend }, charts, { trainAttempt }, store] =
    await Promise.all([
      import('../lib/train-session'),
      import('../charts/training-curves-chart'),
      import('./train-run'),
      import('../book/run-store'),
    ]);
  const tf: TF = await loadTf();
  const error = (text: string) => {
    part(root, '[data-error]').textContent = text;
  };
  const status = (text: string) => {
    part(root, '[data-train-status]').textContent = text;
  };
  const field = <T extends HTMLElement>(name: string) => part<T>(root, `[name=${name}]`);
  const verb = req.verb ?? 'Training';
  let order = backendOrder(req.settings.backend);
  let batchSize = req.settings.batchSize;
  let lastStepChart = 0;
  for (let attempt = 0; attempt <= MAX_RECOVERIES; attempt++) {
    const auto = req.settings.backend === 'auto' || attempt > 0; // after a failure the flow picks, so it avoids software renderers as auto does
    let choice;
    try {
      choice = await useBackend(tf, order, auto);
    } catch (e) {
      error(`No backend could start: ${(e as Error).message}. Pick another backend and press Start.`);
      return null;
    }
    const line = part(root, '[data-backend]');
    line.textContent = backendText(choice, auto) + (await threadsHint(choice));
    // which wasm kernels run (the book's SIMD ones and their helper threads, or the portable ones), for tests and bug reports
    const simd = choice.simdKernels;
    line.dataset.wasmKernels = choice.name !== 'wasm' || !simd ? '' : simd.running ? `simd, ${simd.helpers} helper thread(s)` : 'portable';
    if (attempt > 0) field<HTMLSelectElement>('backend').value = choice.name;
    const device = watchDeviceLoss(tf);
    const config = req.config(batchSize);
    const stepsPerEpoch = Math.floor(req.split.train.length / batchSize);
    const total = stepsPerEpoch * config.epochs;
    let rate = 0;
    let last: ProgressState | null = null;
    part(root, '[data-progress-text]').textContent = '';
    status(req.startText?.(choice.name, config) ?? `Training on ${choice.name}…`);
    charts.renderEpochCharts(part(root, '[data-loss-chart]'), part(root, '[data-acc-chart]'), [], config.epochs, req.label);
    const result = await trainAttempt({
      tf,
      config,
      split: req.split,
      control: req.control,
      dataset: req.dataset,
      data: req.data,
      deviceLost: () => device.waitLost(1000),
      ...req.extra,
      onStep: (s, steps) => {
        rate = smoothRate(rate, s.imagesPerSecond);
        const p = { epoch: s.epoch, epochs: config.epochs, step: s.step, stepsPerEpoch, imagesPerSecond: rate, batchSize };
        last = p;
        part<HTMLProgressElement>(root, '[data-train-progress]').value = progressFraction(p);
        part(root, '[data-progress-text]').textContent = progressText(p);
        if (performance.now() - lastStepChart > STEP_CHART_MS) {
          lastStepChart = performance.now();
          charts.renderStepLoss(part(root, '[data-step-chart]'), steps, total, req.label);
        }
      },
      onEpoch: (epochs) =>
        charts.renderEpochCharts(part(root, '[data-loss-chart]'), part(root, '[data-acc-chart]'), epochs, config.epochs, req.label),
    });
    let record = result.record;
    part(root, '[data-progress-text]').textContent = endProgressText(
      last,
      result.error ? (record?.stopped ?? 'error') : (record?.stopped ?? null),
    );
    if (record) {
      record = req.complete?.(record) ?? record;
      charts.renderStepLoss(part(root, '[data-step-chart]'), record.steps, total, req.label);
      try {
        await store.putRun(record, result.weights ?? undefined, keptGallery(record, req));
      } catch (e) {
        error(`The run could not be kept in this browser (${(e as Error).message}); export it from the list before you leave.`);
      }
    }
    if (!result.error) return { ...result, record, backend: choice.name, config };
    const kind = device.lost ? 'device-lost' : classifyFailure(result.error);
    if (kind === 'device-lost') resetBackend(tf, choice.name);
    const recovery = recoveryFor(kind, choice.name, batchSize, DEFAULT_BACKENDS);
    if (!recovery || attempt === MAX_RECOVERIES) {
      error(
        `${verb} failed on ${choice.name}: ${result.error}. ${record ? 'The curves so far are kept in your runs list. ' : ''}Change the settings (another backend, a smaller batch) and press Start.`,
      );
      return { ...result, record, backend: choice.name, config };
    }
    error(
      `${recovery.message.replace(/ press Start to train again\.$/, '')} Training again from the start${record ? '; the curves so far are kept in your runs list' : ''}.`,
    );
    order = DEFAULT_BACKENDS.slice(DEFAULT_BACKENDS.indexOf(recovery.backend as (typeof DEFAULT_BACKENDS)[number]));
    batchSize = recovery.batchSize;
    field<HTMLSelectElement>('backend').value = recovery.backend;
    field<HTMLInputElement>('batchSize').value = String(batchSize);
  }
  return null;
}

/** The thumbnails of a finished run's misclassified images, kept with it so that its results reopen after a reload (none without test results). */
function keptGallery(record: RunRecord, req: FlowRequest): KeptGallery | undefined {
  if (!record.test) return undefined;
  const d = req.data;
  try {
    return keepGallery(galleryPicks(record, req.split.test), { pixels: d.images, imageSize: d.imageSize, channels: d.channels });
  } catch {
    return undefined; // the run is kept without its images: reopened, its gallery says they were not kept
  }
}

/** Wires Pause/Resume/Stop of TrainPanel to the current controller, and returns the function that sets the buttons' and form's state. */
export function wireButtons(
  root: HTMLElement,
  current: () => TrainController | null,
  extraInputs = '',
): (state: 'idle' | 'running' | 'paused') => void {
  const status = (text: string) => {
    part(root, '[data-train-status]').textContent = text;
  };
  const setButtons = (state: 'idle' | 'running' | 'paused') => {
    const set = (sel: string, enabled: boolean) => {
      part<HTMLButtonElement>(root, sel).disabled = !enabled;
    };
    set('[data-start]', state === 'idle');
    set('[data-pause]', state === 'running');
    set('[data-resume]', state === 'paused');
    set('[data-stop]', state !== 'idle');
    root
      .querySelectorAll<HTMLInputElement | HTMLSelectElement>(
        `[data-settings] input, [data-settings] select${extraInputs ? `, ${extraInputs}` : ''}`,
      )
      .forEach((i) => {
        i.disabled = state !== 'idle';
      });
  };
  part(root, '[data-settings]').addEventListener('submit', (e) => e.preventDefault());
  part(root, '[data-pause]').addEventListener('click', () => {
    current()?.pause();
    setButtons('paused');
    status('Paused. Press Resume to go on.');
  });
  part(root, '[data-resume]').addEventListener('click', () => {
    current()?.resume();
    setButtons('running');
    status('Training…');
  });
  part(root, '[data-stop]').addEventListener('click', () => {
    current()?.stop();
    status('Stopping after the current step…');
  });
  return setButtons;
}
