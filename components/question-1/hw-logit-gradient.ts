import { logitGradientSeries } from '../../src/charts-data/logit-gradient';
import { bceGradLogit, mseGradLogit, sigmoid } from '../../src/math/logistic';
import { logitGradientGuard, type GuardHit } from '../../src/widgets/exercise-guard';
import { guardMessage } from '../../src/widgets/guard-message';
import { bookState } from '../book/book-state';
import { whenVisible } from '../lib/when-visible';
import { part } from '../lib/part';

/** Plots dL/dz of sigmoid + ½-MSE and of BCE over z, and reads both out at the chosen z; at the student's own q1.1a
 *  papaya it gives the method instead of the readout, and marks no point. */
class HwLogitGradient extends HTMLElement {
  private draw: (() => void) | undefined;

  connectedCallback(): void {
    this.addEventListener('input', () => this.update());
    bookState().addEventListener('change', () => this.update());
    this.update();
    whenVisible(this, async () => {
      const { renderLineChart } = await import('../charts/line-chart');
      this.draw = () => {
        const y = this.label();
        const pts = logitGradientSeries(y);
        const z = this.logit();
        const marked = this.guarded().length === 0;
        renderLineChart(
          part(this, '[data-chart]'),
          [
            { name: 'sigmoid + MSE', points: pts.map((p) => [p.z, p.mse]), color: 'var(--bad)' },
            { name: 'BCE', points: pts.map((p) => [p.z, p.bce]), color: 'var(--accent)', dash: '6 3' },
          ],
          {
            title: `dL/dz over the logit z for y = ${y}`,
            description: `For y = ${y}, the BCE gradient ŷ − y stays near ${y === 1 ? '−1' : '+1'} when the model is confidently wrong, while the MSE gradient (ŷ − y)ŷ(1 − ŷ) goes to 0 there.`,
            xLabel: 'logit z',
            yLabel: 'dL/dz',
            yDomain: [-1, 1],
            markers: marked
              ? [
                  { x: z, y: mseGradLogit(y, z), label: 'MSE', color: 'var(--bad)' },
                  { x: z, y: bceGradLogit(y, z), label: 'BCE', color: 'var(--accent)' },
                ]
              : [],
          },
        );
      };
      this.draw();
    });
  }

  /** The student's own exercise whose papaya the chosen (y, z) is. */
  private guarded(): GuardHit[] {
    return logitGradientGuard(bookState().variant, this.label(), this.logit());
  }

  private label(): 0 | 1 {
    return this.querySelector<HTMLInputElement>('input[name="lg-y"]:checked')?.value === '0' ? 0 : 1;
  }

  private logit(): number {
    return Number(this.querySelector<HTMLInputElement>('#lg-z')?.value ?? 0);
  }

  private update(): void {
    const y = this.label();
    const z = this.logit();
    const p = sigmoid(z);
    const hits = this.guarded();
    const wrong = (y === 1 && p < 0.1) || (y === 0 && p > 0.9);
    part(this, '[data-readout]').textContent =
      hits.length > 0
        ? guardMessage(hits)
        : `z = ${z.toFixed(1)}, ŷ = ${p.toFixed(4)}, y = ${y}: MSE gradient ${mseGradLogit(y, z).toFixed(4)}, BCE gradient ${bceGradLogit(y, z).toFixed(4)}.` +
          (wrong ? ' The model is confidently wrong, yet the MSE gradient is almost 0: learning stalls.' : '');
    this.draw?.();
  }
}

customElements.define('hw-logit-gradient', HwLogitGradient);
