/**
 * Barnes–Hut space-partitioning tree over a 2-D (quadtree) or 3-D (octree) embedding, rebuilt each
 * iteration into preallocated typed arrays (they grow only when a larger tree is needed), and the
 * t-SNE repulsion it approximates: a cell of width w at distance r from a point counts as one body
 * at its centre of mass when w / r < theta (scikit-learn's criterion, the cell's full width).
 */

const MAX_DEPTH = 48;

/** A reusable quadtree/octree with the t-SNE repulsion on it. */
export class SpaceTree {
  private cap = 0;
  private count = 0;
  private child = new Int32Array(0);
  private mass = new Float64Array(0);
  private com = new Float64Array(0);
  private centre = new Float64Array(0);
  private half = new Float64Array(0);
  private point = new Int32Array(0);
  private readonly leafOf: Int32Array;
  /** Points sharing a leaf (identical positions, or the depth limit): a linked list from the leaf's point. */
  private readonly next: Int32Array;
  private readonly stack: Int32Array;
  /** Points in depth-first order of the tree: consecutive traversals touch the same cells. */
  private readonly order: Int32Array;
  private packed = new Float64Array(0);
  private readonly lo = new Float64Array(3);
  private readonly hi = new Float64Array(3);
  private readonly fanout: number;
  /** Repulsive forces F_i = Σ_j q_ij² (y_i − y_j), q = 1/(1+‖y_i−y_j‖²) unnormalised: [n, dims], written by repulsion(). */
  readonly forces: Float64Array;

  /** `forces` may be given to have the tree write into a shared buffer ([n, dims]). */
  constructor(readonly n: number, readonly dims: 2 | 3, forces?: Float64Array) {
    if (dims !== 2 && dims !== 3) throw new Error(`space tree: dims must be 2 or 3, got ${dims}`);
    this.fanout = 1 << dims;
    this.leafOf = new Int32Array(n);
    this.next = new Int32Array(n);
    this.order = new Int32Array(n);
    this.stack = new Int32Array(MAX_DEPTH * this.fanout + 8);
    this.forces = forces ?? new Float64Array(n * dims);
    this.grow(Math.max(64, 4 * n));
  }

  private grow(cap: number): void {
    const dims = this.dims;
    const copy = <T extends Float64Array | Int32Array>(old: T, make: (m: number) => T, per: number): T => {
      const next = make(cap * per);
      next.set(old.subarray(0, this.count * per));
      return next;
    };
    this.child = copy(this.child, (m) => new Int32Array(m), 1);
    this.mass = copy(this.mass, (m) => new Float64Array(m), 1);
    this.com = copy(this.com, (m) => new Float64Array(m), dims);
    this.centre = copy(this.centre, (m) => new Float64Array(m), dims);
    this.half = copy(this.half, (m) => new Float64Array(m), 1);
    this.point = copy(this.point, (m) => new Int32Array(m), 1);
    this.cap = cap;
  }

  private newNode(cx: number, cy: number, cz: number, h: number): number {
    if (this.count === this.cap) this.grow(this.cap * 2);
    const id = this.count++;
    const dims = this.dims;
    this.child[id] = -1;
    this.mass[id] = 0;
    this.point[id] = -1;
    this.half[id] = h;
    this.centre[id * dims] = cx;
    this.centre[id * dims + 1] = cy;
    if (dims === 3) this.centre[id * dims + 2] = cz;
    for (let a = 0; a < dims; a++) this.com[id * dims + a] = 0;
    return id;
  }

  /** Builds the tree over y ([n, dims]). */
  build(y: Float64Array): void {
    const { n, dims } = this;
    const { lo, hi } = this;
    lo.fill(Infinity);
    hi.fill(-Infinity);
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < dims; a++) {
        const v = y[i * dims + a];
        if (v < lo[a]) lo[a] = v;
        if (v > hi[a]) hi[a] = v;
      }
    }
    let h = 0;
    for (let a = 0; a < dims; a++) h = Math.max(h, (hi[a] - lo[a]) / 2);
    h = h * (1 + 1e-6) + 1e-12;
    this.count = 0;
    this.newNode((lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, dims === 3 ? (lo[2] + hi[2]) / 2 : 0, h);
    this.next.fill(-1);
    for (let i = 0; i < n; i++) this.insert(i, y);
    const { mass, com } = this;
    for (let node = 0; node < this.count; node++) {
      const m = mass[node];
      if (m > 0) for (let a = 0; a < dims; a++) com[node * dims + a] /= m;
    }
    this.pack();
  }

  private childFor(node: number, y: Float64Array, p: number): number {
    const dims = this.dims;
    let slot = 0;
    for (let a = 0; a < dims; a++) if (y[p * dims + a] >= this.centre[node * dims + a]) slot |= 1 << a;
    return this.child[node] + slot;
  }

  private subdivide(node: number): void {
    const dims = this.dims;
    const h = this.half[node] / 2;
    const cx = this.centre[node * dims];
    const cy = this.centre[node * dims + 1];
    const cz = dims === 3 ? this.centre[node * dims + 2] : 0;
    let first = -1;
    for (let slot = 0; slot < this.fanout; slot++) {
      const id = this.newNode(slot & 1 ? cx + h : cx - h, slot & 2 ? cy + h : cy - h, dims === 3 ? (slot & 4 ? cz + h : cz - h) : 0, h);
      if (first < 0) first = id;
    }
    this.child[node] = first;
  }

  private insert(p: number, y: Float64Array): void {
    const dims = this.dims;
    let node = 0;
    for (let depth = 0; ; depth++) {
      if (this.child[node] >= 0) {
        this.addMass(node, y, p);
        node = this.childFor(node, y, p);
        continue;
      }
      const q = this.point[node];
      if (this.mass[node] === 0) {
        this.point[node] = p;
        this.addMass(node, y, p);
        this.leafOf[p] = node;
        return;
      }
      let same = true;
      for (let a = 0; a < dims; a++) if (y[q * dims + a] !== y[p * dims + a]) same = false;
      if (same || depth >= MAX_DEPTH) {
        this.addMass(node, y, p);
        this.leafOf[p] = node;
        this.next[p] = this.next[q];
        this.next[q] = p;
        return;
      }
      this.subdivide(node);
      const target = this.childFor(node, y, q);
      this.point[target] = q;
      this.mass[target] = this.mass[node];
      for (let a = 0; a < dims; a++) this.com[target * dims + a] = this.com[node * dims + a];
      for (let r = q; r >= 0; r = this.next[r]) this.leafOf[r] = target;
      this.point[node] = -1;
      this.addMass(node, y, p);
      node = this.childFor(node, y, p);
    }
  }

  private addMass(node: number, y: Float64Array, p: number): void {
    const dims = this.dims;
    this.mass[node] += 1;
    for (let a = 0; a < dims; a++) this.com[node * dims + a] += y[p * dims + a];
  }

  /** Packs what the traversal reads into one record per node (com, mass, width²) and lists the points in depth-first order. */
  private pack(): void {
    const { dims, count, mass, com, half, child, stack } = this;
    const stride = dims + 2;
    if (this.packed.length < count * stride) this.packed = new Float64Array(this.cap * stride);
    const rec = this.packed;
    for (let node = 0; node < count; node++) {
      const o = node * stride;
      for (let a = 0; a < dims; a++) rec[o + a] = com[node * dims + a];
      rec[o + dims] = mass[node];
      rec[o + dims + 1] = 4 * half[node] * half[node];
    }
    let order = 0;
    let sp = 0;
    stack[sp++] = 0;
    while (sp > 0) {
      const node = stack[--sp];
      const first = child[node];
      if (first >= 0) {
        for (let c = first + this.fanout - 1; c >= first; c--) if (mass[c] > 0) stack[sp++] = c;
      } else if (mass[node] > 0) {
        for (let r = this.point[node]; r >= 0; r = this.next[r]) this.order[order++] = r;
      }
    }
  }

  /**
   * The repulsion at angle theta of the points at positions [from, to) of the tree's depth-first
   * order (all points by default; ranges let threads share the work); returns their part of Z.
   * build() must have run on the same y.
   */
  repulsion(y: Float64Array, theta: number, from = 0, to = this.n): number {
    const t2 = theta * theta;
    return this.dims === 2
      ? repulsion2(y, from, to, t2, this.packed, this.child, this.centre, this.half, this.stack, this.leafOf, this.order, this.forces)
      : repulsion3(y, from, to, t2, this.packed, this.child, this.centre, this.half, this.stack, this.leafOf, this.order, this.forces);
  }
}

/** Quadtree traversal; node records are [comX, comY, mass, width²], children in `child`. Returns the points' part of Z = Σ_{i≠j} q_ij. */
function repulsion2(y: Float64Array, from: number, to: number, theta2: number, rec: Float64Array, child: Int32Array, centre: Float64Array, half: Float64Array, stack: Int32Array, leafOf: Int32Array, order: Int32Array, forces: Float64Array): number {
  let z = 0;
  for (let t = from; t < to; t++) {
    const i = order[t];
    const y0 = y[2 * i];
    const y1 = y[2 * i + 1];
    const own = leafOf[i];
    let f0 = 0;
    let f1 = 0;
    let sp = 0;
    stack[sp++] = 0;
    while (sp > 0) {
      const node = stack[--sp];
      const o = node * 4;
      let m = rec[o + 2];
      const d0 = y0 - rec[o];
      const d1 = y1 - rec[o + 1];
      const r2 = d0 * d0 + d1 * d1;
      const first = child[node];
      if (first >= 0) {
        if (rec[o + 3] >= theta2 * r2 || (Math.abs(y0 - centre[2 * node]) <= half[node] && Math.abs(y1 - centre[2 * node + 1]) <= half[node])) {
          for (let c = first + 3; c >= first; c--) if (rec[c * 4 + 2] > 0) stack[sp++] = c;
          continue;
        }
      } else if (node === own) {
        m -= 1;
        if (m === 0) continue;
      }
      const q = 1 / (1 + r2);
      const mq = m * q;
      z += mq;
      const mq2 = mq * q;
      f0 += mq2 * d0;
      f1 += mq2 * d1;
    }
    forces[2 * i] = f0;
    forces[2 * i + 1] = f1;
  }
  return z;
}

/** Octree traversal, as repulsion2 with records [comX, comY, comZ, mass, width²]. */
function repulsion3(y: Float64Array, from: number, to: number, theta2: number, rec: Float64Array, child: Int32Array, centre: Float64Array, half: Float64Array, stack: Int32Array, leafOf: Int32Array, order: Int32Array, forces: Float64Array): number {
  let z = 0;
  for (let t = from; t < to; t++) {
    const i = order[t];
    const y0 = y[3 * i];
    const y1 = y[3 * i + 1];
    const y2 = y[3 * i + 2];
    const own = leafOf[i];
    let f0 = 0;
    let f1 = 0;
    let f2 = 0;
    let sp = 0;
    stack[sp++] = 0;
    while (sp > 0) {
      const node = stack[--sp];
      const o = node * 5;
      let m = rec[o + 3];
      const d0 = y0 - rec[o];
      const d1 = y1 - rec[o + 1];
      const d2 = y2 - rec[o + 2];
      const r2 = d0 * d0 + d1 * d1 + d2 * d2;
      const first = child[node];
      if (first >= 0) {
        if (rec[o + 4] >= theta2 * r2 || (Math.abs(y0 - centre[3 * node]) <= half[node] && Math.abs(y1 - centre[3 * node + 1]) <= half[node] && Math.abs(y2 - centre[3 * node + 2]) <= half[node])) {
          for (let c = first + 7; c >= first; c--) if (rec[c * 5 + 3] > 0) stack[sp++] = c;
          continue;
        }
      } else if (node === own) {
        m -= 1;
        if (m === 0) continue;
      }
      const q = 1 / (1 + r2);
      const mq = m * q;
      z += mq;
      const mq2 = mq * q;
      f0 += mq2 * d0;
      f1 += mq2 * d1;
      f2 += mq2 * d2;
    }
    forces[3 * i] = f0;
    forces[3 * i + 1] = f1;
    forces[3 * i + 2] = f2;
  }
  return z;
}
