import { bceCurve } from '../../src/charts-data/bce-curve';
import { bce, type LogUnit } from '../../src/math/bce';
import { parseNumber } from '../../src/exercises/parse-number';
import { formatNumber } from '../../src/exercises/format-number';
import { bceExplorerPoints, type ExplorerPoint } from '../../src/widgets/bce-explorer-points';
import { bookState } from '../book/book-state';
import { whenVisible } from '../lib/when-visible';
import { part } from '../lib/part';

/** Sliders for ŷ and y, the loss in bits or nats with a message at ŷ = 0 or 1, both loss curves, and the
 *  student's own exercise papayas once that exercise has been checked (never before: they are the answer). */
class HwBceExplorer extends HTMLElement {
  private draw: (() => void) | undefined;

  connectedCallback(): void {
    const slider = part<HTMLInputElement>(this, '#bce-p');
    const text = part<HTMLInputElement>(this, '#bce-p-text');
    slider.addEventListener('input', () => { text.value = slider.value; this.update(); });
    text.addEventListener('input', () => {
      const r = parseNumber(text.value);
      if (r.ok && r.value >= 0 && r.value <= 1) slider.value = String(r.value);
      this.update();
    });
    this.addEventListener('change', () => this.update());
    bookState().addEventListener('change', () => this.update());
    this.update();
    whenVisible(this, async () => {
      const { renderLineChart } = await import('../charts/line-chart');
      this.draw = () => {
        const unit = this.unit();
        const p = this.prediction();
        const y = this.label();
        const markers = this.points().map((pt) => ({ x: pt.p, y: bce(pt.y, pt.p, unit), label: pt.label, color: 'var(--muted)' }));
        if (p !== undefined) markers.push({ x: p, y: bce(y, p, unit), label: 'you', color: 'var(--bad)' });
        renderLineChart(part(this, '[data-chart]'), [
          { name: 'y = 1: −log ŷ', points: bceCurve(1, unit).map((c) => [c.p, c.loss]), color: 'var(--accent)', width: y === 1 ? 3 : 1.5 },
          { name: 'y = 0: −log(1 − ŷ)', points: bceCurve(0, unit).map((c) => [c.p, c.loss]), color: 'var(--good)', dash: '6 3', width: y === 0 ? 3 : 1.5 },
        ], {
          title: `Binary cross-entropy in ${unit} as a function of ŷ`,
          description: 'Two curves: the loss of a sweet papaya falls as ŷ rises, the loss of a non-sweet one rises; both grow without bound as the prediction becomes confidently wrong. ' +
            (markers.length > 1 ? 'Dots mark your prediction and the papayas of the exercises you have checked.' : 'A dot marks your prediction.'),
          xLabel: 'prediction ŷ', yLabel: `loss (${unit})`, yDomain: [0, unit === 'bits' ? 7 : 5], markers,
        });
      };
      this.draw();
    });
  }

  /** The exercise papayas of the student's own variant, for the exercises they have checked. */
  private points(): ExplorerPoint[] {
    const state = bookState();
    return bceExplorerPoints(state.variant, state.progress.attempts);
  }

  private unit(): LogUnit {
    return this.querySelector<HTMLInputElement>('input[name="bce-unit"]:checked')?.value === 'nats' ? 'nats' : 'bits';
  }

  private label(): 0 | 1 {
    return this.querySelector<HTMLInputElement>('input[name="bce-y"]:checked')?.value === '1' ? 1 : 0;
  }

  private prediction(): number | undefined {
    const r = parseNumber(part<HTMLInputElement>(this, '#bce-p-text').value);
    return r.ok && r.value >= 0 && r.value <= 1 ? r.value : undefined;
  }

  private update(): void {
    const out = part(this, '[data-readout]');
    const p = this.prediction();
    const y = this.label();
    const unit = this.unit();
    if (p === undefined) {
      out.textContent = 'Type a probability ŷ between 0 and 1.';
    } else {
      const loss = bce(y, p, unit);
      out.textContent = Number.isFinite(loss)
        ? `L(y = ${y}, ŷ = ${p}) = ${formatNumber(loss)} ${unit}.`
        : `L(y = ${y}, ŷ = ${p}) is infinite: the model is certain and wrong, and −log 0 = ∞. Real models clip ŷ or work with logits.`;
    }
    this.renderPoints(unit);
    this.draw?.();
  }

  /** Lists the plotted exercise papayas with their losses in the chosen unit. */
  private renderPoints(unit: LogUnit): void {
    const points = this.points();
    const list = part<HTMLUListElement>(this, '[data-points]');
    list.replaceChildren(...points.map((pt) => {
      const li = document.createElement('li');
      li.textContent = `${pt.label}: y = ${pt.y}, ŷ = ${pt.p}, loss ${formatNumber(bce(pt.y, pt.p, unit))} ${unit}`;
      return li;
    }));
    list.hidden = points.length === 0;
    part<HTMLElement>(this, '[data-points-empty]').hidden = new Set(points.map((pt) => pt.exercise)).size === 2;
  }
}

customElements.define('hw-bce-explorer', HwBceExplorer);
