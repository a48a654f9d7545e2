/** A small accessible D3 line chart (visible title, description, axes, wrapped legend) coloured with the theme's CSS variables. */
import * as d3 from 'd3';
import { leftMargin, legendRows, wholeTicks, wrapLines } from '../../src/charts-data/axis-layout';
import { titleText } from './chart-title';
import { labelledSvg } from './labelled-svg';

/** One line: its legend name, points (x, y), a CSS colour (e.g. `var(--accent)`), an optional dash pattern and dots on its points. */
export interface Series {
  name: string;
  points: readonly (readonly [number, number])[];
  color: string;
  dash?: string;
  width?: number;
  /** Draw a dot on every point (a series with a single point always gets its dot, so it is visible without a line). */
  dots?: boolean;
}

/** A labelled dot drawn on top of the lines. */
export interface Marker {
  x: number;
  y: number;
  label: string;
  color: string;
}

export interface ChartOptions {
  title: string;
  description: string;
  xLabel: string;
  yLabel: string;
  yDomain?: [number, number];
  /** Fixed x range (default: the extent of the points). */
  xDomain?: [number, number];
  /** Ticks on whole numbers only (epochs, steps). */
  wholeX?: boolean;
  markers?: Marker[];
  width?: number;
  height?: number;
}

let chartCount = 0;

/** Draws (or redraws) the chart inside `container`, replacing what was there. */
export function renderLineChart(container: Element, series: readonly Series[], opts: ChartOptions): void {
  const width = opts.width ?? 560;
  const all = series.flatMap((s) => s.points);
  const yDomain = opts.yDomain ?? (d3.extent(all, (p) => p[1]) as [number, number]);
  const y = d3.scaleLinear().domain(yDomain).nice();
  const yTicks = y.ticks(6);
  const yFormat = y.tickFormat(6);
  const left = leftMargin(yTicks.map(yFormat));
  const legend = legendRows(
    series.map((s) => s.name),
    width - left - 16,
  );
  const titleLines = wrapLines(opts.title, width - 8);
  const head = 16 * titleLines.length;
  const m = { top: 14 + head + legend.height, right: 16, bottom: 42, left };
  const height = (opts.height ?? 300) + legend.height + head - 16;
  y.range([height - m.bottom, m.top]);
  const xDomain = opts.xDomain ?? (d3.extent(all, (p) => p[0]) as [number, number]);
  const x = d3
    .scaleLinear()
    .domain(xDomain)
    .range([m.left, width - m.right]);
  const id = `hw-chart-${++chartCount}`;

  const svg = labelledSvg(container, id, width, height, opts.title, opts.description)
    .style('color', 'var(--fg)')
    .style('font', '12px var(--font, sans-serif)');
  titleText(svg, titleLines);

  const xAxis = opts.wholeX ? d3.axisBottom(x).tickValues(wholeTicks(xDomain, 10)).tickFormat(d3.format('d')) : d3.axisBottom(x).ticks(8);
  svg
    .append('g')
    .attr('transform', `translate(0,${height - m.bottom})`)
    .call(xAxis);
  svg.append('g').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).tickValues(yTicks).tickFormat(yFormat));
  svg
    .append('text')
    .attr('x', (m.left + width - m.right) / 2)
    .attr('y', height - 8)
    .attr('text-anchor', 'middle')
    .style('fill', 'var(--fg)')
    .text(opts.xLabel);
  svg
    .append('text')
    .attr('transform', `translate(14,${(height - m.bottom + m.top) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .style('fill', 'var(--fg)')
    .text(opts.yLabel);

  const [y0, y1] = y.domain();
  const shown = (p: readonly [number, number]) => Number.isFinite(p[1]) && p[1] >= y0 && p[1] <= y1;
  const line = d3
    .line<readonly [number, number]>()
    .defined(shown)
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  for (const s of series) {
    svg
      .append('path')
      .attr('d', line(s.points) ?? '')
      .style('fill', 'none')
      .style('stroke', s.color)
      .style('stroke-width', String(s.width ?? 2))
      .style('stroke-dasharray', s.dash ?? 'none');
    const inside = s.points.filter(shown);
    if (!s.dots && inside.length !== 1) continue;
    const g = svg.append('g').attr('data-series', s.name);
    for (const p of inside) {
      g.append('circle').attr('cx', x(p[0])).attr('cy', y(p[1])).attr('r', 3.5).style('fill', s.color).style('stroke', 'var(--bg)');
    }
  }
  for (const mk of opts.markers ?? []) {
    if (!Number.isFinite(mk.y) || mk.y < y0 || mk.y > y1) continue;
    svg.append('circle').attr('cx', x(mk.x)).attr('cy', y(mk.y)).attr('r', 5).style('fill', mk.color).style('stroke', 'var(--bg)');
    svg
      .append('text')
      .attr('x', x(mk.x) + 7)
      .attr('y', y(mk.y) - 7)
      .style('fill', 'var(--fg)')
      .text(mk.label);
  }
  const key = svg.append('g').attr('transform', `translate(${m.left + 8},${m.top - legend.height - 2})`);
  series.forEach((s, i) => {
    const slot = legend.slots[i];
    const g = key.append('g').attr('transform', `translate(${slot.x},${slot.y + 4})`);
    g.append('line')
      .attr('x1', 0)
      .attr('x2', 22)
      .attr('y1', 0)
      .attr('y2', 0)
      .style('stroke', s.color)
      .style('stroke-width', '2')
      .style('stroke-dasharray', s.dash ?? 'none');
    g.append('text').attr('x', 28).attr('y', 4).style('fill', 'var(--fg)').text(s.name);
  });
}
