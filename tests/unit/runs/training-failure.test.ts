import { describe, expect, it } from 'vitest';
import { classifyFailure, recoveryFor } from '../../../src/runs/training-failure';

const ORDER = ['webgpu', 'webgl', 'wasm', 'cpu'];

describe('training failures', () => {
  it('classifies WebGPU and WebGL errors', () => {
    expect(classifyFailure('GPU device was lost: destroyed')).toBe('device-lost');
    expect(classifyFailure('WebGL context lost')).toBe('device-lost');
    expect(classifyFailure('Out of memory while allocating a buffer')).toBe('out-of-memory');
    expect(classifyFailure('Failed to allocate a 2 GB texture')).toBe('out-of-memory');
    expect(classifyFailure('shapes do not match')).toBe('other');
  });
  it('halves the batch when out of memory, then moves backend; moves backend when the device is lost', () => {
    expect(recoveryFor('out-of-memory', 'webgpu', 32, ORDER)).toMatchObject({ backend: 'webgpu', batchSize: 16 });
    expect(recoveryFor('out-of-memory', 'webgpu', 1, ORDER)).toMatchObject({ backend: 'webgl', batchSize: 1 });
    expect(recoveryFor('device-lost', 'webgpu', 32, ORDER)).toMatchObject({ backend: 'webgl', batchSize: 32 });
    expect(recoveryFor('device-lost', 'cpu', 32, ORDER)).toBeNull();
    expect(recoveryFor('other', 'webgpu', 32, ORDER)).toBeNull();
    expect(recoveryFor('device-lost', 'webgpu', 32, ['webgpu'])).toBeNull();
  });
});
