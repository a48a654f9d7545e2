import { formatNumber } from '../../src/exercises/format-number';
import { generatePapayas } from '../../src/math/papaya-data';
import { whenVisible } from '../lib/when-visible';
import { part } from '../lib/part';

const STEPS = 200;
const LR = 0.5;
const SEED = 2024;

/** Trains models A (λ from the slider) and B (λ = 0) with tfjs and plots ‖w‖ over the steps for both. */
class HwL2Demo extends HTMLElement {
  private train: (() => Promise<void>) | undefined;
  private timer: number | undefined;

  connectedCallback(): void {
    const slider = part<HTMLInputElement>(this, '#l2-lambda');
    slider.addEventListener('input', () => {
      part(this, '[data-lambda]').textContent = slider.value;
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => void this.train?.(), 250);
    });
    part(this, '[data-train]').addEventListener('click', () => void this.train?.());
    whenVisible(this, async () => {
      const [{ renderLineChart }, { trainLogistic }] = await Promise.all([
        import('../charts/line-chart'),
        import('../../src/math/l2-training'),
      ]);
      const data = generatePapayas(SEED, 40);
      this.train = async () => {
        const out = part(this, '[data-readout]');
        const lambda = Number(slider.value);
        out.textContent = 'Training…';
        await new Promise((r) => setTimeout(r, 0));
        const a = trainLogistic(data, { lambda, steps: STEPS, lr: LR });
        const b = trainLogistic(data, { lambda: 0, steps: STEPS, lr: LR });
        const steps = (norms: number[]) => norms.map((n, i) => [i + 1, n] as const);
        renderLineChart(
          part(this, '[data-chart]'),
          [
            { name: `A: with L2, λ = ${lambda}`, points: steps(a.norms), color: 'var(--good)' },
            { name: 'B: without L2', points: steps(b.norms), color: 'var(--bad)', dash: '6 3' },
          ],
          {
            title: 'Weight norm ‖w‖ over training steps',
            description: `Model B's weight norm keeps growing on separable data; model A's levels off at a smaller value (${formatNumber(a.norms[STEPS - 1])} versus ${formatNumber(b.norms[STEPS - 1])} after ${STEPS} steps).`,
            xLabel: 'step',
            yLabel: '‖w‖',
            yDomain: [0, Math.max(...b.norms, ...a.norms)],
          },
        );
        out.textContent = `After ${STEPS} steps: ‖w‖ = ${formatNumber(a.norms[STEPS - 1])} for model A (λ = ${lambda}) and ${formatNumber(b.norms[STEPS - 1])} for model B. ${a.norms[STEPS - 1] < b.norms[STEPS - 1] ? 'Model A ends with smaller weights.' : 'With this tiny λ the difference has not shown yet.'}`;
      };
      await this.train();
    });
  }
}

customElements.define('hw-l2-demo', HwL2Demo);
