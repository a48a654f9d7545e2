/**
 * What `npm run augment` does, without the file system: `images` [N, 3, H, W] in [0, 1] from
 * safetensors bytes, through OPS.json's functional ops in order, back to safetensors bytes.
 */
import type { TF } from '../tensor/tf-types';
import { readSafetensors, writeSafetensors } from '../tensor/weights/safetensors';
import { applyFunctionalOps, opOutputSize } from './functional';
import { checkOpFits, parseOpsFile } from './ops-file';

const CHUNK = 64;

/** A problem with the inputs (exit status 2 in the CLI), with a message saying what to fix. */
export class AugmentInputError extends Error {}

/** Reads and checks the `images` tensor: float, [N, 3, H, W], finite values in [0, 1]. */
export function readImages(bytes: Uint8Array): { data: Float32Array; shape: [number, number, number, number] } {
  let file;
  try {
    file = readSafetensors(bytes);
  } catch (e) {
    throw new AugmentInputError(`the input is not a readable safetensors file: ${(e as Error).message}`);
  }
  const t = file.tensors.get('images');
  if (!t)
    throw new AugmentInputError(
      `the input has no tensor "images" (it has ${[...file.tensors.keys()].map((k) => `"${k}"`).join(', ') || 'none'})`,
    );
  if (!(t.data instanceof Float32Array)) throw new AugmentInputError(`"images" must be a float tensor, got ${t.dtype}`);
  if (t.shape.length !== 4 || t.shape[1] !== 3 || t.shape[0] < 1 || t.shape[2] < 1 || t.shape[3] < 1) {
    throw new AugmentInputError(`"images" must have shape [N, 3, H, W] with N, H, W ≥ 1, got [${t.shape}]`);
  }
  for (let i = 0; i < t.data.length; i++) {
    const v = t.data[i];
    if (!(v >= 0 && v <= 1)) throw new AugmentInputError(`"images" must hold values in [0, 1]; element ${i} is ${v}`);
  }
  return { data: t.data, shape: t.shape as [number, number, number, number] };
}

/** Runs OPS.json (text) on the images of a safetensors file; returns the output file's bytes and its shape. */
export async function augmentFile(tf: TF, input: Uint8Array, opsText: string): Promise<{ bytes: Uint8Array; shape: number[] }> {
  const parsed = parseOpsFile(opsText);
  if (!parsed.ok) throw new AugmentInputError(`OPS.json: ${parsed.errors.join('; ')}`);
  const {
    data,
    shape: [n, c, h, w],
  } = readImages(input);
  let [oh, ow] = [h, w];
  parsed.value.forEach((op, i) => {
    try {
      checkOpFits(op, oh, ow, `ops[${i}]`);
    } catch (e) {
      throw new AugmentInputError(`OPS.json: ${(e as Error).message}`);
    }
    [oh, ow] = opOutputSize(op, oh, ow);
  });
  const out = new Float32Array(n * c * oh * ow);
  for (let start = 0; start < n; start += CHUNK) {
    const m = Math.min(CHUNK, n - start);
    const y = tf.tidy(() => {
      const x = tf.tensor4d(data.subarray(start * c * h * w, (start + m) * c * h * w), [m, c, h, w]).transpose([0, 2, 3, 1]);
      return applyFunctionalOps(tf, x, parsed.value).transpose([0, 3, 1, 2]);
    });
    out.set((await y.data()) as Float32Array, start * c * oh * ow);
    y.dispose();
  }
  const shape = [n, c, oh, ow];
  return { bytes: writeSafetensors({ images: { shape, data: out } }, { ops: JSON.stringify(parsed.value) }), shape };
}
