/** A D3 heat map of a confusion matrix (rows: true class, columns: predicted) under its visible title, counts or row shares written in the cells. */
import * as d3 from 'd3';
import { wrapLines } from '../../src/charts-data/axis-layout';
import { rowNormalise } from '../../src/charts-data/confusion-rows';
import { titleText } from './chart-title';
import { labelledSvg } from './labelled-svg';

let count = 0;

/** Display options: `normalised` colours and labels each row by its share of the true class. */
export interface HeatmapOptions {
  normalised?: boolean;
}

/** Draws `confusion[true][predicted]` with class names into `container` (replacing its content). */
export function renderConfusionHeatmap(
  container: Element,
  counts: readonly (readonly number[])[],
  classes: readonly string[],
  title: string,
  opts: HeatmapOptions = {},
): void {
  const confusion = opts.normalised ? rowNormalise(counts) : counts;
  const fmt = opts.normalised ? (v: number) => (v === 0 ? '0' : v.toFixed(2).replace(/^0/, '')) : (v: number) => String(v);
  const k = confusion.length;
  const cell = 30;
  const width = 160 + k * cell;
  const lines = wrapLines(title, width - 8);
  const m = { top: 24 + 16 * lines.length, right: 60, bottom: 90, left: 100 };
  const height = m.top + m.bottom + k * cell;
  const max = opts.normalised ? 1 : Math.max(1, d3.max(confusion.flat()) ?? 1);
  const colour = d3.scaleSequential(d3.interpolateBlues).domain([0, max]);
  const id = `confusion-${++count}`;
  const name = (i: number) => classes[i] ?? String(i);
  const svg = labelledSvg(
    container,
    id,
    width,
    height,
    title,
    confusion.map((row, t) => `true ${name(t)}: ${row.map(fmt).join(', ')}`).join('; '),
  )
    .style('font', '11px var(--font, sans-serif)')
    .style('max-width', `${width * 1.4}px`);
  titleText(svg, lines);
  const g = svg.append('g').attr('transform', `translate(${m.left},${m.top})`);
  confusion.forEach((row, t) =>
    row.forEach((v, p) => {
      g.append('rect')
        .attr('x', p * cell)
        .attr('y', t * cell)
        .attr('width', cell - 1)
        .attr('height', cell - 1)
        .style('fill', colour(v));
      g.append('text')
        .attr('x', p * cell + cell / 2)
        .attr('y', t * cell + cell / 2 + 3)
        .attr('text-anchor', 'middle')
        .style('fill', v > max / 2 ? '#fff' : '#111')
        .text(fmt(v));
    }),
  );
  classes.slice(0, k).forEach((c, i) => {
    g.append('text')
      .attr('x', -4)
      .attr('y', i * cell + cell / 2 + 3)
      .attr('text-anchor', 'end')
      .style('fill', 'var(--fg)')
      .text(c);
    g.append('text')
      .attr('transform', `translate(${i * cell + cell / 2},${k * cell + 4}) rotate(50)`)
      .style('fill', 'var(--fg)')
      .text(c);
  });
  svg
    .append('text')
    .attr('x', 4)
    .attr('y', m.top - 6)
    .style('fill', 'var(--muted)')
    .text('true ↓ · predicted →');
}
