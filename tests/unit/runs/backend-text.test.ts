import { describe, expect, it } from 'vitest';
import { backendText } from '../../../src/runs/backend-text';

describe('backendText', () => {
  it('says which backend auto chose and why it passed over software renderers', () => {
    const t = backendText(
      {
        name: 'wasm',
        failures: [],
        skipped: [{ name: 'webgpu', reason: 'runs on a software renderer (google swiftshader), much slower than wasm here' }],
      },
      true,
    );
    expect(t).toBe(
      'Backend: wasm. Auto chose wasm over webgpu, which runs on a software renderer (google swiftshader), much slower than wasm here.',
    );
  });
  it('names the GPU, warns about a software one picked by name, and lists failures', () => {
    expect(backendText({ name: 'webgpu', failures: [], adapter: 'nvidia ampere', software: false }, false)).toBe(
      'Backend: webgpu. GPU: nvidia ampere.',
    );
    expect(
      backendText(
        { name: 'webgl', failures: [{ name: 'webgpu', reason: 'no WebGPU adapter' }], adapter: 'llvmpipe', software: true },
        false,
      ),
    ).toBe(
      'Backend: webgl. It runs on llvmpipe, a software renderer on the CPU: expect slow training; wasm is usually faster on such a machine. Not available: webgpu (no WebGPU adapter).',
    );
  });
  it('says how many CPU threads wasm trains on, and why only one', () => {
    expect(backendText({ name: 'wasm', failures: [], threads: { count: 4, reason: '4 thread(s)' } }, false)).toBe(
      'Backend: wasm. It trains on 4 CPU threads.',
    );
    expect(backendText({ name: 'wasm', failures: [], threads: { count: 1, reason: 'the page is not cross-origin isolated' } }, false)).toBe(
      'Backend: wasm. It trains on one CPU thread: the page is not cross-origin isolated.',
    );
    expect(
      backendText(
        {
          name: 'wasm',
          failures: [],
          skipped: [{ name: 'webgpu', reason: 'runs on a software renderer (x)' }],
          threads: { count: 2, reason: '' },
        },
        true,
      ),
    ).toBe('Backend: wasm. Auto chose wasm over webgpu, which runs on a software renderer (x). It trains on 2 CPU threads.');
  });

  it("says when the book's SIMD kernels are off or lack their helper threads, and nothing when they run", () => {
    expect(
      backendText(
        { name: 'wasm', failures: [], threads: { count: 2, reason: '' }, simdKernels: { running: true, helpers: 1, problem: null } },
        false,
      ),
    ).toBe('Backend: wasm. It trains on 2 CPU threads.');
    expect(
      backendText(
        {
          name: 'wasm',
          failures: [],
          threads: { count: 1, reason: 'r' },
          simdKernels: { running: false, helpers: 0, problem: 'the SIMD kernels did not compile: x' },
        },
        false,
      ),
    ).toBe(
      "Backend: wasm. It trains on one CPU thread: r. The book's faster wasm kernels are off (the SIMD kernels did not compile: x), so training is slower.",
    );
    expect(
      backendText(
        {
          name: 'wasm',
          failures: [],
          threads: { count: 2, reason: '' },
          simdKernels: { running: true, helpers: 0, problem: 'a SIMD helper thread did not start' },
        },
        false,
      ),
    ).toBe(
      "Backend: wasm. It trains on 2 CPU threads. The book's faster wasm kernels run on one thread only (a SIMD helper thread did not start).",
    );
  });
});
