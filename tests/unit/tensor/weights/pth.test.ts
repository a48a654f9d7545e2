import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readPth } from '../../../../src/tensor/weights/pth';
import { readSafetensors } from '../../../../src/tensor/weights/safetensors';

const FIXTURES = '../shared/fixtures/cnn64';

/** Assembles a pickle program from opcode bytes and strings. */
function program(...parts: (number | string)[]): Uint8Array {
  const bytes: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') bytes.push(p);
    else for (const b of new TextEncoder().encode(p)) bytes.push(b);
  }
  return Uint8Array.from(bytes);
}
const uni = (s: string) => [0x8c, s.length, s] as const; // SHORT_BINUNICODE
const glob = (m: string, n: string) => ['c', `${m}\n${n}\n`] as const;

/** A state_dict {"t": view of a 12-float storage with the given offset, size and strides}. */
function stridedPth(storage: Float32Array, offset: number, size: number[], stride: number[]): Uint8Array {
  const pkl = program(
    0x80,
    2,
    0x7d,
    0x28,
    ...uni('t'),
    ...glob('torch._utils', '_rebuild_tensor_v2'),
    0x28,
    0x28,
    ...uni('storage'),
    ...glob('torch', 'FloatStorage'),
    ...uni('0'),
    ...uni('cpu'),
    0x4b,
    storage.length,
    0x74,
    0x51,
    0x4b,
    offset,
    0x28,
    ...size.flatMap((d) => [0x4b, d]),
    0x74,
    0x28,
    ...stride.flatMap((d) => [0x4b, d]),
    0x74,
    0x89,
    ...glob('collections', 'OrderedDict'),
    0x29,
    0x52,
    0x74,
    0x52,
    0x75,
    0x2e,
  );
  return zipSync({ 'archive/data.pkl': pkl, 'archive/data/0': new Uint8Array(storage.buffer), 'archive/version': program('3\n') });
}

describe('readPth', () => {
  it('gives tensors identical to the safetensors fixture', () => {
    const pth = readPth(readFileSync(`${FIXTURES}/weights.pth`));
    const st = readSafetensors(readFileSync(`${FIXTURES}/weights.safetensors`)).tensors;
    expect([...pth.keys()]).toEqual([...st.keys()]);
    for (const [name, t] of st) {
      expect(pth.get(name)?.shape, name).toEqual(t.shape);
      expect(pth.get(name)?.data, name).toEqual(t.data);
    }
  });

  it('honours storage offset, shape and strides', () => {
    const storage = Float32Array.from({ length: 12 }, (_, i) => i * 1.5 - 3);
    const [offset, size, stride] = [1, [2, 3], [1, 2]];
    const t = readPth(stridedPth(storage, offset, size, stride)).get('t');
    const expected: number[] = [];
    for (let i = 0; i < size[0]; i++) for (let j = 0; j < size[1]; j++) expected.push(storage[offset + i * stride[0] + j * stride[1]]);
    expect(t?.shape).toEqual(size);
    expect([...(t?.data ?? [])]).toEqual(expected);
  });

  it('rejects a view that runs past its storage', () => {
    expect(() => readPth(stridedPth(new Float32Array(12), 8, [2, 3], [4, 1]))).toThrow(/exceeds its storage/);
  });

  it('refuses to call globals outside the allowlist', () => {
    const pkl = program(0x80, 2, ...glob('os', 'system'), ...uni('echo hi'), 0x85, 0x52, 0x2e);
    expect(() => readPth(zipSync({ 'a/data.pkl': pkl }))).toThrow(/refusing to call os\.system/);
  });

  it('rejects non-zip input and unknown opcodes clearly', () => {
    expect(() => readPth(new Uint8Array([1, 2, 3, 4]))).toThrow(/pth: not a zip archive/);
    expect(() => readPth(zipSync({ 'a/data.pkl': program(0x80, 2, 0x01) }))).toThrow(/unsupported opcode 0x01/);
    expect(() => readPth(zipSync({ 'a/other': program('x') }))).toThrow(/data\.pkl/);
  });
});
