import { bceCurve } from '../../src/charts-data/bce-curve';
import { bce, type LogUnit } from '../../src/math/bce';
import { parseNumber } from '../../src/exercises/parse-number';
import { formatNumber } from '../../src/exercises/format-number';
import { whenVisible } from './when-visible';

/** The three papayas of q1.1d as (y, ŷ). */
const PAPAYAS: readonly (readonly [0 | 1, number])[] = [[1, 0.1], [0, 0.2], [0, 0.7]];

/** Sliders for ŷ and y, the loss in bits or nats with a message at ŷ = 0 or 1, and both loss curves. */
class HwBceExplorer extends HTMLElement {
  private draw: (() => void) | undefined;

  connectedCallback(): void {
    const slider = this.querySelector<HTMLInputElement>('#bce-p')!;
    const text = this.querySelector<HTMLInputElement>('#bce-p-text')!;
    slider.addEventListener('input', () => { text.value = slider.value; this.update(); });
    text.addEventListener('input', () => {
      const r = parseNumber(text.value);
      if (r.ok && r.value >= 0 && r.value <= 1) slider.value = String(r.value);
      this.update();
    });
    this.addEventListener('change', () => this.update());
    this.update();
    whenVisible(this, async () => {
      const { renderLineChart } = await import('./line-chart');
      this.draw = () => {
        const unit = this.unit();
        const p = this.prediction();
        const y = this.label();
        const markers = PAPAYAS.map(([py, pp], i) => ({ x: pp, y: bce(py, pp, unit), label: `papaya ${i + 1}`, color: 'var(--muted)' }));
        if (p !== undefined) markers.push({ x: p, y: bce(y, p, unit), label: 'you', color: 'var(--bad)' });
        renderLineChart(this.querySelector('[data-chart]')!, [
          { name: 'y = 1: −log ŷ', points: bceCurve(1, unit).map((c) => [c.p, c.loss]), color: 'var(--accent)', width: y === 1 ? 3 : 1.5 },
          { name: 'y = 0: −log(1 − ŷ)', points: bceCurve(0, unit).map((c) => [c.p, c.loss]), color: 'var(--good)', dash: '6 3', width: y === 0 ? 3 : 1.5 },
        ], {
          title: `Binary cross-entropy in ${unit} as a function of ŷ`,
          description: 'Two curves: the loss of a sweet papaya falls as ŷ rises, the loss of a non-sweet one rises; both grow without bound as the prediction becomes confidently wrong. Dots mark the three papayas of exercise 1.1d and your prediction.',
          xLabel: 'prediction ŷ', yLabel: `loss (${unit})`, yDomain: [0, unit === 'bits' ? 7 : 5], markers,
        });
      };
      this.draw();
    });
  }

  private unit(): LogUnit {
    return this.querySelector<HTMLInputElement>('input[name="bce-unit"]:checked')?.value === 'nats' ? 'nats' : 'bits';
  }

  private label(): 0 | 1 {
    return this.querySelector<HTMLInputElement>('input[name="bce-y"]:checked')?.value === '1' ? 1 : 0;
  }

  private prediction(): number | undefined {
    const r = parseNumber(this.querySelector<HTMLInputElement>('#bce-p-text')!.value);
    return r.ok && r.value >= 0 && r.value <= 1 ? r.value : undefined;
  }

  private update(): void {
    const out = this.querySelector('[data-readout]')!;
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
    this.draw?.();
  }
}

customElements.define('hw-bce-explorer', HwBceExplorer);
