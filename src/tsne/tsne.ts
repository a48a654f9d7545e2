/**
 * t-SNE in 2-D and 3-D (van der Maaten 2014) with openTSNE's schedule: the repulsion summed over
 * all pairs by a WebAssembly SIMD kernel up to EXACT_LIMIT points (faster than a tree at that size,
 * and exact), Barnes–Hut above it or where SIMD is missing; exact kNN
 * (3·perplexity neighbours), perplexity calibration, symmetric sparse P, PCA initialisation scaled
 * to std 1e-4, early exaggeration 12 for 250 iterations at momentum 0.5 and learning rate
 * max(N/12, 200), then 500 iterations at momentum 0.8 and learning rate max(N, 200) (openTSNE's
 * per-phase "auto"; a learning rate that is set holds in both phases), gains (+0.2 / ×0.8, at
 * least 0.01, reset between the phases as scikit-learn). Deterministic for a seed; the iterations
 * allocate nothing.
 */
import { mulberry32 } from '../data/rng';
import { conditionalP, symmetricP, type SparseP } from './affinities';
import { distanceRows, type DistanceRows } from './distance-kernel';
import { exactKernelAvailable, exactKernelGradient } from './exact-gradient';
import { barnesHutGradient, exactKl } from './gradient';
import { exactKnn } from './knn';
import { pcaScores } from './pca';
import { SpaceTree } from './space-tree';
import { yieldToEventLoop } from './event-loop';

/** How the repulsion is summed: over all pairs (SIMD), or by the Barnes–Hut tree at `theta`. */
export type TsneMethod = 'exact' | 'barnes-hut';

/** What the caller may set; everything has the default named in the module comment. */
export interface TsneOptions {
  dims?: 2 | 3;
  /** 'auto' (the default): exact up to EXACT_LIMIT points where WebAssembly SIMD runs, else Barnes–Hut. */
  method?: TsneMethod | 'auto';
  perplexity?: number;
  iterations?: number;
  seed?: number;
  theta?: number;
  earlyExaggeration?: number;
  exaggerationIterations?: number;
  /** Learning rate during early exaggeration; default max(N / earlyExaggeration, 200). */
  learningRate?: number;
  /** Learning rate after early exaggeration; default max(N, 200), or learningRate when that is set. */
  finalLearningRate?: number;
  init?: 'pca' | 'random';
  /** KL is computed (and progress reported) every this many iterations. */
  klEvery?: number;
}

/** The options with every default filled in, as the run used them. */
export type TsneSettings = Required<Omit<TsneOptions, 'method'>> & { method: TsneMethod };

/** Reported every `klEvery` iterations and after the last. */
export interface TsneProgress {
  iteration: number;
  iterations: number;
  /** KL(P‖Q) with Q's normaliser from the tree (approximate). */
  kl: number;
}

/** The finished (or cancelled) embedding. */
export interface TsneResult {
  /** [n, dims] row-major. */
  embedding: Float32Array;
  n: number;
  dims: 2 | 3;
  /** KL(P‖Q) of the returned embedding, Q over all pairs when n ≤ 10,000, else from the tree. */
  kl: number;
  /** Iterations done (fewer than asked when cancelled). */
  iterations: number;
  cancelled: boolean;
  settings: TsneSettings;
  /** Seconds spent on kNN + affinities, and on the iterations. */
  seconds: { affinities: number; optimisation: number };
}

/** Callbacks and the cancel flag (an AbortSignal works); `gradient` swaps in another gradient (the CLI's threads). */
export interface TsneHooks {
  onProgress?: (p: TsneProgress) => void;
  signal?: { readonly aborted: boolean };
  gradient?: (p: SparseP, settings: TsneSettings) => GradientFn;
  /** The features' distance rows to use for the kNN (a cache the caller shares with trustworthiness). */
  distances?: DistanceRows;
  /** pcaScores(x, n, d, dims, seed), computed elsewhere (by a helper thread) for the PCA initialisation. */
  pcaScores?: Float64Array;
  /** inputAffinities(x, n, d, perplexity), computed elsewhere (by the threads of a pool). */
  p?: SparseP;
}

const EXACT_KL_LIMIT = 10_000;

/** Most points 'auto' sums exactly: above it the tree is faster (npm run bench:tsne -- --n … --method …). */
export const EXACT_LIMIT = 5_000;

/** Checks the shape and finiteness of [n, d] features; throws naming the first bad value. */
export function validateFeatures(x: ArrayLike<number>, n: number, d: number): void {
  if (!Number.isInteger(n) || !Number.isInteger(d) || n < 1 || d < 1)
    throw new Error(`t-SNE: features must be [N, D] with N, D ≥ 1, got [${n}, ${d}]`);
  if (x.length !== n * d) throw new Error(`t-SNE: ${x.length} values do not make [${n}, ${d}]`);
  for (let e = 0; e < x.length; e++) {
    const v = x[e];
    if (!Number.isFinite(v))
      throw new Error(`t-SNE: features[${Math.floor(e / d)}, ${e % d}] is ${v} (every value must be a finite number)`);
  }
}

/** Fills the defaults and checks the ranges for n points. */
export function resolveSettings(n: number, o: TsneOptions = {}): TsneSettings {
  const method = o.method ?? 'auto';
  if (method !== 'auto' && method !== 'exact' && method !== 'barnes-hut')
    throw new Error(`t-SNE: method must be "auto", "exact" or "barnes-hut", got ${String(method)}`);
  const s: TsneSettings = {
    dims: o.dims ?? 2,
    method: method === 'auto' ? (n <= EXACT_LIMIT && exactKernelAvailable() ? 'exact' : 'barnes-hut') : method,
    perplexity: o.perplexity ?? 30,
    iterations: o.iterations ?? 750,
    seed: o.seed ?? 0,
    theta: o.theta ?? 0.5,
    earlyExaggeration: o.earlyExaggeration ?? 12,
    exaggerationIterations: o.exaggerationIterations ?? 250,
    learningRate: o.learningRate ?? Math.max(n / (o.earlyExaggeration ?? 12), 200),
    finalLearningRate: o.finalLearningRate ?? o.learningRate ?? Math.max(n, 200),
    init: o.init ?? 'pca',
    klEvery: o.klEvery ?? 50,
  };
  if (s.dims !== 2 && s.dims !== 3) throw new Error(`t-SNE: dims must be 2 or 3, got ${s.dims}`);
  if (n < 3) throw new Error(`t-SNE: needs at least 3 points, got ${n}`);
  if (!(s.perplexity > 0) || s.perplexity >= n - 1)
    throw new Error(`t-SNE: perplexity must be in (0, ${n - 1}) for ${n} points, got ${s.perplexity}`);
  if (!Number.isInteger(s.iterations) || s.iterations < 1)
    throw new Error(`t-SNE: iterations must be a positive integer, got ${s.iterations}`);
  if (!Number.isInteger(s.seed)) throw new Error(`t-SNE: seed must be an integer, got ${s.seed}`);
  if (!(s.theta >= 0)) throw new Error(`t-SNE: theta must be ≥ 0, got ${s.theta}`);
  if (!(s.learningRate > 0) || !(s.finalLearningRate > 0) || !(s.earlyExaggeration > 0))
    throw new Error('t-SNE: learning rate and early exaggeration must be positive');
  if (!Number.isInteger(s.exaggerationIterations) || s.exaggerationIterations < 0)
    throw new Error(`t-SNE: exaggerationIterations must be an integer ≥ 0, got ${s.exaggerationIterations}`);
  if (!Number.isInteger(s.klEvery) || s.klEvery < 1) throw new Error(`t-SNE: klEvery must be a positive integer, got ${s.klEvery}`);
  if (s.init !== 'pca' && s.init !== 'random') throw new Error(`t-SNE: init must be "pca" or "random", got ${String(s.init)}`);
  return s;
}

/** The sparse input affinities P of [n, d] features at a perplexity (kNN with 3·perplexity neighbours; `rows` may be given). */
export function inputAffinities(
  x: ArrayLike<number>,
  n: number,
  d: number,
  perplexity: number,
  rows: DistanceRows = distanceRows(x, n, d),
): SparseP {
  const k = Math.min(n - 1, Math.floor(3 * perplexity + 1));
  const knn = exactKnn(rows, k);
  return symmetricP(knn, conditionalP(knn, perplexity));
}

/** Whether the run starts from PCA scores (else from seeded noise). */
export function startsFromPca(d: number, s: Pick<TsneSettings, 'init' | 'dims'>): boolean {
  return s.init === 'pca' && d >= s.dims;
}

/** Initial embedding: PCA scores (`scores` when given) or seeded Gaussian noise, scaled so the first coordinate has std 1e-4. */
export function initialEmbedding(x: ArrayLike<number>, n: number, d: number, s: TsneSettings, scores?: Float64Array): Float64Array {
  let y: Float64Array;
  if (startsFromPca(d, s)) {
    if (scores && scores.length !== n * s.dims) throw new Error(`t-SNE: ${scores.length} PCA scores for ${n} points in ${s.dims}-D`);
    y = scores ? Float64Array.from(scores) : pcaScores(x, n, d, s.dims, s.seed);
  } else {
    const rng = mulberry32(s.seed);
    y = new Float64Array(n * s.dims);
    for (let e = 0; e < y.length; e++) y[e] = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  }
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i * s.dims];
  mean /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (y[i * s.dims] - mean) ** 2;
  const std = Math.sqrt(v / n);
  const scale = std > 0 ? 1e-4 / std : 1;
  for (let e = 0; e < y.length; e++) y[e] *= scale;
  return y;
}

/** Writes the gradient at y into grad; returns KL(P‖Q) when wantKl, else NaN (the single-thread default is Barnes–Hut on one tree). */
export type GradientFn = (y: Float64Array, exaggeration: number, grad: Float64Array, wantKl: boolean) => number;

/** One t-SNE optimisation, advanced an iteration at a time (so a worker can yield between steps). */
export class TsneOptimiser {
  readonly y: Float64Array;
  iteration = 0;
  lastKl = NaN;
  private readonly grad: Float64Array;
  private readonly update: Float64Array;
  private readonly gains: Float64Array;
  private readonly gradient: GradientFn;

  constructor(
    readonly p: SparseP,
    y0: Float64Array,
    readonly settings: TsneSettings,
    gradient?: GradientFn,
  ) {
    this.y = Float64Array.from(y0);
    const size = y0.length;
    this.grad = new Float64Array(size);
    this.update = new Float64Array(size);
    this.gains = new Float64Array(size).fill(1);
    if (gradient) this.gradient = gradient;
    else if (settings.method === 'exact') this.gradient = exactKernelGradient(p, settings.dims);
    else {
      const tree = new SpaceTree(p.n, settings.dims);
      this.gradient = (y, exaggeration, grad, wantKl) =>
        barnesHutGradient(p, y, settings.dims, tree, settings.theta, exaggeration, grad, wantKl);
    }
  }

  /** Runs one iteration; returns the KL when this iteration computed it, else NaN. */
  step(): number {
    const s = this.settings;
    const it = this.iteration;
    const early = it < s.exaggerationIterations;
    if (it === s.exaggerationIterations && it > 0) {
      // scikit-learn starts its second stage with fresh gains and no velocity.
      this.update.fill(0);
      this.gains.fill(1);
    }
    const wantKl = (it + 1) % s.klEvery === 0 || it === s.iterations - 1;
    const kl = this.gradient(this.y, early ? s.earlyExaggeration : 1, this.grad, wantKl);
    const momentum = early ? 0.5 : 0.8;
    const { y, grad, update, gains } = this;
    const lr = early ? s.learningRate : s.finalLearningRate;
    for (let e = 0; e < y.length; e++) {
      const g = grad[e];
      let gain = update[e] * g < 0 ? gains[e] + 0.2 : gains[e] * 0.8;
      if (gain < 0.01) gain = 0.01;
      gains[e] = gain;
      update[e] = momentum * update[e] - lr * gain * g;
      y[e] += update[e];
    }
    this.iteration = it + 1;
    if (wantKl) this.lastKl = kl;
    return kl;
  }

  /** The result as it stands, with the final KL. */
  result(cancelled: boolean, seconds: TsneResult['seconds']): TsneResult {
    const { n } = this.p;
    const dims = this.settings.dims;
    const kl = n <= EXACT_KL_LIMIT ? exactKl(this.p, this.y, dims) : this.lastKl;
    return { embedding: Float32Array.from(this.y), n, dims, kl, iterations: this.iteration, cancelled, settings: this.settings, seconds };
  }
}

/** Affinities and the initial embedding: everything before the first iteration. */
export function prepareTsne(
  x: ArrayLike<number>,
  n: number,
  d: number,
  options: TsneOptions = {},
  hooks: Pick<TsneHooks, 'gradient' | 'distances' | 'pcaScores' | 'p'> = {},
): { optimiser: TsneOptimiser; seconds: number } {
  validateFeatures(x, n, d);
  const settings = resolveSettings(n, options);
  const t0 = performance.now();
  if (hooks.p && hooks.p.n !== n) throw new Error(`t-SNE: P has ${hooks.p.n} rows for ${n} points`);
  const p = hooks.p ?? inputAffinities(x, n, d, settings.perplexity, hooks.distances);
  const y0 = initialEmbedding(x, n, d, settings, hooks.pcaScores);
  return { optimiser: new TsneOptimiser(p, y0, settings, hooks.gradient?.(p, settings)), seconds: (performance.now() - t0) / 1000 };
}

function report(opt: TsneOptimiser, kl: number, hooks: TsneHooks): void {
  if (!Number.isNaN(kl)) hooks.onProgress?.({ iteration: opt.iteration, iterations: opt.settings.iterations, kl });
}

/** Runs t-SNE on [n, d] row-major features to the end (or until the signal aborts), synchronously. */
export function runTsne(x: ArrayLike<number>, n: number, d: number, options: TsneOptions = {}, hooks: TsneHooks = {}): TsneResult {
  const { optimiser, seconds } = prepareTsne(x, n, d, options, hooks);
  const t0 = performance.now();
  while (optimiser.iteration < optimiser.settings.iterations && !hooks.signal?.aborted) report(optimiser, optimiser.step(), hooks);
  return optimiser.result(optimiser.iteration < optimiser.settings.iterations, {
    affinities: seconds,
    optimisation: (performance.now() - t0) / 1000,
  });
}

/** As runTsne, but awaits `yieldFn` every `yieldEvery` iterations so messages (a cancel) can arrive. */
export async function runTsneAsync(
  x: ArrayLike<number>,
  n: number,
  d: number,
  options: TsneOptions = {},
  hooks: TsneHooks & { yieldEvery?: number; yieldFn?: () => Promise<void> } = {},
): Promise<TsneResult> {
  const yieldFn = hooks.yieldFn ?? yieldToEventLoop;
  const every = hooks.yieldEvery ?? 10;
  await yieldFn();
  if (hooks.signal?.aborted) throw new Error('t-SNE: cancelled before it started');
  const { optimiser, seconds } = prepareTsne(x, n, d, options, hooks);
  const t0 = performance.now();
  while (optimiser.iteration < optimiser.settings.iterations) {
    if (optimiser.iteration % every === 0) await yieldFn();
    if (hooks.signal?.aborted) break;
    report(optimiser, optimiser.step(), hooks);
  }
  return optimiser.result(optimiser.iteration < optimiser.settings.iterations, {
    affinities: seconds,
    optimisation: (performance.now() - t0) / 1000,
  });
}
