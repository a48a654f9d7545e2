/** safetensors read/write: 8-byte LE header length, JSON header, then raw little-endian data. */
import {
  DTYPE_SIZE,
  type HostTensor,
  type TensorMap,
  contiguousStrides,
  decodeStrided,
  floatToHalf,
  isHostDtype,
  numel,
} from './tensor-map';

const MAX_HEADER_BYTES = 100 * 1024 * 1024;
const MAX_DIMS = 8;

/** Contents of a safetensors file: tensors in header order and the optional string metadata. */
export interface SafetensorsFile {
  tensors: TensorMap;
  metadata: Record<string, string>;
}

function fail(msg: string): never {
  throw new Error(`safetensors: ${msg}`);
}

function isNonNegInt(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

/** Parses a safetensors file; throws an Error with a clear message on any malformed header or data. */
export function readSafetensors(bytes: Uint8Array): SafetensorsFile {
  if (!(bytes instanceof Uint8Array)) fail('input is not a byte array');
  if (bytes.byteLength < 8) fail(`file is ${bytes.byteLength} bytes, shorter than the 8-byte header length`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = Number(view.getBigUint64(0, true));
  if (headerLen > MAX_HEADER_BYTES) fail(`header length ${headerLen} is implausibly large`);
  if (8 + headerLen > bytes.byteLength) fail(`header length ${headerLen} runs past the end of the ${bytes.byteLength}-byte file`);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLen)));
  } catch (e) {
    fail(`header is not valid UTF-8 JSON (${(e as Error).message})`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) fail('header is not a JSON object');
  const data = bytes.subarray(8 + headerLen);
  const tensors: TensorMap = new Map();
  const metadata: Record<string, string> = {};
  const entries = Object.entries(header as Record<string, unknown>);
  for (const [name, info] of entries) {
    if (name === '__metadata__') {
      if (typeof info !== 'object' || info === null || Array.isArray(info)) fail('__metadata__ is not an object');
      for (const [k, v] of Object.entries(info as Record<string, unknown>)) {
        if (typeof v !== 'string') fail(`__metadata__.${k} is not a string`);
        Object.defineProperty(metadata, k, { value: v, enumerable: true, writable: true, configurable: true });
      }
      continue;
    }
    tensors.set(name, readEntry(name, info, data));
  }
  return { tensors, metadata };
}

function readEntry(name: string, info: unknown, data: Uint8Array): HostTensor {
  if (typeof info !== 'object' || info === null) fail(`entry "${name}" is not an object`);
  const { dtype, shape, data_offsets: offsets } = info as Record<string, unknown>;
  if (!isHostDtype(dtype)) fail(`tensor "${name}" has unsupported dtype ${JSON.stringify(dtype)}`);
  if (!Array.isArray(shape) || shape.length > MAX_DIMS || !shape.every(isNonNegInt)) {
    fail(`tensor "${name}" has an invalid shape ${JSON.stringify(shape)}`);
  }
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isNonNegInt)) {
    fail(`tensor "${name}" has invalid data_offsets ${JSON.stringify(offsets)}`);
  }
  const [begin, end] = offsets as number[];
  if (begin > end || end > data.byteLength) {
    fail(`tensor "${name}" data_offsets [${begin}, ${end}] lie outside the ${data.byteLength} data bytes`);
  }
  const dims = shape as number[];
  const expected = numel(dims) * DTYPE_SIZE[dtype];
  if (end - begin !== expected) {
    fail(`tensor "${name}" has ${end - begin} bytes but ${dtype}[${dims}] needs ${expected}`);
  }
  try {
    return decodeStrided(data.subarray(begin, end), dtype, dims, 0, contiguousStrides(dims));
  } catch (e) {
    fail(`tensor "${name}": ${(e as Error).message}`);
  }
}

/** Element types the writer produces. */
export type WritableDtype = 'F32' | 'F16' | 'I64';

/** A tensor to write: F32 (default for a Float32Array) or F16 from floats, or I64 from integers. */
export interface WritableTensor {
  shape: number[];
  data: Float32Array | number[];
  dtype?: WritableDtype | string;
}

/** Serialises tensors (F32, F16 or I64) to safetensors bytes, in the given order, with optional metadata. */
export function writeSafetensors(
  tensors: Map<string, WritableTensor> | Record<string, WritableTensor>,
  metadata: Record<string, string> = {},
): Uint8Array {
  const list = tensors instanceof Map ? [...tensors.entries()] : Object.entries(tensors);
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  let offset = 0;
  const parts: { begin: number; t: WritableTensor; dtype: WritableDtype }[] = [];
  for (const [name, t] of list) {
    const dtype = t.dtype ?? (t.data instanceof Float32Array ? 'F32' : 'I64');
    if (dtype !== 'F32' && dtype !== 'F16' && dtype !== 'I64')
      throw new Error(`safetensors: cannot write tensor "${name}" as ${dtype} (F32, F16 or I64 only)`);
    const n = numel(t.shape);
    if (t.data.length !== n) throw new Error(`safetensors: tensor "${name}" has ${t.data.length} values for shape [${t.shape}]`);
    const size = n * DTYPE_SIZE[dtype];
    header[name] = { dtype, shape: t.shape, data_offsets: [offset, offset + size] };
    parts.push({ begin: offset, t, dtype });
    offset += size;
  }
  let json = JSON.stringify(header);
  while ((8 + new TextEncoder().encode(json).byteLength) % 8 !== 0) json += ' ';
  const headerBytes = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + headerBytes.byteLength + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(headerBytes.byteLength), true);
  out.set(headerBytes, 8);
  const base = 8 + headerBytes.byteLength;
  for (const { begin, t, dtype } of parts) {
    for (let i = 0; i < t.data.length; i++) {
      if (dtype === 'F32') view.setFloat32(base + begin + 4 * i, t.data[i], true);
      else if (dtype === 'F16') view.setUint16(base + begin + 2 * i, floatToHalf(t.data[i]), true);
      else view.setBigInt64(base + begin + 8 * i, BigInt(Math.trunc(t.data[i])), true);
    }
  }
  return out;
}
