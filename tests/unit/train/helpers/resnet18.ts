/** The PyTorch ResNet-18 fixtures (shared weights and cases, and the committed small cases) for tests. */
import { readFileSync } from 'node:fs';
import { readSafetensors } from '../../../../src/tensor/weights/safetensors';
import type { TensorMap } from '../../../../src/tensor/weights/tensor-map';

export const RESNET18_SHARED = '../shared/fixtures/resnet18';
export const RESNET18_LOCAL = 'tests/fixtures/resnet18';
export const RESNET18_WEIGHTS = `${RESNET18_SHARED}/weights.safetensors`;

let weights: TensorMap | null = null;

/** torchvision resnet18 state_dict of the shared fixture (read once per test file). */
export function resnet18Weights(): TensorMap {
  weights ??= readSafetensors(readFileSync(RESNET18_WEIGHTS)).tensors;
  return weights;
}

/** Tensors of a safetensors file. */
export function tensorsOf(path: string): TensorMap {
  return readSafetensors(readFileSync(path)).tensors;
}

/** The values of `a` at flat indices `idx`. */
export function at(a: ArrayLike<number>, idx: ArrayLike<number>): number[] {
  return Array.from(idx, (i) => a[i]);
}

/** Euclidean norm. */
export function norm(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}
