import { describe, expect, it } from 'vitest';
import { MAX_PAGE_THREADS, pageThreads } from '../../../src/tsne/browser-threads';

describe('pageThreads', () => {
  const shared = { SharedArrayBuffer: class {}, Worker: class {} };

  it('uses the cores, up to the cap, where the page is cross-origin isolated', () => {
    expect(pageThreads({ ...shared, crossOriginIsolated: true, navigator: { hardwareConcurrency: 2 } })).toBe(2);
    expect(pageThreads({ ...shared, crossOriginIsolated: true, navigator: { hardwareConcurrency: 64 } })).toBe(MAX_PAGE_THREADS);
    expect(pageThreads({ ...shared, crossOriginIsolated: true, navigator: {} })).toBe(1);
  });

  it('uses one thread without isolation, shared memory or workers (and in Node, which has no Web Worker)', () => {
    expect(pageThreads({ ...shared, crossOriginIsolated: false, navigator: { hardwareConcurrency: 8 } })).toBe(1);
    expect(pageThreads({ Worker: class {}, crossOriginIsolated: true, navigator: { hardwareConcurrency: 8 } })).toBe(1);
    expect(pageThreads({ SharedArrayBuffer: class {}, crossOriginIsolated: true, navigator: { hardwareConcurrency: 8 } })).toBe(1);
    expect(pageThreads()).toBe(1);
  });
});
