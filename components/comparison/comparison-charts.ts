/** The D3 charts of the comparison (loaded only when they are about to be seen): curves overlaid, F1 bars and confusion matrices, one figure per run. */
import type { CurveMetric } from '../../src/charts-data/training-curves';
import type { ResultPanel } from '../../src/comparison/side-by-side';
import type { RunRecord } from '../../src/record/run-record';
import { renderConfusionHeatmap } from '../charts/confusion-heatmap';
import { renderF1Bars } from '../charts/f1-bars';
import { renderCompare } from '../charts/training-curves-chart';

/** The curves of `metric` of every run with an epoch, overlaid. */
export function drawCurves(el: Element, runs: readonly RunRecord[], metric: CurveMetric, labels: Map<string, string>): void {
  renderCompare(el, runs, metric, labels);
}

function figure(container: Element, caption: string): HTMLElement {
  const fig = document.createElement('figure');
  const chart = document.createElement('div');
  const cap = document.createElement('figcaption');
  cap.textContent = caption;
  fig.append(chart, cap);
  container.append(fig);
  return chart;
}

/** One F1 bar chart per panel, side by side. */
export function drawF1(container: Element, panels: readonly ResultPanel[]): void {
  container.replaceChildren();
  for (const p of panels) renderF1Bars(figure(container, p.label), p.perClass, p.classes, `F1 per class: ${p.label}`);
}

/** One confusion matrix per panel, side by side (counts, or shares of each true class). */
export function drawConfusions(container: Element, panels: readonly ResultPanel[], normalised: boolean): void {
  container.replaceChildren();
  for (const p of panels) {
    renderConfusionHeatmap(
      figure(container, p.label),
      p.confusion,
      p.classes,
      `Confusion matrix (${normalised ? 'share of each true class' : 'counts'}): ${p.label}`,
      { normalised },
    );
  }
}
