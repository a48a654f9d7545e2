/** File, tensor and backend helpers shared by the train, train-step, embed and convert-weights commands. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../src/train/backends';
import type { TorchState } from '../src/train/model';
import { type WeightsFile, readWeightsFile } from '../src/tensor/weights/read-weights';
import { readSafetensors, writeSafetensors } from '../src/tensor/weights/safetensors';
import type { TensorMap } from '../src/tensor/weights/tensor-map';

/** Reads a file's bytes, with a clear message when it is not there. */
export function readBytes(path: string, flag: string): Uint8Array {
  if (!existsSync(path)) throw new Error(`${flag} ${path} does not exist`);
  return new Uint8Array(readFileSync(path));
}

/** Reads a .pth or .safetensors weights file and its SHA-256. */
export function loadWeights(path: string, flag = '--weights'): Promise<WeightsFile> {
  return readWeightsFile(readBytes(path, flag), path);
}

/** Reads the tensors of a safetensors file. */
export function loadTensors(path: string, flag = '--input'): TensorMap {
  try {
    return readSafetensors(readBytes(path, flag)).tensors;
  } catch (e) {
    throw new Error(`${flag} ${path}: ${(e as Error).message}`);
  }
}

/** Writes host tensors (F32, or I64 where marked) as safetensors. */
export function saveTensors(path: string, tensors: TorchState, metadata: Record<string, string> = {}): void {
  writeFileSync(path, writeSafetensors(tensors, metadata));
}

/** Switches tfjs to `name` (cpu or wasm; webgpu where a navigator.gpu exists) and returns the backend in use. */
export async function useBackend(name: string): Promise<string> {
  return (await selectBackend(tf, { preferred: [name] })).name;
}

/** An NCHW float tensor of a file as an NHWC tfjs tensor [N, H, W, C]. */
export function nhwcFromNchw(t: { shape: number[]; data: Float32Array | number[] }, name: string): tf.Tensor4D {
  if (t.shape.length !== 4) throw new Error(`${name} must be NCHW [N, C, H, W], got [${t.shape}]`);
  if (!(t.data instanceof Float32Array)) throw new Error(`${name} must hold floats`);
  for (const v of t.data) if (!Number.isFinite(v)) throw new Error(`${name} holds a non-finite value`);
  return tf.tidy(() => tf.transpose(tf.tensor4d(t.data as Float32Array, t.shape as [number, number, number, number]), [0, 2, 3, 1]));
}

/** Prints `cmd: message` and returns exit code 2 for any thrown error (used by every command's main). */
export function runMain(cmd: string, main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`${cmd}: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(2);
    },
  );
}
