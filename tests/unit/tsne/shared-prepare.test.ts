import { describe, expect, it } from 'vitest';
import { cachedDistanceRows } from '../../../src/tsne/distance-cache';
import { distanceRows } from '../../../src/tsne/distance-kernel';
import { threadedGradient } from '../../../src/tsne/node-threads';
import { pcaScores } from '../../../src/tsne/pca';
import { leaderPrepare, sharedPrepare } from '../../../src/tsne/shared-prepare';
import { inputAffinities } from '../../../src/tsne/tsne';
import { blobs } from './helpers';

const { x, n } = blobs(4, 45, 12, 3);
const d = 12;
const reference = {
  p: inputAffinities(x, n, d, 15),
  scores: pcaScores(x, n, d, 2, 5),
  rows: cachedDistanceRows(distanceRows(x, n, d)),
};

function expectSame(got: ReturnType<typeof leaderPrepare>): void {
  expect(Array.from(got.p.rowPtr)).toEqual(Array.from(reference.p.rowPtr));
  expect(Array.from(got.p.cols)).toEqual(Array.from(reference.p.cols));
  expect(Array.from(got.p.values)).toEqual(Array.from(reference.p.values));
  expect(Array.from(got.pcaScores!)).toEqual(Array.from(reference.scores));
  for (const i of [0, 1, 77, n - 2]) {
    expect(Array.from(got.distances.squaredDistancesAfter(i).subarray(i + 1, n))).toEqual(
      Array.from(reference.rows.squaredDistancesAfter(i).subarray(i + 1, n)),
    );
  }
}

describe('leaderPrepare', () => {
  it('alone gives the one-thread P, distances and PCA scores, bit for bit', () => {
    expectSame(leaderPrepare(sharedPrepare(x, n, d, 15, { components: 2, seed: 5 })));
  });

  it('computes, after its wait, the blocks and the PCA a helper claimed and never finished', () => {
    const s = sharedPrepare(x, n, d, 15, { components: 2, seed: 5 });
    // A helper took the PCA and the first block of rows, then stopped.
    Atomics.store(s.ctrl, 1, 1);
    Atomics.store(s.ctrl, 0, 1);
    Atomics.store(s.rowBlocks, 0, 1);
    const t0 = Date.now();
    const got = leaderPrepare(s, 100);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(90);
    expectSame(got);
  });
});

describe('GradientPool.prepare on worker threads', () => {
  it('gives the one-thread P, distances and PCA scores on two and three threads', async () => {
    for (const threads of [2, 3]) {
      const pool = threadedGradient(n, 2, threads, (m) => {
        throw new Error(m);
      });
      try {
        const got = await pool.prepare(x, d, 15, { components: 2, seed: 5 });
        expect(got).not.toBeNull();
        expectSame(got!);
      } finally {
        pool.close();
      }
    }
  });

  it('declines on one thread', async () => {
    const pool = threadedGradient(n, 2, 1);
    expect(await pool.prepare(x, d, 15, null)).toBeNull();
    pool.close();
  });
});
