import { describe, expect, it } from 'vitest';
import { describeWebgpuAdapter, isSoftwareRenderer, probeWebgl, probeWebgpu } from '../../../src/train/backend-probe';

const device = { destroy() {} };

describe('isSoftwareRenderer', () => {
  it('names the software rasterisers and not hardware GPUs', () => {
    for (const s of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'Microsoft Basic Render Driver',
      'lavapipe',
    ])
      expect(isSoftwareRenderer(s), s).toBe(true);
    for (const s of [
      'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)',
      'Apple M2',
      'Mesa Intel(R) UHD Graphics 620 (KBL GT2)',
      'nvidia ampere',
    ])
      expect(isSoftwareRenderer(s), s).toBe(false);
  });
});

describe('describeWebgpuAdapter', () => {
  it('reads SwiftShader as Chromium reports it (fallback adapter, architecture swiftshader)', () => {
    expect(
      describeWebgpuAdapter({ vendor: 'google', architecture: 'swiftshader', device: '', description: '', isFallbackAdapter: true }),
    ).toEqual({ adapter: 'google swiftshader', software: true });
    expect(describeWebgpuAdapter({ vendor: 'nvidia', architecture: 'ampere' })).toEqual({ adapter: 'nvidia ampere', software: false });
    expect(describeWebgpuAdapter(undefined, true).software).toBe(true);
  });
});

describe('probeWebgpu', () => {
  it('says what failed: no navigator.gpu, no adapter, a refused device', async () => {
    expect(await probeWebgpu(undefined)).toMatchObject({ ok: false, reason: expect.stringMatching(/no navigator\.gpu/) });
    expect(await probeWebgpu({ requestAdapter: async () => null })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no WebGPU adapter.*hardware acceleration/),
    });
    const refusing = {
      requestAdapter: async () => ({
        info: { vendor: 'amd' },
        requestDevice: async () => {
          throw new Error('limits exceeded');
        },
      }),
    };
    expect(await probeWebgpu(refusing)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/amd\) refused a device \(limits exceeded\)/),
    });
  });
  it('tells a software adapter from a hardware one', async () => {
    expect(
      await probeWebgpu({
        requestAdapter: async () => ({
          info: { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true },
          requestDevice: async () => device,
        }),
      }),
    ).toEqual({ ok: true, software: true, adapter: 'google swiftshader' });
    expect(
      await probeWebgpu({
        requestAdapter: async () => ({ info: { vendor: 'apple', architecture: 'metal-3' }, requestDevice: async () => device }),
      }),
    ).toEqual({ ok: true, software: false, adapter: 'apple metal-3' });
  });
});

describe('probeWebgl', () => {
  const canvas = (renderer: string | null) => () => ({
    getContext: (kind: string) =>
      renderer === null || kind !== 'webgl2'
        ? null
        : {
            RENDERER: 1,
            getExtension: () => ({ UNMASKED_RENDERER_WEBGL: 2 }),
            getParameter: (p: number) => (p === 2 ? renderer : 'WebKit WebGL'),
          },
  });
  it('reads the unmasked renderer', () => {
    expect(probeWebgl(canvas('llvmpipe (LLVM 15)'))).toEqual({ ok: true, software: true, adapter: 'llvmpipe (LLVM 15)' });
    expect(probeWebgl(canvas('ANGLE (Intel, Iris Xe)'))).toEqual({ ok: true, software: false, adapter: 'ANGLE (Intel, Iris Xe)' });
  });
  it('says when there is no context or no canvas', () => {
    expect(probeWebgl(canvas(null))).toMatchObject({ ok: false, reason: expect.stringMatching(/no WebGL context/) });
    expect(probeWebgl(null)).toMatchObject({ ok: false, reason: expect.stringMatching(/no canvas/) });
  });
});
