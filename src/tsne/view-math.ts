/** Geometry of the feature-space views (pure): fitting an embedding to the view, 3-D rotation, perspective, depth order, hover picking, keys, class centroids. */

/** Centres each coordinate and scales so the farthest point lies at distance 1 from the centre. */
export function normaliseEmbedding(embedding: ArrayLike<number>, n: number, dims: number): Float64Array {
  const out = new Float64Array(n * dims);
  if (n === 0) return out;
  const mean = new Float64Array(dims);
  for (let i = 0; i < n; i++) for (let a = 0; a < dims; a++) mean[a] += embedding[i * dims + a] / n;
  let r = 0;
  for (let i = 0; i < n; i++) {
    let r2 = 0;
    for (let a = 0; a < dims; a++) {
      const v = embedding[i * dims + a] - mean[a];
      out[i * dims + a] = v;
      r2 += v * v;
    }
    r = Math.max(r, Math.sqrt(r2));
  }
  if (r > 0) for (let e = 0; e < out.length; e++) out[e] /= r;
  return out;
}

/** Row-major 3×3 rotation: first about the vertical axis by `yaw`, then about the horizontal axis by `pitch` (radians). */
export function rotationMatrix(yaw: number, pitch: number): Float64Array {
  const cy = Math.cos(yaw);
  const sy = Math.sin(yaw);
  const cp = Math.cos(pitch);
  const sp = Math.sin(pitch);
  // Rx(pitch) · Ry(yaw)
  return Float64Array.from([cy, 0, sy, sp * sy, cp, -sp * cy, -cp * sy, sp, cp * cy]);
}

/** New view angles after dragging by (dx, dy) pixels: yaw follows x, pitch follows y, clamped to ±90°. */
export function dragAngles(yaw: number, pitch: number, dx: number, dy: number, radiansPerPixel = 0.01): { yaw: number; pitch: number } {
  const limit = Math.PI / 2;
  return { yaw: yaw + dx * radiansPerPixel, pitch: Math.max(-limit, Math.min(limit, pitch + dy * radiansPerPixel)) };
}

/** Screen positions (x right, y down, in units of `focal`), the depth along the view axis and the perspective scale of each point. */
export interface Projection {
  x: Float64Array;
  y: Float64Array;
  depth: Float64Array;
  scale: Float64Array;
}

/**
 * Perspective projection of [n, 3] points (normalised to radius 1) rotated by `rotation`, seen from
 * a camera at `distance` on the +z axis (distance > 1 keeps every point in front of it).
 */
export function projectPerspective(points: ArrayLike<number>, n: number, rotation: ArrayLike<number>, distance = 3, focal = 1): Projection {
  if (!(distance > 1)) throw new Error(`projection: the camera distance must exceed 1 (the points' radius), got ${distance}`);
  const out: Projection = { x: new Float64Array(n), y: new Float64Array(n), depth: new Float64Array(n), scale: new Float64Array(n) };
  const r = rotation;
  for (let i = 0; i < n; i++) {
    const px = points[3 * i];
    const py = points[3 * i + 1];
    const pz = points[3 * i + 2];
    const x = r[0] * px + r[1] * py + r[2] * pz;
    const y = r[3] * px + r[4] * py + r[5] * pz;
    const z = r[6] * px + r[7] * py + r[8] * pz;
    const depth = distance - z;
    const s = (focal * (distance - 1)) / depth;
    out.x[i] = x * s;
    out.y[i] = -y * s;
    out.depth[i] = depth;
    out.scale[i] = s;
  }
  return out;
}

/** Indices from the farthest point to the nearest (painter's order: draw in this order so near points cover far ones); ties by index. */
export function depthOrder(depth: ArrayLike<number>): Int32Array {
  const order = Int32Array.from({ length: depth.length }, (_, i) => i);
  order.sort((a, b) => depth[b] - depth[a] || a - b);
  return order;
}

/**
 * The visible point nearest to (px, py) within `radius`, or −1. With `order` (painter's order), a
 * tie goes to the point drawn last, the one on top.
 */
export function pickPoint(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  px: number,
  py: number,
  radius: number,
  visible?: (i: number) => boolean,
  order?: ArrayLike<number>,
): number {
  let best = -1;
  let bestD = radius * radius;
  const n = x.length;
  for (let t = 0; t < n; t++) {
    const i = order ? order[t] : t;
    if (visible && !visible(i)) continue;
    const d = (x[i] - px) ** 2 + (y[i] - py) ** 2;
    if (d < bestD || (d === bestD && order && best >= 0)) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** What a key does to a view: pan (2-D, in view pixels), rotate (3-D, radians), zoom by a factor, or reset. */
export type ViewKeyAction =
  | { kind: 'pan'; dx: number; dy: number }
  | { kind: 'rotate'; yaw: number; pitch: number }
  | { kind: 'zoom'; factor: number }
  | { kind: 'reset' };

/** Pixels one arrow press pans a 2-D view, radians it turns a 3-D one, and the zoom factor of + and −. */
export const KEY_STEPS = { pan: 24, turn: Math.PI / 24, zoom: 1.25 } as const;

/** The action of a key (KeyboardEvent.key) on a `dims`-D view: arrows pan (2-D) or rotate (3-D), + and − zoom, 0 or Home resets; null for other keys. */
export function viewKeyAction(key: string, dims: 2 | 3): ViewKeyAction | null {
  const arrows: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  const a = arrows[key];
  if (a) {
    return dims === 2
      ? { kind: 'pan', dx: (0 - a[0]) * KEY_STEPS.pan, dy: (0 - a[1]) * KEY_STEPS.pan }
      : { kind: 'rotate', yaw: a[0] * KEY_STEPS.turn, pitch: a[1] * KEY_STEPS.turn };
  }
  if (key === '+' || key === '=') return { kind: 'zoom', factor: KEY_STEPS.zoom };
  if (key === '-' || key === '_') return { kind: 'zoom', factor: 1 / KEY_STEPS.zoom };
  if (key === '0' || key === 'Home') return { kind: 'reset' };
  return null;
}

/** One class's centre in the view's coordinates (normaliseEmbedding's units) and how many shown points it has. */
export interface ClassCentroid {
  label: number;
  count: number;
  centre: number[];
}

/** The mean position of each class's points among those `visible` (classes with no visible point are left out). */
export function classCentroids(
  points: ArrayLike<number>,
  n: number,
  dims: number,
  labels: ArrayLike<number>,
  visible?: (i: number) => boolean,
): ClassCentroid[] {
  const sums = new Map<number, { count: number; sum: Float64Array }>();
  for (let i = 0; i < n; i++) {
    if (visible && !visible(i)) continue;
    const c = labels[i];
    let s = sums.get(c);
    if (!s) sums.set(c, (s = { count: 0, sum: new Float64Array(dims) }));
    s.count++;
    for (let a = 0; a < dims; a++) s.sum[a] += points[i * dims + a];
  }
  return [...sums.entries()]
    .sort((p, q) => p[0] - q[0])
    .map(([label, s]) => ({ label, count: s.count, centre: Array.from(s.sum, (v) => v / s.count) }));
}

/** For each centroid, the `k` other classes whose centroids are nearest (Euclidean, nearest first; ties by label). */
export function nearestClasses(
  centroids: readonly ClassCentroid[],
  k = 2,
): { label: number; nearest: { label: number; distance: number }[] }[] {
  return centroids.map((c) => ({
    label: c.label,
    nearest: centroids
      .filter((o) => o.label !== c.label)
      .map((o) => ({ label: o.label, distance: Math.hypot(...c.centre.map((v, a) => v - o.centre[a])) }))
      .sort((p, q) => p.distance - q.distance || p.label - q.label)
      .slice(0, k),
  }));
}
