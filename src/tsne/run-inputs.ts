/**
 * What a run needs before its first iteration, as the CLI and the page's worker both get it: the
 * distances, P and the PCA start shared by the pool's threads when it has them (shared-prepare.ts),
 * else the cached distance rows alone, from which runTsne computes the rest.
 */
import type { SparseP } from './affinities';
import { cachedDistanceRows } from './distance-cache';
import { distanceRows, type DistanceRows } from './distance-kernel';
import type { GradientPool } from './gradient-pool';
import { startsFromPca, type TsneSettings } from './tsne';

/** The hooks to hand runTsne, and the seconds they took (to add to its affinities time). */
export interface RunInputs {
  hooks: { distances: DistanceRows; p?: SparseP; pcaScores?: Float64Array };
  seconds: number;
}

/** The inputs of a run of [n, d] features with these settings, on the pool's threads when there is one. */
export async function runInputs(
  pool: GradientPool | null,
  x: ArrayLike<number>,
  n: number,
  d: number,
  settings: TsneSettings,
): Promise<RunInputs> {
  const t0 = performance.now();
  const pca = startsFromPca(d, settings) ? { components: settings.dims, seed: settings.seed } : null;
  const prepared = (await pool?.prepare(x, d, settings.perplexity, pca)) ?? null;
  const hooks = prepared ?? { distances: cachedDistanceRows(distanceRows(x, n, d)) };
  return { hooks, seconds: (performance.now() - t0) / 1000 };
}
