/** Plain host-side tensors shared by the safetensors and .pth readers (PyTorch layouts, row-major). */

/** Element types the readers understand. */
export type HostDtype = 'F32' | 'F64' | 'F16' | 'BF16' | 'I64' | 'I32' | 'I16' | 'I8' | 'U8' | 'BOOL';

/** One tensor: floats become Float32Array, integers a plain number array. */
export interface HostTensor {
  dtype: HostDtype;
  shape: number[];
  data: Float32Array | number[];
}

/** Named tensors in file order. */
export type TensorMap = Map<string, HostTensor>;

/** Bytes per element of each dtype. */
export const DTYPE_SIZE: Record<HostDtype, number> = {
  F32: 4,
  F64: 8,
  F16: 2,
  BF16: 2,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U8: 1,
  BOOL: 1,
};

/** True for a dtype name this module can decode. */
export function isHostDtype(s: unknown): s is HostDtype {
  return typeof s === 'string' && Object.hasOwn(DTYPE_SIZE, s);
}

/** Product of a shape's dimensions (1 for a scalar). */
export function numel(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Converts an IEEE half-precision bit pattern to a number. */
export function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * f * 2 ** -24;
  if (e === 31) return f ? NaN : s * Infinity;
  return s * (1 + f / 1024) * 2 ** (e - 15);
}

/** Converts a number to the nearest IEEE half-precision bit pattern (round half to even; overflow → ±Infinity). */
export function floatToHalf(x: number): number {
  const f = new DataView(new ArrayBuffer(4));
  f.setFloat32(0, x, true);
  const bits = f.getUint32(0, true);
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  const mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    const m = mant | 0x800000;
    const shift = 14 - e;
    let h = m >>> shift;
    const rem = m & ((1 << shift) - 1);
    const half = 1 << (shift - 1);
    if (rem > half || (rem === half && h & 1)) h += 1;
    return sign | h;
  }
  let h = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && h & 1)) h += 1;
  return sign | h;
}

/** Reads element i of a little-endian buffer of the given dtype as a number; I64 outside ±2^53 throws. */
export function readElement(view: DataView, byteOffset: number, dtype: HostDtype): number {
  switch (dtype) {
    case 'F32':
      return view.getFloat32(byteOffset, true);
    case 'F64':
      return view.getFloat64(byteOffset, true);
    case 'F16':
      return halfToFloat(view.getUint16(byteOffset, true));
    case 'BF16': {
      const f = new DataView(new ArrayBuffer(4));
      f.setUint32(0, view.getUint16(byteOffset, true) << 16, true);
      return f.getFloat32(0, true);
    }
    case 'I64': {
      const v = view.getBigInt64(byteOffset, true);
      if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
        throw new Error(`int64 value ${v} does not fit a JavaScript number exactly`);
      }
      return Number(v);
    }
    case 'I32':
      return view.getInt32(byteOffset, true);
    case 'I16':
      return view.getInt16(byteOffset, true);
    case 'I8':
      return view.getInt8(byteOffset);
    case 'U8':
      return view.getUint8(byteOffset);
    case 'BOOL':
      return view.getUint8(byteOffset) ? 1 : 0;
  }
}

/** True for dtypes decoded into Float32Array. */
export function isFloatDtype(d: HostDtype): boolean {
  return d === 'F32' || d === 'F64' || d === 'F16' || d === 'BF16';
}

/**
 * Decodes a strided view of a little-endian buffer into a contiguous row-major tensor.
 * `offset` and `strides` are in elements; bounds are checked against the buffer.
 */
export function decodeStrided(bytes: Uint8Array, dtype: HostDtype, shape: number[], offset: number, strides: number[]): HostTensor {
  const n = numel(shape);
  const size = DTYPE_SIZE[dtype];
  const available = Math.floor(bytes.byteLength / size);
  if (n > 0) {
    let maxIndex = offset;
    for (let d = 0; d < shape.length; d++) maxIndex += (shape[d] - 1) * strides[d];
    let minIndex = offset;
    for (let d = 0; d < shape.length; d++) if (strides[d] < 0) minIndex += (shape[d] - 1) * strides[d];
    if (minIndex < 0 || maxIndex >= available) {
      throw new Error(`tensor view [${shape}] at offset ${offset} strides [${strides}] exceeds its storage of ${available} elements`);
    }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Float32Array | number[] = isFloatDtype(dtype) ? new Float32Array(n) : new Array<number>(n);
  const contiguous = contiguousStrides(shape).every((s, d) => s === strides[d] || shape[d] === 1);
  if (contiguous) {
    for (let i = 0; i < n; i++) out[i] = readElement(view, (offset + i) * size, dtype);
    return { dtype, shape: [...shape], data: out };
  }
  const idx = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < n; i++) {
    let e = offset;
    for (let d = 0; d < shape.length; d++) e += idx[d] * strides[d];
    out[i] = readElement(view, e * size, dtype);
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return { dtype, shape: [...shape], data: out };
}

/** Row-major (contiguous) strides of a shape. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    s[d] = acc;
    acc *= shape[d];
  }
  return s;
}
