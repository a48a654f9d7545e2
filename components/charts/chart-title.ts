/** The visible title every chart draws at its top (assistive technology reads the SVG's <title> instead). */
import type * as d3 from 'd3';

/** Writes the title's lines (from wrapLines) at the top left of `svg`, 16 units apart, hidden from assistive technology. */
export function titleText(svg: d3.Selection<SVGSVGElement, unknown, null, undefined>, lines: readonly string[]): void {
  const t = svg.append('text').attr('aria-hidden', 'true').style('fill', 'var(--fg)').style('font-weight', '600');
  lines.forEach((line, i) =>
    t
      .append('tspan')
      .attr('x', 4)
      .attr('y', 15 + 16 * i)
      .text(line),
  );
}
