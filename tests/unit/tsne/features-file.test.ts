import { describe, expect, it } from 'vitest';
import { embeddingFile, readFeatures } from '../../../src/tsne/features-file';
import { readSafetensors, writeSafetensors } from '../../../src/tensor/weights/safetensors';

describe('readFeatures', () => {
  it('reads features [N, D] as Float32', () => {
    const bytes = writeSafetensors({ features: { shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6]) } });
    const f = readFeatures(bytes);
    expect([f.n, f.d]).toEqual([2, 3]);
    expect(Array.from(f.x)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('names a missing tensor and lists what the file holds', () => {
    const bytes = writeSafetensors({ feats: { shape: [1, 1], data: Float32Array.from([1]) } });
    expect(() => readFeatures(bytes)).toThrow(/no tensor "features".*"feats"/);
  });

  it('refuses the wrong rank, integer tensors, NaN and a corrupt file', () => {
    expect(() => readFeatures(writeSafetensors({ features: { shape: [6], data: new Float32Array(6) } }))).toThrow(/rank 2/);
    expect(() => readFeatures(writeSafetensors({ features: { shape: [2, 1], data: [1, 2], dtype: 'I64' } }))).toThrow(/floating point/);
    expect(() => readFeatures(writeSafetensors({ features: { shape: [2, 2], data: Float32Array.from([1, 2, NaN, 4]) } }))).toThrow(
      /NaN at \[1, 0\]/,
    );
    expect(() => readFeatures(new Uint8Array([1, 2, 3]))).toThrow(/safetensors/);
  });
});

describe('embeddingFile', () => {
  it('writes embedding [N, dims] as F32 with the metadata', () => {
    const e = Float32Array.from([0.5, -1, 2, 3]);
    const { tensors, metadata } = readSafetensors(embeddingFile(e, 2, 2, { kl: '0.5' }));
    expect(tensors.get('embedding')).toMatchObject({ dtype: 'F32', shape: [2, 2] });
    expect(Array.from(tensors.get('embedding')!.data)).toEqual([0.5, -1, 2, 3]);
    expect(metadata.kl).toBe('0.5');
  });
});
