/** Geometry of the feature-space views (pure): fitting an embedding to the view, 3-D rotation, perspective, depth order, hover picking. */

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
  return Float64Array.from([
    cy, 0, sy,
    sp * sy, cp, -sp * cy,
    -cp * sy, sp, cp * cy,
  ]);
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
    const s = focal * (distance - 1) / depth;
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
export function pickPoint(x: ArrayLike<number>, y: ArrayLike<number>, px: number, py: number, radius: number, visible?: (i: number) => boolean, order?: ArrayLike<number>): number {
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
