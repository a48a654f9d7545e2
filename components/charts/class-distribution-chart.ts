/** D3 grouped bar chart: per class, one bar for each of train / val / test (count or share of the split). */
import * as d3 from 'd3';
import { legendRows } from '../../src/charts-data/axis-layout';
import { SPLIT_NAMES, type Distribution, type SplitName } from '../../src/data/class-distribution';
import { labelledSvg } from './labelled-svg';

/** Colours of the splits, from the theme. */
export const SPLIT_COLORS: Record<SplitName, string> = { train: 'var(--accent)', val: 'var(--good)', test: 'var(--muted)' };
const SPLIT_LABEL: Record<SplitName, string> = { train: 'train', val: 'validation', test: 'test' };

let count = 0;

/** Draws the chart into `container` (replacing it); `measure` picks counts or each class's share of a split. */
export function renderClassDistribution(container: Element, d: Distribution, measure: 'count' | 'share', title: string): void {
  const width = 640;
  const names = SPLIT_NAMES.map((s) => `${SPLIT_LABEL[s]} (${d.totals[s].toLocaleString('en')})`);
  const legend = legendRows(names, width - 70, 12);
  const height = 286 + legend.height;
  const m = { top: 14 + legend.height, right: 12, bottom: 70, left: 52 };
  const value = (r: Distribution['rows'][number], s: SplitName) => (measure === 'count' ? r.counts[s] : r.shares[s]);
  const x0 = d3
    .scaleBand<number>()
    .domain(d.rows.map((r) => r.label))
    .range([m.left, width - m.right])
    .padding(0.18);
  const x1 = d3.scaleBand<SplitName>().domain(SPLIT_NAMES).range([0, x0.bandwidth()]).padding(0.06);
  const ymax = d3.max(d.rows, (r) => d3.max(SPLIT_NAMES, (s) => value(r, s))) ?? 1;
  const y = d3
    .scaleLinear()
    .domain([0, ymax || 1])
    .nice()
    .range([height - m.bottom, m.top]);
  const pct = d3.format('.1%');
  const id = `class-dist-${++count}`;
  const svg = labelledSvg(
    container,
    id,
    width,
    height,
    title,
    `Grouped bars per class for the train, validation and test splits (${measure === 'count' ? 'number of images' : 'share of each split'}). The table below lists the numbers.`,
  )
    .style('font', '11px var(--font, sans-serif)')
    .style('color', 'var(--fg)');
  svg
    .append('g')
    .attr('transform', `translate(0,${height - m.bottom})`)
    .call(d3.axisBottom(x0).tickFormat((l) => d.rows[l].name))
    .selectAll('text')
    .attr('transform', 'rotate(-35)')
    .attr('text-anchor', 'end')
    .attr('dx', '-0.4em')
    .attr('dy', '0.6em');
  svg
    .append('g')
    .attr('transform', `translate(${m.left},0)`)
    .call(measure === 'count' ? d3.axisLeft(y).ticks(5).tickFormat(d3.format('~s')) : d3.axisLeft(y).ticks(5).tickFormat(d3.format('.0%')));
  svg
    .append('text')
    .attr('transform', `translate(13,${(height - m.bottom + m.top) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .style('fill', 'var(--fg)')
    .text(measure === 'count' ? 'images' : 'share of the split');
  const groups = svg
    .append('g')
    .selectAll('g')
    .data(d.rows)
    .join('g')
    .attr('transform', (r) => `translate(${x0(r.label)},0)`);
  groups
    .selectAll('rect')
    .data((r) => SPLIT_NAMES.map((s) => ({ r, s })))
    .join('rect')
    .attr('x', (b) => x1(b.s) ?? 0)
    .attr('width', x1.bandwidth())
    .attr('y', (b) => y(value(b.r, b.s)))
    .attr('height', (b) => y(0) - y(value(b.r, b.s)))
    .style('fill', (b) => SPLIT_COLORS[b.s])
    .append('title')
    .text((b) => `${b.r.name}, ${SPLIT_LABEL[b.s]}: ${b.r.counts[b.s]} images (${pct(b.r.shares[b.s])} of the split)`);
  const key = svg.append('g').attr('transform', `translate(${m.left + 6},14)`);
  SPLIT_NAMES.forEach((s, i) => {
    const g = key.append('g').attr('transform', `translate(${legend.slots[i].x},${legend.slots[i].y})`);
    g.append('rect').attr('width', 12).attr('height', 12).attr('y', -9).style('fill', SPLIT_COLORS[s]);
    g.append('text').attr('x', 18).attr('y', 1).style('fill', 'var(--fg)').text(names[i]);
  });
}
