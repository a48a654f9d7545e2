import { describe, expect, it } from 'vitest';
import { threadedGradient } from '../../../src/tsne/node-threads';
import { runInputs } from '../../../src/tsne/run-inputs';
import { inputAffinities, resolveSettings } from '../../../src/tsne/tsne';
import { blobs } from './helpers';

describe('runInputs', () => {
  const { x, n } = blobs(3, 30, 8, 2);
  const settings = resolveSettings(n, { perplexity: 10 });

  it('without threads gives the cached distance rows only (runTsne computes P and the PCA start)', async () => {
    const { hooks, seconds } = await runInputs(null, x, n, 8, settings);
    expect(hooks.p).toBeUndefined();
    expect(hooks.pcaScores).toBeUndefined();
    expect(hooks.distances.n).toBe(n);
    expect(seconds).toBeGreaterThanOrEqual(0);
  });

  it("on a pool's threads gives P and the PCA start as well, the one-thread values", async () => {
    const pool = threadedGradient(n, 2, 2);
    try {
      const { hooks } = await runInputs(pool, x, n, 8, settings);
      expect(Array.from(hooks.p!.values)).toEqual(Array.from(inputAffinities(x, n, 8, 10).values));
      expect(hooks.pcaScores!.length).toBe(n * 2);
    } finally {
      pool.close();
    }
  });
});
