/**
 * The Barnes–Hut repulsion walked once per group of nearby points instead of once per point
 * (Barnes 1990): a group is a small subtree of the space tree; one walk gathers, into a flat list,
 * every cell that is far enough from the whole group's bounding box (width / distance < theta for
 * each of its points, so never coarser than the per-point rule) and the single points of the rest;
 * then each point of the group sums the list in a tight, branch-free loop.
 */

/** What the walks read from a built tree (see SpaceTree). */
export interface TreeView {
  dims: 2 | 3;
  /** Per node: centre of mass (dims), mass, cell width². */
  rec: Float64Array;
  child: Int32Array;
  centre: Float64Array;
  half: Float64Array;
  stack: Int32Array;
  /** Points in depth-first order; group g holds order[groupStart[g] .. groupStart[g + 1]). */
  order: Int32Array;
  groupStart: Int32Array;
  groups: number;
}

/** A growable interaction list: [x, y, (z,) mass] per entry. */
export class InteractionList {
  data: Float64Array = new Float64Array(4096);

  /** Makes room for `entries` entries of `stride` values; returns the (possibly new) array. */
  reserve(entries: number, stride: number): Float64Array {
    if (this.data.length < entries * stride) {
      const next = new Float64Array(Math.max(entries * stride, 2 * this.data.length));
      next.set(this.data);
      this.data = next;
    }
    return this.data;
  }
}

/** Bounding box of group g's points as [lo…, hi…] into box (2·dims). */
function groupBox(t: TreeView, y: Float64Array, g: number, box: Float64Array): void {
  const dims = t.dims;
  for (let a = 0; a < dims; a++) {
    box[a] = Infinity;
    box[dims + a] = -Infinity;
  }
  for (let s = t.groupStart[g]; s < t.groupStart[g + 1]; s++) {
    const o = t.order[s] * dims;
    for (let a = 0; a < dims; a++) {
      const v = y[o + a];
      if (v < box[a]) box[a] = v;
      if (v > box[dims + a]) box[dims + a] = v;
    }
  }
}

/** Fills list with group g's interactions; returns their count. */
function gather(t: TreeView, box: Float64Array, theta2: number, list: InteractionList): number {
  const { dims, rec, child, centre, half, stack } = t;
  const stride = dims + 2;
  const es = dims + 1;
  let out: Float64Array = list.data;
  let count = 0;
  // The centre of the group's box: inside every cell that holds the group, which is always opened.
  const gc0 = (box[0] + box[dims]) / 2;
  const gc1 = (box[1] + box[dims + 1]) / 2;
  const gc2 = dims === 3 ? (box[2] + box[5]) / 2 : 0;
  let sp = 0;
  stack[sp++] = 0;
  while (sp > 0) {
    const node = stack[--sp];
    const o = node * stride;
    const c0 = rec[o];
    const c1 = rec[o + 1];
    const c2 = dims === 3 ? rec[o + 2] : 0;
    const first = child[node];
    if (first >= 0) {
      const e0 = Math.max(box[0] - c0, 0, c0 - box[dims]);
      const e1 = Math.max(box[1] - c1, 0, c1 - box[dims + 1]);
      const e2 = dims === 3 ? Math.max(box[2] - c2, 0, c2 - box[5]) : 0;
      const h = half[node];
      const cb = node * dims;
      if (
        rec[o + dims + 1] >= theta2 * (e0 * e0 + e1 * e1 + e2 * e2) ||
        (Math.abs(gc0 - centre[cb]) <= h && Math.abs(gc1 - centre[cb + 1]) <= h && (dims === 2 || Math.abs(gc2 - centre[cb + 2]) <= h))
      ) {
        for (let c = first + (1 << dims) - 1; c >= first; c--) if (rec[c * stride + dims] > 0) stack[sp++] = c;
        continue;
      }
    }
    if ((count + 1) * es > out.length) out = list.reserve(count + 1, es);
    const w = count * es;
    out[w] = c0;
    out[w + 1] = c1;
    if (dims === 3) out[w + 2] = c2;
    out[w + dims] = rec[o + dims];
    count++;
  }
  return count;
}

/** Sums a 2-D list for the points of one group; returns their part of Z (self-pairs removed). */
function apply2(
  y: Float64Array,
  list: Float64Array,
  count: number,
  order: Int32Array,
  from: number,
  to: number,
  forces: Float64Array,
): number {
  let z = 0;
  const end = count * 3;
  for (let s = from; s < to; s++) {
    const i = order[s];
    const y0 = y[2 * i];
    const y1 = y[2 * i + 1];
    let f0 = 0;
    let f1 = 0;
    let zi = 0;
    for (let e = 0; e < end; e += 3) {
      const d0 = y0 - list[e];
      const d1 = y1 - list[e + 1];
      const q = 1 / (1 + d0 * d0 + d1 * d1);
      const mq = list[e + 2] * q;
      zi += mq;
      const mq2 = mq * q;
      f0 += mq2 * d0;
      f1 += mq2 * d1;
    }
    forces[2 * i] = f0;
    forces[2 * i + 1] = f1;
    z += zi - 1;
  }
  return z;
}

/** As apply2 in 3-D. */
function apply3(
  y: Float64Array,
  list: Float64Array,
  count: number,
  order: Int32Array,
  from: number,
  to: number,
  forces: Float64Array,
): number {
  let z = 0;
  const end = count * 4;
  for (let s = from; s < to; s++) {
    const i = order[s];
    const y0 = y[3 * i];
    const y1 = y[3 * i + 1];
    const y2 = y[3 * i + 2];
    let f0 = 0;
    let f1 = 0;
    let f2 = 0;
    let zi = 0;
    for (let e = 0; e < end; e += 4) {
      const d0 = y0 - list[e];
      const d1 = y1 - list[e + 1];
      const d2 = y2 - list[e + 2];
      const q = 1 / (1 + d0 * d0 + d1 * d1 + d2 * d2);
      const mq = list[e + 3] * q;
      zi += mq;
      const mq2 = mq * q;
      f0 += mq2 * d0;
      f1 += mq2 * d1;
      f2 += mq2 * d2;
    }
    forces[3 * i] = f0;
    forces[3 * i + 1] = f1;
    forces[3 * i + 2] = f2;
    z += zi - 1;
  }
  return z;
}

/**
 * Repulsive forces F_i = Σ_j q_ij² (y_i − y_j) (q unnormalised) for the points of groups
 * [fromGroup, toGroup) into forces; returns their part of Z = Σ_{i≠j} q_ij, summed group by group
 * (each group's part also into `perGroupZ` when given, for threads).
 */
export function groupedRepulsion(
  t: TreeView,
  y: Float64Array,
  theta: number,
  fromGroup: number,
  toGroup: number,
  list: InteractionList,
  box: Float64Array,
  forces: Float64Array,
  perGroupZ?: Float64Array,
): number {
  const theta2 = theta * theta;
  let z = 0;
  for (let g = fromGroup; g < toGroup; g++) {
    groupBox(t, y, g, box);
    const count = gather(t, box, theta2, list);
    const from = t.groupStart[g];
    const to = t.groupStart[g + 1];
    const zg =
      t.dims === 2 ? apply2(y, list.data, count, t.order, from, to, forces) : apply3(y, list.data, count, t.order, from, to, forces);
    if (perGroupZ) perGroupZ[g] = zg;
    z += zg;
  }
  return z;
}
