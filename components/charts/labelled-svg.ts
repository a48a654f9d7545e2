/** The root every chart draws into: an SVG image named and described for assistive technology. */
import * as d3 from 'd3';

/** Empties `container` and appends an <svg role="img"> with a width × height viewBox, labelled by its <title> and <desc> (ids `${id}-t`, `${id}-d`). */
export function labelledSvg(
  container: Element,
  id: string,
  width: number,
  height: number,
  title: string,
  description: string,
): d3.Selection<SVGSVGElement, unknown, null, undefined> {
  container.replaceChildren();
  const svg = d3
    .select(container)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-labelledby', `${id}-t ${id}-d`);
  svg.append('title').attr('id', `${id}-t`).text(title);
  svg.append('desc').attr('id', `${id}-d`).text(description);
  return svg;
}
