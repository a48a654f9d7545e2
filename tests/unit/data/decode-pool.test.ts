import { describe, expect, it } from 'vitest';
import { runDecodePool, type DecodeWorkerLike } from '../../../src/data/decode-pool';
import { handleDecodeRequest, type Rasterizer } from '../../../src/data/decode-handler';
import type { DecodeRequest, DecodedResponse, SkippedResponse } from '../../../src/data/decode-protocol';
import { encodePng, pattern } from '../../fixtures-gen/encode-images';

const fakeRaster: Rasterizer = async (_b, h, size) => ({
  rgba: new Uint8Array(size * size * 4).fill(h.width % 256),
  width: h.width,
  height: h.height,
});

/** A worker stand-in that answers asynchronously (random delays) with the real handler. */
class FakeWorker implements DecodeWorkerLike {
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  terminated = false;
  static made = 0;
  constructor(private readonly crashOn = -1) {
    FakeWorker.made++;
  }
  postMessage(msg: DecodeRequest): void {
    if (msg.id === this.crashOn) {
      setTimeout(() => this.onerror?.({ message: 'boom' }), 1);
      return;
    }
    setTimeout(async () => {
      if (this.terminated) return;
      this.onmessage?.({ data: await handleDecodeRequest(msg, fakeRaster) });
    }, Math.random() * 5);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const files = Array.from({ length: 20 }, (_, i) => ({
  path: `c${i % 2}/f${i}.png`,
  bytes: i === 5 ? new Uint8Array([1, 2, 3]) : encodePng(10 + i, 10, pattern(10 + i, 10, i)),
}));
const read = async (i: number) => {
  if (i === 7) throw new Error('permission denied');
  return { path: files[i].path, bytes: files[i].bytes.slice().buffer };
};

describe('runDecodePool', () => {
  it('answers every file once, with skips for bad bytes and read errors', async () => {
    const got = new Map<number, DecodedResponse | SkippedResponse>();
    await runDecodePool({
      count: 20,
      read,
      makeWorker: () => new FakeWorker(),
      workers: 3,
      size: 4,
      onResult: (i, r) => {
        expect(got.has(i)).toBe(false);
        got.set(i, r);
      },
    });
    expect(got.size).toBe(20);
    expect(got.get(0)).toMatchObject({ type: 'decoded', path: 'c0/f0.png', width: 10 });
    expect(got.get(5)).toMatchObject({ type: 'skipped', reason: 'corrupt', path: 'c1/f5.png' });
    expect(got.get(7)).toMatchObject({ type: 'skipped', message: expect.stringMatching(/could not read the file: permission denied/) });
  });

  it('replaces a crashed worker and fails only its pending file', async () => {
    const got = new Map<number, DecodedResponse | SkippedResponse>();
    let first = true;
    const before = FakeWorker.made;
    await runDecodePool({
      count: 10,
      read: async (i) => ({ path: `a/${i}.png`, bytes: files[i === 7 ? 0 : i].bytes.slice().buffer }),
      workers: 1,
      perWorker: 1,
      size: 4,
      makeWorker: () => {
        const w = new FakeWorker(first ? 3 : -1);
        first = false;
        return w;
      },
      onResult: (i, r) => got.set(i, r),
    });
    expect(got.size).toBe(10);
    expect(got.get(3)).toMatchObject({ type: 'skipped', path: 'a/3.png', message: expect.stringMatching(/crashed.*boom/) });
    expect(got.get(4)?.type).toBe('decoded');
    expect(FakeWorker.made - before).toBe(2);
  });

  it('stops and rejects when aborted', async () => {
    const ctl = new AbortController();
    const workers: FakeWorker[] = [];
    let n = 0;
    const run = runDecodePool({
      count: 20,
      read,
      workers: 2,
      size: 4,
      signal: ctl.signal,
      makeWorker: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
      onResult: () => {
        if (++n === 3) ctl.abort();
      },
    });
    await expect(run).rejects.toThrow('cancelled');
    expect(n).toBeLessThan(20);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });
});
