/** Horizontal D3 bars of the per-class F1 scores of a run's test split, with a visible title and axis label. */
import * as d3 from 'd3';
import { CHAR_WIDTH, wrapLines } from '../../src/charts-data/axis-layout';
import { f1Bars } from '../../src/charts-data/confusion-rows';
import type { ClassMetrics } from '../../src/record/run-record';
import { titleText } from './chart-title';
import { labelledSvg } from './labelled-svg';

let count = 0;

/** Draws one bar per class (F1 from 0 to 1, value written at its end) into `container`, titled `title`. */
export function renderF1Bars(container: Element, perClass: readonly ClassMetrics[], classes: readonly string[], title: string): void {
  const bars = f1Bars(perClass, classes);
  const row = 22;
  const left = Math.max(80, 12 + Math.max(0, ...bars.map((b) => b.name.length)) * CHAR_WIDTH);
  const width = Math.max(480, left + 300);
  const lines = wrapLines(title, width - 8);
  const m = { top: 12 + 16 * lines.length, right: 44, bottom: 44, left };
  const height = m.top + m.bottom + bars.length * row;
  const x = d3
    .scaleLinear()
    .domain([0, 1])
    .range([m.left, width - m.right]);
  const id = `f1-bars-${++count}`;
  const svg = labelledSvg(
    container,
    id,
    width,
    height,
    title,
    bars.map((b) => `${b.name}: F1 ${b.f1.toFixed(3)} (${b.support} images)`).join('; '),
  )
    .style('font', '12px var(--font, sans-serif)')
    .style('width', '100%')
    .style('max-width', `${width}px`);
  titleText(svg, lines);
  svg
    .append('g')
    .attr('transform', `translate(0,${height - m.bottom})`)
    .call(d3.axisBottom(x).ticks(5))
    .style('color', 'var(--fg)');
  svg
    .append('text')
    .attr('x', (m.left + width - m.right) / 2)
    .attr('y', height - 8)
    .attr('text-anchor', 'middle')
    .style('fill', 'var(--fg)')
    .text('F1 score on the test split (0 to 1)');
  bars.forEach((b, i) => {
    const y = m.top + i * row;
    svg
      .append('rect')
      .attr('x', x(0))
      .attr('y', y + 3)
      .attr('width', Math.max(0, x(b.f1) - x(0)))
      .attr('height', row - 6)
      .style('fill', 'var(--accent)');
    svg
      .append('text')
      .attr('x', m.left - 6)
      .attr('y', y + row / 2 + 4)
      .attr('text-anchor', 'end')
      .style('fill', 'var(--fg)')
      .text(b.name);
    svg
      .append('text')
      .attr('x', x(b.f1) + 4)
      .attr('y', y + row / 2 + 4)
      .style('fill', 'var(--fg)')
      .text(b.f1.toFixed(2));
  });
}
