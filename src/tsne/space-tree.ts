/**
 * Barnes–Hut space-partitioning tree over a 2-D (quadtree) or 3-D (octree) embedding, rebuilt each
 * iteration into preallocated typed arrays (they grow only when a larger tree is needed), and the
 * t-SNE repulsion it approximates: a cell of width w at distance r from a point counts as one body
 * at its centre of mass when w / r < theta (scikit-learn's criterion, the cell's full width), with r
 * taken to the bounding box of a group of nearby points so that one walk serves the whole group
 * (grouped-repulsion.ts).
 */
import { groupedRepulsion, InteractionList, type TreeView } from './grouped-repulsion';

const MAX_DEPTH = 48;
/** Points per group (at most): subtrees this small share one walk of the tree. */
export const GROUP_SIZE = 32;

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
  /** Points sharing a leaf (identical positions, or the depth limit): a linked list from the leaf's point. */
  private readonly next: Int32Array;
  private readonly stack: Int32Array;
  /** Points in depth-first order of the tree: consecutive traversals touch the same cells. */
  private readonly order: Int32Array;
  /** Group g holds order[groupStart[g] .. groupStart[g + 1]). */
  private readonly groupStart: Int32Array;
  private groups = 0;
  /** Groups of the last build (at most n). */
  get groupCount(): number {
    return this.groups;
  }
  private readonly list = new InteractionList();
  private readonly box = new Float64Array(6);
  private packed = new Float64Array(0);
  private readonly lo = new Float64Array(3);
  private readonly hi = new Float64Array(3);
  private readonly fanout: number;
  /** Repulsive forces F_i = Σ_j q_ij² (y_i − y_j), q = 1/(1+‖y_i−y_j‖²) unnormalised: [n, dims], written by repulsion(). */
  readonly forces: Float64Array;

  /** `forces` may be given to have the tree write into a shared buffer ([n, dims]). */
  constructor(
    readonly n: number,
    readonly dims: 2 | 3,
    forces?: Float64Array,
  ) {
    if (dims !== 2 && dims !== 3) throw new Error(`space tree: dims must be 2 or 3, got ${dims}`);
    this.fanout = 1 << dims;
    this.next = new Int32Array(n);
    this.order = new Int32Array(n);
    this.groupStart = new Int32Array(n + 1);
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
    this.sumMasses(y);
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

  /** Places point p in a leaf (masses and centres of mass come after, bottom-up, in sumMasses). */
  private insert(p: number, y: Float64Array): void {
    const dims = this.dims;
    let node = 0;
    for (let depth = 0; ; depth++) {
      if (this.child[node] >= 0) {
        node = this.childFor(node, y, p);
        continue;
      }
      const q = this.point[node];
      if (q < 0) {
        this.point[node] = p;
        return;
      }
      let same = true;
      for (let a = 0; a < dims; a++) if (y[q * dims + a] !== y[p * dims + a]) same = false;
      if (same || depth >= MAX_DEPTH) {
        this.next[p] = this.next[q];
        this.next[q] = p;
        return;
      }
      this.subdivide(node);
      this.point[this.childFor(node, y, q)] = q;
      this.point[node] = -1;
      node = this.childFor(node, y, p);
    }
  }

  /** Masses and centres of mass, children before parents (a child's id is above its parent's). */
  private sumMasses(y: Float64Array): void {
    const { dims, mass, com, child, point, next, fanout } = this;
    for (let node = this.count - 1; node >= 0; node--) {
      const o = node * dims;
      let m = 0;
      for (let a = 0; a < dims; a++) com[o + a] = 0;
      const first = child[node];
      if (first >= 0) {
        for (let c = first; c < first + fanout; c++) {
          m += mass[c];
          for (let a = 0; a < dims; a++) com[o + a] += com[c * dims + a];
        }
      } else {
        for (let r = point[node]; r >= 0; r = next[r]) {
          m++;
          for (let a = 0; a < dims; a++) com[o + a] += y[r * dims + a];
        }
      }
      mass[node] = m;
    }
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
    let groups = 0;
    let groupEnd = 0;
    stack[sp++] = 0;
    while (sp > 0) {
      const node = stack[--sp];
      if (order >= groupEnd && (mass[node] <= GROUP_SIZE || child[node] < 0)) {
        this.groupStart[groups++] = order;
        groupEnd = order + mass[node];
      }
      const first = child[node];
      if (first >= 0) {
        for (let c = first + this.fanout - 1; c >= first; c--) if (mass[c] > 0) stack[sp++] = c;
      } else if (mass[node] > 0) {
        for (let r = this.point[node]; r >= 0; r = this.next[r]) this.order[order++] = r;
      }
    }
    this.groupStart[groups] = order;
    this.groups = groups;
  }

  /**
   * The repulsion at angle theta of the points of part `part` of `parts` (consecutive groups of
   * about n / parts points, so threads can share the work; all points by default) into `forces`;
   * returns their part of Z (and each group's part into `perGroupZ`, indexed by group). build()
   * must have run on the same y.
   */
  repulsion(y: Float64Array, theta: number, part = 0, parts = 1, perGroupZ?: Float64Array): number {
    const { groupStart, groups } = this;
    const bound = (t: number) => {
      const target = Math.floor((t * this.n) / parts);
      let g = 0;
      while (g < groups && groupStart[g] < target) g++;
      return g;
    };
    const view: TreeView = {
      dims: this.dims,
      rec: this.packed,
      child: this.child,
      centre: this.centre,
      half: this.half,
      stack: this.stack,
      order: this.order,
      groupStart,
      groups,
    };
    return groupedRepulsion(
      view,
      y,
      theta,
      bound(part),
      part === parts - 1 ? groups : bound(part + 1),
      this.list,
      this.box,
      this.forces,
      perGroupZ,
    );
  }
}
