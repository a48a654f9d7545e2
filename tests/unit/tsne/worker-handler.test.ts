import { afterEach, describe, expect, it } from 'vitest';
import { gradientPool } from '../../../src/tsne/gradient-pool';
import type { TsneResponse } from '../../../src/tsne/protocol';
import { trustworthiness } from '../../../src/tsne/trustworthiness';
import { createTsneWorkerHandler } from '../../../src/tsne/worker-handler';
import { blobs } from './helpers';

const data = blobs(3, 30, 8, 21);

describe('createTsneWorkerHandler', () => {
  it('answers a run with progress every 50 iterations, then done with the embedding and trustworthiness', async () => {
    const out: TsneResponse[] = [];
    const handle = createTsneWorkerHandler((m) => out.push(m));
    await handle({ type: 'run', id: 1, features: data.x, n: data.n, d: 8, options: { iterations: 200, dims: 3 } });
    expect(out.filter((m) => m.type === 'progress').map((m) => (m as { iteration: number }).iteration)).toEqual([50, 100, 150, 200]);
    const done = out.at(-1)!;
    expect(done.type).toBe('done');
    if (done.type !== 'done') return;
    expect(done.embedding).toBeInstanceOf(Float32Array);
    expect(done.embedding.length).toBe(data.n * 3);
    expect(done.trustworthiness).toBe(trustworthiness(data.x, data.n, 8, done.embedding, 3, 10));
    expect(done.settings.perplexity).toBe(30);
  });

  it('a cancel message stops the run it names, mid-run or before it starts', async () => {
    const out: TsneResponse[] = [];
    let handle: (m: unknown) => Promise<void> = async () => {};
    handle = createTsneWorkerHandler((m) => {
      out.push(m);
      if (m.type === 'progress' && m.iteration === 100) void handle({ type: 'cancel', id: 7 });
    });
    await handle({ type: 'run', id: 7, features: data.x, n: data.n, d: 8, options: { iterations: 5000 } });
    const last = out.at(-1)!;
    expect(last).toMatchObject({ type: 'cancelled', id: 7 });
    expect((last as { iteration: number }).iteration).toBeGreaterThanOrEqual(100);
    expect((last as { iteration: number }).iteration).toBeLessThan(120);
    const early = handle({ type: 'run', id: 8, features: data.x, n: data.n, d: 8, options: { iterations: 5000 } });
    await handle({ type: 'cancel', id: 8 });
    await early;
    expect(out.at(-1)).toMatchObject({ type: 'cancelled', id: 8 });
    expect(out.some((m) => m.type === 'done')).toBe(false);
  });

  it('reports malformed requests and bad data as errors, without throwing', async () => {
    const out: TsneResponse[] = [];
    const handle = createTsneWorkerHandler((m) => out.push(m));
    await handle({ type: 'run', id: 2, features: [1, 2, 3], n: 1, d: 3 });
    await handle({ type: 'dance', id: 3 });
    const nan = Float32Array.from(data.x);
    nan[5] = NaN;
    await handle({ type: 'run', id: 4, features: nan, n: data.n, d: 8, options: {} });
    expect(out.map((m) => [m.type, m.id])).toEqual([
      ['error', 2],
      ['error', 3],
      ['error', 4],
    ]);
    expect((out[0] as { message: string }).message).toMatch(/Float32Array/);
    expect((out[2] as { message: string }).message).toMatch(/NaN/);
  });
});

describe('createTsneWorkerHandler with threads', () => {
  it('computes the gradient on the pool it starts for the run, gives the same embedding, says how many threads, and closes it', async () => {
    const plain: TsneResponse[] = [];
    await createTsneWorkerHandler((m) => plain.push(m))({
      type: 'run',
      id: 1,
      features: data.x,
      n: data.n,
      d: 8,
      options: { iterations: 80, dims: 3 },
    });
    const out: TsneResponse[] = [];
    const started: [number, number][] = [];
    let closed = 0;
    const handle = createTsneWorkerHandler(
      (m) => out.push(m),
      undefined,
      (n, dims) => {
        started.push([n, dims]);
        const pool = gradientPool(
          n,
          dims,
          1,
          () => {
            throw new Error('no helper is needed');
          },
          () => {},
        );
        return {
          ...pool,
          close: () => {
            closed++;
            pool.close();
          },
        };
      },
    );
    await handle({ type: 'run', id: 2, features: data.x, n: data.n, d: 8, options: { iterations: 80, dims: 3 } });
    const [a, b] = [plain.at(-1)!, out.at(-1)!];
    if (a.type !== 'done' || b.type !== 'done') throw new Error(`expected two done messages, got ${a.type} and ${b.type}`);
    expect(started).toEqual([[data.n, 3]]);
    expect(closed).toBe(1);
    expect(b.threads).toBe(1);
    expect(Array.from(b.embedding)).toEqual(Array.from(a.embedding));
  });
});

describe('tsne-worker.ts', () => {
  const g = globalThis as { self?: unknown };
  afterEach(() => {
    delete g.self;
  });

  it('wires self.onmessage to the handler and answers through self.postMessage', async () => {
    const posted: TsneResponse[] = [];
    const scope: { onmessage: ((e: { data: unknown }) => void) | null; postMessage: (m: TsneResponse) => void } = {
      onmessage: null,
      postMessage: (m) => posted.push(m),
    };
    g.self = scope;
    await import('../../../src/tsne/tsne-worker');
    expect(typeof scope.onmessage).toBe('function');
    scope.onmessage!({ data: { type: 'run', id: 9, features: data.x, n: data.n, d: 8, options: { iterations: 60 } } });
    for (let t = 0; t < 200 && !posted.some((m) => m.type === 'done'); t++) await new Promise((r) => setTimeout(r, 20));
    expect(posted.at(-1)?.type).toBe('done');
  });
});
