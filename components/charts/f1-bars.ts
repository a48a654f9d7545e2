/** Horizontal D3 bars of the per-class F1 scores of a run's test split. */
import * as d3 from 'd3';
import { f1Bars } from '../../src/charts-data/confusion-rows';
import type { ClassMetrics } from '../../src/train/run-record';

let count = 0;

/** Draws one bar per class (F1 from 0 to 1, value written at its end) into `container`. */
export function renderF1Bars(container: Element, perClass: readonly ClassMetrics[], classes: readonly string[], title: string): void {
  const bars = f1Bars(perClass, classes);
  const row = 22;
  const m = { top: 10, right: 48, bottom: 30, left: 110 };
  const width = 480;
  const height = m.top + m.bottom + bars.length * row;
  const x = d3.scaleLinear().domain([0, 1]).range([m.left, width - m.right]);
  const id = `f1-bars-${++count}`;
  container.replaceChildren();
  const svg = d3.select(container).append('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'img')
    .attr('aria-labelledby', `${id}-t ${id}-d`).style('font', '11px var(--font, sans-serif)').style('max-width', `${width * 1.3}px`);
  svg.append('title').attr('id', `${id}-t`).text(title);
  svg.append('desc').attr('id', `${id}-d`).text(bars.map((b) => `${b.name}: F1 ${b.f1.toFixed(3)} (${b.support} images)`).join('; '));
  svg.append('g').attr('transform', `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).ticks(5)).style('color', 'var(--fg)');
  bars.forEach((b, i) => {
    const y = m.top + i * row;
    svg.append('rect').attr('x', x(0)).attr('y', y + 3).attr('width', Math.max(0, x(b.f1) - x(0))).attr('height', row - 6).style('fill', 'var(--accent)');
    svg.append('text').attr('x', m.left - 6).attr('y', y + row / 2 + 4).attr('text-anchor', 'end').style('fill', 'var(--fg)').text(b.name);
    svg.append('text').attr('x', x(b.f1) + 4).attr('y', y + row / 2 + 4).style('fill', 'var(--fg)').text(b.f1.toFixed(2));
  });
}
