import { describe, expect, it } from 'vitest';
import { HEADER, exactKernelModule, exactModuleBytes } from '../../../src/tsne/exact-kernel-code';

describe('exactModuleBytes / exactKernelModule', () => {
  it('is a valid module for shared and unshared memories, compiled once each', () => {
    for (const shared of [false, true]) {
      expect(WebAssembly.validate(exactModuleBytes(shared) as Uint8Array<ArrayBuffer>)).toBe(true);
      expect(exactKernelModule(shared)).not.toBeNull();
      expect(exactKernelModule(shared)).toBe(exactKernelModule(shared));
    }
  });

  it('reads its offsets from distinct slots of a 16-slot header', () => {
    const slots = Object.values(HEADER);
    expect(new Set(slots).size).toBe(slots.length);
    expect(Math.max(...slots)).toBeLessThan(16);
  });
});
