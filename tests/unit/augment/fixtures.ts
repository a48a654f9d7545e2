/** Loads tests/fixtures/augment (torchvision outputs) as NHWC tfjs tensors. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import { readSafetensors } from '../../../src/tensor/weights/safetensors';

const DIR = join(__dirname, '../../fixtures/augment');

/** One torchvision case: its input tensor name, the ops (OPS.json format) and the output tensor name. */
export interface AugmentCase {
  name: string;
  input: string;
  ops: Record<string, unknown>[];
  output: string;
}

/** The cases and the tensors ([N, 3, H, W] float32) they name. */
export function loadAugmentFixtures() {
  const meta = JSON.parse(readFileSync(join(DIR, 'cases.json'), 'utf8')) as { torchvision: string; cases: AugmentCase[] };
  const { tensors } = readSafetensors(new Uint8Array(readFileSync(join(DIR, 'tensors.safetensors'))));
  return { ...meta, tensors };
}

/** A [N, 3, H, W] host tensor as an NHWC tfjs tensor. */
export function toNhwc(tf: typeof tfjs, t: { shape: number[]; data: Float32Array | number[] }) {
  return tf.tidy(() => tf.tensor4d(t.data as Float32Array, t.shape as [number, number, number, number]).transpose([0, 2, 3, 1]));
}

/** The fixtures' file path (for the CLI test). */
export const FIXTURE_TENSORS = join(DIR, 'tensors.safetensors');
