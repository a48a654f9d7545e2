/**
 * D3 drawing of an embedding as an SVG scatter coloured by class: in 2-D with zoom and pan, in 3-D
 * rotated by dragging (perspective, depth-sorted, nearer points larger). Hover reports the point
 * under the pointer; `setVisible` hides classes or splits. The geometry is src/tsne/view-math.ts.
 */
import * as d3 from 'd3';
import { depthOrder, dragAngles, normaliseEmbedding, pickPoint, projectPerspective, rotationMatrix } from '../../src/tsne/view-math';
import { classColour, type FeatureSpaceData } from './feature-data';

const SIZE = 520;
const HALF = SIZE / 2 - 16;
const HOVER_RADIUS = 8;

/** A drawn scatter: its SVG (for export), visibility control and teardown. */
export interface ScatterView {
  svg: SVGSVGElement;
  setVisible(visible: (i: number) => boolean): void;
}

/** Draws `data` into `host`; `onHover(i, x, y)` gets the point under the pointer (−1 for none) in host pixels. */
export function drawScatter(host: HTMLElement, data: FeatureSpaceData, title: string, onHover: (i: number, x: number, y: number) => void): ScatterView {
  const n = data.labels.length;
  const pts = normaliseEmbedding(data.embedding, n, data.dims);
  host.replaceChildren();
  const svg = d3.select(host).append('svg').attr('xmlns', 'http://www.w3.org/2000/svg').attr('viewBox', `0 0 ${SIZE} ${SIZE}`)
    .attr('width', SIZE).attr('height', SIZE).attr('role', 'img').attr('aria-label', title).style('touch-action', 'none').style('max-width', '100%').style('height', 'auto');
  svg.append('rect').attr('width', SIZE).attr('height', SIZE).attr('fill', '#ffffff');
  const layer = svg.append('g');
  const dots = layer.selectAll('circle').data(d3.range(n)).join('circle')
    .attr('fill', (i) => classColour(data.labels[i])).attr('fill-opacity', 0.8).attr('stroke', '#ffffff').attr('stroke-width', 0.4);
  let visible: (i: number) => boolean = () => true;
  const sx = new Float64Array(n);
  const sy = new Float64Array(n);
  let order: Int32Array | undefined;
  let transform = d3.zoomIdentity;
  const svgNode = svg.node()!;

  const place2d = () => {
    for (let i = 0; i < n; i++) {
      sx[i] = transform.applyX(SIZE / 2 + HALF * pts[2 * i]);
      sy[i] = transform.applyY(SIZE / 2 - HALF * pts[2 * i + 1]);
    }
    dots.attr('cx', (i) => sx[i]).attr('cy', (i) => sy[i]).attr('r', 3);
  };
  let yaw = 0.6;
  let pitch = -0.35;
  const place3d = () => {
    const p = projectPerspective(pts, n, rotationMatrix(yaw, pitch), 3, HALF);
    order = depthOrder(p.depth);
    for (let i = 0; i < n; i++) {
      sx[i] = SIZE / 2 + p.x[i];
      sy[i] = SIZE / 2 + p.y[i];
    }
    const far = Math.max(...p.depth);
    const near = Math.min(...p.depth);
    dots.attr('cx', (i) => sx[i]).attr('cy', (i) => sy[i]).attr('r', (i) => 3.2 * p.scale[i] / HALF)
      .attr('fill-opacity', (i) => 0.45 + 0.5 * (far - p.depth[i]) / Math.max(far - near, 1e-9));
    const rank = new Int32Array(n);
    order.forEach((i, t) => { rank[i] = t; });
    dots.sort((a, b) => rank[a] - rank[b]);
  };

  if (data.dims === 2) {
    svg.call(d3.zoom<SVGSVGElement, unknown>().scaleExtent([0.5, 40]).on('zoom', (ev: d3.D3ZoomEvent<SVGSVGElement, unknown>) => { transform = ev.transform; place2d(); }));
    place2d();
  } else {
    let last: { x: number; y: number } | null = null;
    svg.style('cursor', 'grab')
      .on('pointerdown', (ev: PointerEvent) => { last = { x: ev.clientX, y: ev.clientY }; svgNode.setPointerCapture(ev.pointerId); })
      .on('pointerup pointercancel', () => { last = null; });
    svg.on('pointermove.rotate', (ev: PointerEvent) => {
      if (!last) return;
      ({ yaw, pitch } = dragAngles(yaw, pitch, ev.clientX - last.x, ev.clientY - last.y));
      last = { x: ev.clientX, y: ev.clientY };
      place3d();
    });
    place3d();
  }

  svg.on('pointermove.hover', (ev: PointerEvent) => {
    const [px, py] = d3.pointer(ev, svgNode);
    const scale = svgNode.getBoundingClientRect().width / SIZE || 1;
    const i = pickPoint(sx, sy, px, py, HOVER_RADIUS / scale, visible, order);
    onHover(i, px * scale, py * scale);
  }).on('pointerleave', () => onHover(-1, 0, 0));

  return {
    svg: svgNode,
    setVisible(v) {
      visible = v;
      dots.attr('display', (i) => (v(i) ? null : 'none'));
    },
  };
}
