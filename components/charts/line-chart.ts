/** A small accessible D3 line chart (title, description, axes, legend) coloured with the theme's CSS variables. */
import * as d3 from 'd3';

/** One line: its legend name, points (x, y), a CSS colour (e.g. `var(--accent)`) and an optional dash pattern. */
export interface Series {
  name: string;
  points: readonly (readonly [number, number])[];
  color: string;
  dash?: string;
  width?: number;
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
  markers?: Marker[];
  width?: number;
  height?: number;
}

let chartCount = 0;

/** Draws (or redraws) the chart inside `container`, replacing what was there. */
export function renderLineChart(container: Element, series: readonly Series[], opts: ChartOptions): void {
  const width = opts.width ?? 560;
  const height = opts.height ?? 300;
  const m = { top: 28, right: 16, bottom: 42, left: 56 };
  const all = series.flatMap((s) => s.points);
  const x = d3.scaleLinear().domain(opts.xDomain ?? (d3.extent(all, (p) => p[0]) as [number, number])).range([m.left, width - m.right]);
  const yDomain = opts.yDomain ?? (d3.extent(all, (p) => p[1]) as [number, number]);
  const y = d3.scaleLinear().domain(yDomain).nice().range([height - m.bottom, m.top]);
  const id = `hw-chart-${++chartCount}`;

  container.replaceChildren();
  const svg = d3.select(container).append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-labelledby', `${id}-title ${id}-desc`)
    .style('color', 'var(--fg)')
    .style('font', '12px var(--font, sans-serif)');
  svg.append('title').attr('id', `${id}-title`).text(opts.title);
  svg.append('desc').attr('id', `${id}-desc`).text(opts.description);

  svg.append('g').attr('transform', `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).ticks(8));
  svg.append('g').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(6));
  svg.append('text').attr('x', (m.left + width - m.right) / 2).attr('y', height - 8).attr('text-anchor', 'middle')
    .style('fill', 'var(--fg)').text(opts.xLabel);
  svg.append('text').attr('transform', `translate(14,${(height - m.bottom + m.top) / 2}) rotate(-90)`).attr('text-anchor', 'middle')
    .style('fill', 'var(--fg)').text(opts.yLabel);

  const [y0, y1] = y.domain();
  const clipped = (p: readonly [number, number]) => p[1] >= y0 && p[1] <= y1 && Number.isFinite(p[1]);
  const line = d3.line<readonly [number, number]>().defined(clipped).x((p) => x(p[0])).y((p) => y(p[1]));
  for (const s of series) {
    svg.append('path').attr('d', line(s.points) ?? '').style('fill', 'none').style('stroke', s.color)
      .style('stroke-width', String(s.width ?? 2)).style('stroke-dasharray', s.dash ?? 'none');
  }
  for (const mk of opts.markers ?? []) {
    if (!Number.isFinite(mk.y) || mk.y < y0 || mk.y > y1) continue;
    svg.append('circle').attr('cx', x(mk.x)).attr('cy', y(mk.y)).attr('r', 5).style('fill', mk.color).style('stroke', 'var(--bg)');
    svg.append('text').attr('x', x(mk.x) + 7).attr('y', y(mk.y) - 7).style('fill', 'var(--fg)').text(mk.label);
  }
  const legend = svg.append('g').attr('transform', `translate(${m.left + 8},${m.top - 14})`);
  let offset = 0;
  for (const s of series) {
    const g = legend.append('g').attr('transform', `translate(${offset},0)`);
    g.append('line').attr('x1', 0).attr('x2', 22).attr('y1', 0).attr('y2', 0).style('stroke', s.color)
      .style('stroke-width', '2').style('stroke-dasharray', s.dash ?? 'none');
    g.append('text').attr('x', 26).attr('y', 4).style('fill', 'var(--fg)').text(s.name);
    offset += 40 + s.name.length * 6.5;
  }
}
