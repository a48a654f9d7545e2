/** D3 bar chart of the shorter side of the original images (bins from image-report.ts), with an accessible description. */
import * as d3 from 'd3';
import type { SizeStats } from '../../src/data/packed-format';
import { labelledSvg } from './labelled-svg';

let count = 0;

const binName = (b: SizeStats['shortSide'][number]) => (b.hi === null ? `≥ ${b.lo}` : `${b.lo}–${b.hi - 1}`);

/** Draws the histogram of shorter sides into `container`, replacing its content. */
export function renderSizeHistogram(container: Element, s: SizeStats, width = 480, height = 200): void {
  const m = { top: 12, right: 8, bottom: 40, left: 44 };
  const bins = s.shortSide;
  const x = d3
    .scaleBand<number>()
    .domain(bins.map((_, i) => i))
    .range([m.left, width - m.right])
    .padding(0.12);
  const y = d3
    .scaleLinear()
    .domain([0, Math.max(1, d3.max(bins, (b) => b.count) ?? 1)])
    .nice()
    .range([height - m.bottom, m.top]);
  const id = `size-hist-${++count}`;
  const svg = labelledSvg(
    container,
    id,
    width,
    height,
    'Shorter side of the original images, in pixels',
    bins.map((b) => `${binName(b)} px: ${b.count} images`).join('; '),
  )
    .style('font', '11px var(--font, sans-serif)')
    .style('color', 'var(--fg)');
  svg
    .append('g')
    .attr('transform', `translate(0,${height - m.bottom})`)
    .call(d3.axisBottom(x).tickFormat((i) => binName(bins[i])));
  svg
    .append('g')
    .attr('transform', `translate(${m.left},0)`)
    .call(d3.axisLeft(y).ticks(4).tickFormat(d3.format('~s')));
  svg
    .append('text')
    .attr('x', (m.left + width) / 2)
    .attr('y', height - 6)
    .attr('text-anchor', 'middle')
    .style('fill', 'var(--fg)')
    .text('shorter side (pixels)');
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
}
