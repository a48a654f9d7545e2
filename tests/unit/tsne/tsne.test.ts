import { describe, expect, it } from 'vitest';
import { EXACT_LIMIT, resolveSettings, runTsne, runTsneAsync } from '../../../src/tsne/tsne';
import { blobs, knnPurity } from './helpers';

describe('runTsne', () => {
  const data = blobs(5, 40, 20, 11);

  it('is deterministic for a seed: two runs give identical embeddings and KL', () => {
    const a = runTsne(data.x, data.n, 20, { iterations: 200, seed: 3 });
    const b = runTsne(data.x, data.n, 20, { iterations: 200, seed: 3 });
    expect(Buffer.from(a.embedding.buffer).equals(Buffer.from(b.embedding.buffer))).toBe(true);
    expect(a.kl).toBe(b.kl);
    const c = runTsne(data.x, data.n, 20, { iterations: 100, seed: 4, init: 'random' });
    const d = runTsne(data.x, data.n, 20, { iterations: 100, seed: 5, init: 'random' });
    expect(Buffer.from(c.embedding.buffer).equals(Buffer.from(d.embedding.buffer))).toBe(false);
  });

  for (const dims of [2, 3] as const) {
    it(`${dims}-D: separated clusters stay separated (10-NN class purity ≥ 0.98) and KL falls`, () => {
      const kls: number[] = [];
      const r = runTsne(data.x, data.n, 20, { dims, iterations: 500 }, { onProgress: (p) => kls.push(p.kl) });
      expect(r.embedding.length).toBe(data.n * dims);
      expect(r.iterations).toBe(500);
      expect(r.cancelled).toBe(false);
      expect(kls).toHaveLength(10);
      expect(kls[9]).toBeLessThan(kls[5]);
      expect(r.kl).toBeGreaterThan(0);
      expect(Math.abs(r.kl - kls[9]) / r.kl).toBeLessThan(0.05);
      expect(knnPurity(r.embedding, data.n, dims, data.labels, 10)).toBeGreaterThanOrEqual(0.98);
    });
  }

  it('stops when the signal aborts and says so', () => {
    const signal = { aborted: false };
    const r = runTsne(
      data.x,
      data.n,
      20,
      { iterations: 1000 },
      {
        signal,
        onProgress: (p) => {
          if (p.iteration === 100) signal.aborted = true;
        },
      },
    );
    expect(r.cancelled).toBe(true);
    expect(r.iterations).toBe(100);
  });

  it('the async run yields and can be cancelled from outside', async () => {
    const signal = { aborted: false };
    let yields = 0;
    const r = await runTsneAsync(
      data.x,
      data.n,
      20,
      { iterations: 1000 },
      {
        signal,
        yieldEvery: 10,
        yieldFn: async () => {
          yields++;
          if (yields === 6) signal.aborted = true;
        },
      },
    );
    expect(r.cancelled).toBe(true);
    expect(r.iterations).toBe(40);
  });

  it('uses the documented defaults', () => {
    const s = resolveSettings(6000);
    expect(s).toMatchObject({
      dims: 2,
      perplexity: 30,
      iterations: 750,
      theta: 0.5,
      earlyExaggeration: 12,
      exaggerationIterations: 250,
      learningRate: 500,
      finalLearningRate: 6000,
      init: 'pca',
    });
    expect(resolveSettings(100)).toMatchObject({ learningRate: 200, finalLearningRate: 200 });
  });

  it('sums the repulsion exactly up to EXACT_LIMIT points, by Barnes–Hut above, or as asked', () => {
    expect(resolveSettings(EXACT_LIMIT).method).toBe('exact');
    expect(resolveSettings(EXACT_LIMIT + 1).method).toBe('barnes-hut');
    expect(resolveSettings(100, { method: 'barnes-hut' }).method).toBe('barnes-hut');
    expect(resolveSettings(9000, { method: 'exact' }).method).toBe('exact');
    expect(() => resolveSettings(100, { method: 'fft' as 'exact' })).toThrow(/method must be "auto", "exact" or "barnes-hut", got fft/);
  });

  it('sums exactly on a handful of points too (less than one SIMD block, padding on every side): the step of the tree at theta 0', () => {
    for (const n of [3, 5, 7]) {
      const x = Float32Array.from({ length: n * 3 }, (_, k) => Math.sin(k * 2.1));
      for (const dims of [2, 3] as const) {
        const options = { dims, perplexity: (n - 1) / 3, iterations: 1 };
        const exact = runTsne(x, n, 3, { ...options, method: 'exact' }).embedding;
        const tree = runTsne(x, n, 3, { ...options, method: 'barnes-hut', theta: 0 }).embedding;
        const scale = Math.max(...Array.from(tree, Math.abs));
        for (let e = 0; e < tree.length; e++) expect(Math.abs(exact[e] - tree[e]) / scale).toBeLessThan(1e-5);
        const long = runTsne(x, n, 3, { ...options, method: 'exact', iterations: 300 });
        expect(Array.from(long.embedding).every(Number.isFinite) && Number.isFinite(long.kl)).toBe(true);
      }
    }
  });

  it('gives embeddings of the same quality by either method', () => {
    const [exact, tree] = (['exact', 'barnes-hut'] as const).map((method) =>
      runTsne(data.x, data.n, 20, { method, seed: 1, iterations: 400 }),
    );
    expect(exact.settings.method).toBe('exact');
    expect(tree.settings.method).toBe('barnes-hut');
    for (const r of [exact, tree]) expect(knnPurity(r.embedding, data.n, 2, data.labels, 10)).toBeGreaterThanOrEqual(0.98);
    expect(Math.abs(exact.kl - tree.kl)).toBeLessThan(0.05);
    expect(resolveSettings(6000, { learningRate: 300 })).toMatchObject({ learningRate: 300, finalLearningRate: 300 });
    expect(resolveSettings(6000, { finalLearningRate: 900 })).toMatchObject({ learningRate: 500, finalLearningRate: 900 });
    expect(() => resolveSettings(6000, { finalLearningRate: 0 })).toThrow(/learning rate/);
  });

  it('takes steps at the final learning rate after early exaggeration, and only then', () => {
    const opts = { iterations: 260, exaggerationIterations: 250, seed: 2 };
    const a = runTsne(data.x, data.n, 20, { ...opts, iterations: 250, finalLearningRate: 50 });
    const b = runTsne(data.x, data.n, 20, { ...opts, iterations: 250, finalLearningRate: 5000 });
    expect(Buffer.from(a.embedding.buffer).equals(Buffer.from(b.embedding.buffer))).toBe(true);
    const c = runTsne(data.x, data.n, 20, { ...opts, finalLearningRate: 50 });
    const d = runTsne(data.x, data.n, 20, { ...opts, finalLearningRate: 5000 });
    expect(Buffer.from(c.embedding.buffer).equals(Buffer.from(d.embedding.buffer))).toBe(false);
  });

  it('rejects NaN features, bad shapes and impossible settings with a clear message', () => {
    const x = Float32Array.from(data.x);
    x[7 * 20 + 3] = NaN;
    expect(() => runTsne(x, data.n, 20)).toThrow(/features\[7, 3\] is NaN/);
    expect(() => runTsne(data.x, data.n, 21)).toThrow(/do not make/);
    expect(() => runTsne(data.x, data.n, 20, { perplexity: 500 })).toThrow(/perplexity must be in/);
    expect(() => runTsne(data.x, data.n, 20, { dims: 4 as 2 })).toThrow(/dims must be 2 or 3/);
    expect(() => runTsne(data.x.subarray(0, 40), 2, 20)).toThrow(/at least 3 points/);
  });
});
