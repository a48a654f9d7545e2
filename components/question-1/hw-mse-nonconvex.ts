import { lossVsWeight } from '../../src/charts-data/loss-vs-weight';
import { whenVisible } from '../lib/when-visible';
import { part } from '../lib/part';

/** Draws MSE(w) (flat tails, concave parts: non-convex) next to BCE(w) (convex). */
class HwMseNonconvex extends HTMLElement {
  connectedCallback(): void {
    whenVisible(this, async () => {
      const { renderLineChart } = await import('../charts/line-chart');
      const pts = lossVsWeight();
      renderLineChart(
        part(this, '[data-chart="mse"]'),
        [{ name: 'mean ½(ŷ − y)²', points: pts.map((p) => [p.w, p.mse]), color: 'var(--bad)' }],
        {
          title: 'Mean squared error as a function of w',
          description:
            'The MSE curve flattens out on both sides and bends downwards in places: it is not convex, and its flat parts give almost no gradient.',
          xLabel: 'weight w',
          yLabel: 'MSE',
          height: 240,
        },
      );
      renderLineChart(
        part(this, '[data-chart="bce"]'),
        [{ name: 'mean BCE (nats)', points: pts.map((p) => [p.w, p.bce]), color: 'var(--accent)', dash: '6 3' }],
        {
          title: 'Binary cross-entropy as a function of w',
          description: 'The BCE curve is convex: it bends upwards everywhere and grows linearly where the model is confidently wrong.',
          xLabel: 'weight w',
          yLabel: 'BCE',
          height: 240,
        },
      );
    });
  }
}

customElements.define('hw-mse-nonconvex', HwMseNonconvex);
