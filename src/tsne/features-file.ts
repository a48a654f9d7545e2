/** The t-SNE command's files: `features` [N, D] in, `embedding` [N, dims] out, both safetensors, with clear errors. */
import { readSafetensors, writeSafetensors } from '../tensor/weights/safetensors';

const FLOAT_DTYPES = new Set(['F32', 'F64', 'F16', 'BF16']);

/** Reads the float tensor `name` (default `features`) of rank 2 from safetensors bytes; throws naming what is wrong. */
export function readFeatures(bytes: Uint8Array, name = 'features'): { x: Float32Array; n: number; d: number } {
  const { tensors } = readSafetensors(bytes);
  const t = tensors.get(name);
  if (!t) {
    const names = [...tensors.keys()];
    throw new Error(`no tensor "${name}" in the file (it holds ${names.length ? names.map((s) => `"${s}"`).join(', ') : 'no tensors'})`);
  }
  if (!FLOAT_DTYPES.has(t.dtype)) throw new Error(`tensor "${name}" is ${t.dtype}; it must be floating point (F32)`);
  if (t.shape.length !== 2) throw new Error(`tensor "${name}" has shape [${t.shape}]; it must be [N, D] (rank 2)`);
  const [n, d] = t.shape;
  if (n < 1 || d < 1) throw new Error(`tensor "${name}" has shape [${t.shape}]; N and D must be at least 1`);
  const x = t.data as Float32Array;
  for (let e = 0; e < x.length; e++) {
    if (!Number.isFinite(x[e]))
      throw new Error(`tensor "${name}" holds ${x[e]} at [${Math.floor(e / d)}, ${e % d}]; every value must be finite`);
  }
  return { x, n, d };
}

/** safetensors bytes holding `embedding` [n, dims] (F32) and string metadata (settings, KL, trustworthiness). */
export function embeddingFile(embedding: Float32Array, n: number, dims: number, metadata: Record<string, string>): Uint8Array {
  return writeSafetensors({ embedding: { shape: [n, dims], data: embedding, dtype: 'F32' } }, metadata);
}
