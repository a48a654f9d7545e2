/**
 * D3 drawing of an embedding as an SVG scatter coloured by class: in 2-D with zoom and pan, in 3-D
 * rotated by dragging (perspective, depth-sorted, nearer points larger); focusable, with keys for the
 * same (arrows, + and −, 0). Hover reports the point under the pointer; `setVisible` hides classes or
 * splits. The geometry is src/tsne/view-math.ts.
 */
import * as d3 from 'd3';
import {
  depthOrder,
  dragAngles,
  normaliseEmbedding,
  pickPoint,
  projectPerspective,
  rotationMatrix,
  viewKeyAction,
} from '../../src/tsne/view-math';
import { classColour, type FeatureSpaceData } from './feature-data';

const SIZE = 520;
const HALF = SIZE / 2 - 16;
const HOVER_RADIUS = 8;

/** A drawn scatter: its SVG (for export), the points as drawn before zoom or rotation (normalised), and visibility control. */
export interface ScatterView {
  svg: SVGSVGElement;
  points: Float64Array;
  setVisible(visible: (i: number) => boolean): void;
}

/** The zoom range of both views. */
const ZOOM_EXTENT: [number, number] = [0.5, 40];

/** Draws `data` into `host`; `onHover(i, x, y)` gets the point under the pointer (−1 for none) in host pixels. */
export function drawScatter(
  host: HTMLElement,
  data: FeatureSpaceData,
  title: string,
  onHover: (i: number, x: number, y: number) => void,
): ScatterView {
  const n = data.labels.length;
  const pts = normaliseEmbedding(data.embedding, n, data.dims);
  host.replaceChildren();
  const svg = d3
    .select(host)
    .append('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('viewBox', `0 0 ${SIZE} ${SIZE}`)
    .attr('width', SIZE)
    .attr('height', SIZE)
    .attr('role', 'img')
    .attr('aria-label', title)
    .attr('tabindex', 0)
    .style('touch-action', 'none')
    .style('max-width', '100%')
    .style('height', 'auto');
  svg.append('rect').attr('width', SIZE).attr('height', SIZE).attr('fill', '#ffffff');
  const layer = svg.append('g');
  const dots = layer
    .selectAll('circle')
    .data(d3.range(n))
    .join('circle')
    .attr('fill', (i) => classColour(data.labels[i]))
    .attr('fill-opacity', 0.8)
    .attr('stroke', '#ffffff')
    .attr('stroke-width', 0.4);
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
    dots
      .attr('cx', (i) => sx[i])
      .attr('cy', (i) => sy[i])
      .attr('r', 3);
  };
  const START = { yaw: 0.6, pitch: -0.35 };
  let yaw = START.yaw;
  let pitch = START.pitch;
  let zoom3d = 1;
  const place3d = () => {
    const p = projectPerspective(pts, n, rotationMatrix(yaw, pitch), 3, HALF * zoom3d);
    order = depthOrder(p.depth);
    for (let i = 0; i < n; i++) {
      sx[i] = SIZE / 2 + p.x[i];
      sy[i] = SIZE / 2 + p.y[i];
    }
    const far = Math.max(...p.depth);
    const near = Math.min(...p.depth);
    dots
      .attr('cx', (i) => sx[i])
      .attr('cy', (i) => sy[i])
      .attr('r', (i) => (3.2 * p.scale[i]) / HALF)
      .attr('fill-opacity', (i) => 0.45 + (0.5 * (far - p.depth[i])) / Math.max(far - near, 1e-9));
    const rank = new Int32Array(n);
    order.forEach((i, t) => {
      rank[i] = t;
    });
    dots.sort((a, b) => rank[a] - rank[b]);
  };

  const zoomer = d3
    .zoom<SVGSVGElement, unknown>()
    .scaleExtent(ZOOM_EXTENT)
    .on('zoom', (ev: d3.D3ZoomEvent<SVGSVGElement, unknown>) => {
      transform = ev.transform;
      place2d();
    });
  svg.on('keydown', (ev: KeyboardEvent) => {
    const act = viewKeyAction(ev.key, data.dims);
    if (!act || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    ev.preventDefault();
    if (data.dims === 2) {
      if (act.kind === 'pan') zoomer.translateBy(svg, act.dx / transform.k, act.dy / transform.k);
      else if (act.kind === 'zoom') zoomer.scaleBy(svg, act.factor, [SIZE / 2, SIZE / 2]);
      else if (act.kind === 'reset') zoomer.transform(svg, d3.zoomIdentity);
      return;
    }
    if (act.kind === 'rotate') ({ yaw, pitch } = dragAngles(yaw, pitch, act.yaw, act.pitch, 1));
    else if (act.kind === 'zoom') zoom3d = Math.min(ZOOM_EXTENT[1], Math.max(ZOOM_EXTENT[0], zoom3d * act.factor));
    else if (act.kind === 'reset') ({ yaw, pitch, zoom3d } = { ...START, zoom3d: 1 });
    place3d();
  });

  if (data.dims === 2) {
    svg.call(zoomer);
    place2d();
  } else {
    let last: { x: number; y: number } | null = null;
    svg
      .style('cursor', 'grab')
      .on('pointerdown', (ev: PointerEvent) => {
        last = { x: ev.clientX, y: ev.clientY };
        svgNode.setPointerCapture(ev.pointerId);
      })
      .on('pointerup pointercancel', () => {
        last = null;
      });
    svg.on('pointermove.rotate', (ev: PointerEvent) => {
      if (!last) return;
      ({ yaw, pitch } = dragAngles(yaw, pitch, ev.clientX - last.x, ev.clientY - last.y));
      last = { x: ev.clientX, y: ev.clientY };
      place3d();
    });
    place3d();
  }

  svg
    .on('pointermove.hover', (ev: PointerEvent) => {
      const [px, py] = d3.pointer(ev, svgNode);
      const scale = svgNode.getBoundingClientRect().width / SIZE || 1;
      const i = pickPoint(sx, sy, px, py, HOVER_RADIUS / scale, visible, order);
      onHover(i, px * scale, py * scale);
    })
    .on('pointerleave', () => onHover(-1, 0, 0));

  return {
    svg: svgNode,
    points: pts,
    setVisible(v) {
      visible = v;
      dots.attr('display', (i) => (v(i) ? null : 'none'));
    },
  };
}
