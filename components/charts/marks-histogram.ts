/** A D3 bar chart of marks in bins (one item, or the total), with an accessible title and description. */
import * as d3 from 'd3';
import type { HistogramBin } from '../../src/grading/stats';
import { labelledSvg } from './labelled-svg';

let count = 0;

/** Draws `bins` into `container` (replacing its content); `label` names what the marks are of. */
export function renderMarksHistogram(container: Element, bins: readonly HistogramBin[], label: string, width = 320, height = 180): void {
  const m = { top: 12, right: 8, bottom: 34, left: 36 };
  const x = d3
    .scaleBand<number>()
    .domain(bins.map((_, i) => i))
    .range([m.left, width - m.right])
    .padding(0.1);
  const y = d3
    .scaleLinear()
    .domain([0, Math.max(1, d3.max(bins, (b) => b.count) ?? 1)])
    .nice()
    .range([height - m.bottom, m.top]);
  const id = `marks-hist-${++count}`;
  const fmt = (v: number) => String(Math.round(v * 100) / 100);
  const svg = labelledSvg(
    container,
    id,
    width,
    height,
    `Histogram of ${label}`,
    bins.map((b) => `${fmt(b.lo)}–${fmt(b.hi)}: ${b.count}`).join('; '),
  )
    .style('font', '11px var(--font, sans-serif)')
    .style('color', 'var(--fg)');
  svg
    .append('g')
    .attr('transform', `translate(0,${height - m.bottom})`)
    .call(
      d3
        .axisBottom(x)
        .tickFormat((i) => fmt(bins[i].lo))
        .tickValues(bins.length > 12 ? bins.map((_, i) => i).filter((i) => i % 2 === 0) : bins.map((_, i) => i)),
    );
  svg
    .append('g')
    .attr('transform', `translate(${m.left},0)`)
    .call(d3.axisLeft(y).ticks(4).tickFormat(d3.format('d')));
  svg
    .append('g')
    .selectAll('rect')
    .data(bins)
    .join('rect')
    .attr('x', (_, i) => x(i) ?? 0)
    .attr('width', x.bandwidth())
    .attr('y', (b) => y(b.count))
    .attr('height', (b) => y(0) - y(b.count))
    .style('fill', 'var(--accent)');
  svg
    .append('text')
    .attr('x', (m.left + width) / 2)
    .attr('y', height - 4)
    .attr('text-anchor', 'middle')
    .style('fill', 'var(--fg)')
    .text(label);
}
