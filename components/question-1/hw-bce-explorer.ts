import { bceCurve } from '../../src/charts-data/bce-curve';
import { bce, type LogUnit } from '../../src/math/bce';
import { parseNumber } from '../../src/exercises/parse-number';
import { formatNumber } from '../../src/exercises/format-number';
import { bceGuard, type GuardHit } from '../../src/widgets/exercise-guard';
import { guardMessage } from '../../src/widgets/guard-message';
import { bookState } from '../book/book-state';
import { whenVisible } from '../lib/when-visible';
import { part } from '../lib/part';

/** Sliders for ŷ and y, the loss in bits or nats with a message at ŷ = 0 or 1, and both loss curves with the
 *  prediction marked; for the student's own exercise papayas it gives the method instead of the loss, and no mark. */
class HwBceExplorer extends HTMLElement {
  private draw: (() => void) | undefined;

  connectedCallback(): void {
    const slider = part<HTMLInputElement>(this, '#bce-p');
    const text = part<HTMLInputElement>(this, '#bce-p-text');
    slider.addEventListener('input', () => {
      text.value = slider.value;
      this.update();
    });
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
        const marked = p !== undefined && this.guarded(y, p).length === 0;
        renderLineChart(
          part(this, '[data-chart]'),
          [
            {
              name: 'y = 1: −log ŷ',
              points: bceCurve(1, unit).map((c) => [c.p, c.loss]),
              color: 'var(--accent)',
              width: y === 1 ? 3 : 1.5,
            },
            {
              name: 'y = 0: −log(1 − ŷ)',
              points: bceCurve(0, unit).map((c) => [c.p, c.loss]),
              color: 'var(--good)',
              dash: '6 3',
              width: y === 0 ? 3 : 1.5,
            },
          ],
          {
            title: `Binary cross-entropy in ${unit} as a function of ŷ`,
            description:
              'Two curves: the loss of a sweet papaya falls as ŷ rises, the loss of a non-sweet one rises; both grow without bound as the prediction becomes confidently wrong. ' +
              (marked ? 'A dot marks your prediction.' : 'Your prediction is not marked.'),
            xLabel: 'prediction ŷ',
            yLabel: `loss (${unit})`,
            yDomain: [0, unit === 'bits' ? 7 : 5],
            markers: marked ? [{ x: p, y: bce(y, p, unit), label: 'you', color: 'var(--bad)' }] : [],
          },
        );
      };
      this.draw();
    });
  }

  /** The exercises of the student's own variant whose papaya (y, ŷ) is, or has the same loss. */
  private guarded(y: 0 | 1, p: number): GuardHit[] {
    return bceGuard(bookState().variant, y, p);
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
    const hits = p === undefined ? [] : this.guarded(y, p);
    if (p === undefined) {
      out.textContent = 'Type a probability ŷ between 0 and 1.';
    } else if (hits.length > 0) {
      out.textContent = guardMessage(hits);
    } else {
      const loss = bce(y, p, unit);
      const shown = formatNumber(loss);
      out.textContent = Number.isFinite(loss)
        ? `L(y = ${y}, ŷ = ${p}) = ${shown} ${shown === '1' ? unit.slice(0, -1) : unit}.`
        : `L(y = ${y}, ŷ = ${p}) is infinite: the model is certain and wrong, and −log 0 = ∞. Real models clip ŷ or work with logits.`;
    }
    this.draw?.();
  }
}

customElements.define('hw-bce-explorer', HwBceExplorer);
