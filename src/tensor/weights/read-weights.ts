/** Reads a weights file of either format (told apart by its first bytes) and fingerprints it for the run record. */
import { sha256Hex } from '../../data/sha256';
import { readPth } from './pth';
import { readSafetensors } from './safetensors';
import type { TensorMap } from './tensor-map';

/** A state_dict read from a file, with where it came from. */
export interface WeightsFile {
  tensors: TensorMap;
  format: 'safetensors' | 'pth';
  /** Lower-case hex SHA-256 of the file's bytes. */
  sha256: string;
  bytes: number;
}

/** True when the bytes start like a zip archive (torch.save's format since PyTorch 1.6). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Parses `.pth` (zip) or `.safetensors` bytes; `name` only makes error messages clearer. */
export function readWeightsBytes(bytes: Uint8Array, name = 'weights'): { tensors: TensorMap; format: WeightsFile['format'] } {
  try {
    return isZip(bytes) ? { tensors: readPth(bytes), format: 'pth' } : { tensors: readSafetensors(bytes).tensors, format: 'safetensors' };
  } catch (e) {
    throw new Error(`${name} could not be read as .pth or .safetensors: ${(e as Error).message}`);
  }
}

/** Reads a weights file and computes its SHA-256. */
export async function readWeightsFile(bytes: Uint8Array, name = 'weights'): Promise<WeightsFile> {
  const { tensors, format } = readWeightsBytes(bytes, name);
  return { tensors, format, sha256: await sha256Hex(bytes), bytes: bytes.byteLength };
}
