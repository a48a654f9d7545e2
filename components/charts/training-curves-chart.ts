/** The training charts: loss and accuracy per epoch, the smoothed per-step loss, and several runs overlaid. */
import { epochDomain } from '../../src/charts-data/axis-layout';
import { compareCurves, type CurveMetric, epochCurves, smoothSteps } from '../../src/charts-data/training-curves';
import type { EpochMetrics, RunRecord } from '../../src/record/run-record';
import { renderLineChart, type Series } from './line-chart';

const TRAIN = 'var(--accent)';
const VAL = 'var(--bad)';

/** Train and validation loss (into `lossEl`) and accuracy (into `accEl`) per epoch; x runs to `plannedEpochs`; `label` is appended to the titles (e.g. "ResNet-18, not pretrained"). */
export function renderEpochCharts(
  lossEl: Element,
  accEl: Element,
  epochs: readonly EpochMetrics[],
  plannedEpochs: number,
  label = '',
): void {
  const suffix = label ? ` (${label})` : '';
  const c = epochCurves(epochs);
  const xDomain = epochDomain(plannedEpochs, epochs.length);
  const lastText = (name: string, pts: [number, number][], pct = false) => {
    const p = pts.at(-1);
    return p ? `${name} ${pct ? `${(100 * p[1]).toFixed(1)} %` : p[1].toFixed(3)} at epoch ${p[0]}` : `${name}: no epoch yet`;
  };
  renderLineChart(
    lossEl,
    [
      { name: 'train loss', points: c.trainLoss, color: TRAIN, dots: true },
      { name: 'validation loss', points: c.valLoss, color: VAL, dash: '6 3', dots: true },
    ],
    {
      title: `Loss per epoch${suffix}`,
      xLabel: 'epoch',
      yLabel: 'cross-entropy',
      xDomain,
      wholeX: true,
      yDomain: [0, Math.max(0.5, ...c.trainLoss.map((p) => p[1]), ...c.valLoss.map((p) => p[1]))],
      description: `${lastText('train loss', c.trainLoss)}; ${lastText('validation loss', c.valLoss)}.`,
    },
  );
  renderLineChart(
    accEl,
    [
      { name: 'train accuracy', points: c.trainAccuracy, color: TRAIN, dots: true },
      { name: 'validation accuracy', points: c.valAccuracy, color: VAL, dash: '6 3', dots: true },
    ],
    {
      title: `Accuracy per epoch${suffix}`,
      xLabel: 'epoch',
      yLabel: 'accuracy',
      xDomain,
      wholeX: true,
      yDomain: [0, 1],
      description: `${lastText('train accuracy', c.trainAccuracy, true)}; ${lastText('validation accuracy', c.valAccuracy, true)}.`,
    },
  );
}

/** Per-step training loss, raw (thin) and smoothed; `label` is appended to the title. */
export function renderStepLoss(el: Element, steps: readonly { step: number; loss: number }[], totalSteps: number, label = ''): void {
  const raw = steps.filter((s) => Number.isFinite(s.loss)).map((s) => [s.step, s.loss] as [number, number]);
  const smooth = smoothSteps(steps, 0.9);
  const last = smooth.at(-1);
  renderLineChart(
    el,
    [
      { name: 'loss per step', points: raw, color: 'var(--muted)', width: 1 },
      { name: 'smoothed', points: smooth, color: 'var(--accent)' },
    ],
    {
      title: `Training loss per step${label ? ` (${label})` : ''}`,
      xLabel: 'step',
      yLabel: 'cross-entropy',
      xDomain: [1, Math.max(2, totalSteps)],
      wholeX: true,
      yDomain: [0, Math.max(0.5, ...raw.map((p) => p[1]))],
      height: 220,
      description: last ? `Smoothed loss ${last[1].toFixed(3)} at step ${last[0]} of ${totalSteps}.` : 'No step yet.',
    },
  );
}

const PALETTE = ['var(--accent)', 'var(--bad)', 'var(--good)', 'var(--fg)', 'var(--muted)'];
const DASHES = ['none', '6 3', '2 2', '10 3 2 3', '1 4'];
const METRIC_NAMES: Record<CurveMetric, string> = {
  valLoss: 'validation loss',
  trainLoss: 'train loss',
  valAccuracy: 'validation accuracy',
  trainAccuracy: 'train accuracy',
};

/** One metric of several runs overlaid, labelled by `labels` (run id → legend text). */
export function renderCompare(el: Element, runs: readonly RunRecord[], metric: CurveMetric, labels: Map<string, string>): void {
  const curves = compareCurves(runs, metric);
  const series: Series[] = curves.map((c, i) => ({
    name: labels.get(c.id) ?? c.id,
    points: c.points,
    color: PALETTE[i % PALETTE.length],
    dash: DASHES[i % DASHES.length],
    dots: true,
  }));
  const isAcc = metric.endsWith('Accuracy');
  const ys = curves.flatMap((c) => c.points.map((p) => p[1]));
  renderLineChart(el, series, {
    title: `Compared runs: ${METRIC_NAMES[metric]} per epoch`,
    xLabel: 'epoch',
    yLabel: METRIC_NAMES[metric],
    yDomain: isAcc ? [0, 1] : [0, Math.max(0.5, ...ys)],
    height: 320,
    xDomain: epochDomain(1, Math.max(1, ...curves.flatMap((c) => c.points.map((p) => p[0])))),
    wholeX: true,
    description: curves
      .map((c) => `${labels.get(c.id) ?? c.id}: ${c.points.at(-1)?.[1].toFixed(3)} at epoch ${c.points.at(-1)?.[0]}`)
      .join('; '),
  });
}
