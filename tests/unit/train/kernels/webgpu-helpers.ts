/** Starts tfjs's webgpu backend on Dawn in Node (SwiftShader when no driver is named) with the project's kernels. */
import * as tf from '@tensorflow/tfjs';
import { type DawnInfo, installDawn } from '../../../../bench/lib/dawn';
import { registerBookKernels } from '../../../../src/tensor/kernel-table';
import { WEBGPU_KERNELS } from '../../../../src/train/kernels/webgpu-kernels';

let started: Promise<DawnInfo> | undefined;

/** Starts once; every test awaiting it fails (never skips) with the missing package named when Dawn or the backend cannot start. */
export function webgpu(): Promise<DawnInfo> {
  started ??= startWebgpu();
  return started;
}

async function startWebgpu(): Promise<DawnInfo> {
  const info = await installDawn({ softwareFallback: true });
  await import('@tensorflow/tfjs-backend-webgpu');
  if (!(await tf.setBackend('webgpu'))) throw new Error(`tfjs's webgpu backend did not initialise on ${info.adapter}`);
  registerBookKernels(tf, WEBGPU_KERNELS);
  return info;
}

/** Seeded uniform floats in [-1, 1). */
export function randoms(rng: () => number, n: number): Float32Array {
  return Float32Array.from({ length: n }, () => rng() * 2 - 1);
}

/** Runs kernel `name` with `inputs` (host arrays and shapes) on `backend`, returning its output's values and shape. */
export async function runOn(
  backend: string,
  name: string,
  inputs: Record<string, { data: Float32Array; shape: number[] }>,
  attrs: object,
): Promise<{ data: Float32Array; shape: number[] }> {
  tf.setBackend(backend);
  const out = tf.tidy(() => {
    const ins = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, tf.tensor(v.data, v.shape, 'float32')]));
    return tf.engine().runKernel(name, ins, attrs as never) as tf.Tensor;
  });
  const data = (await out.data()) as Float32Array;
  out.dispose();
  return { data, shape: out.shape };
}
