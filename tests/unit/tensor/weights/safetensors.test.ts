import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readSafetensors, writeSafetensors } from '../../../../src/tensor/weights/safetensors';

const FIXTURES = '../shared/fixtures/cnn64';

function rawFile(header: unknown, data: Uint8Array): Uint8Array {
  const h = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + h.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(h.length), true);
  out.set(h, 8);
  out.set(data, 8 + h.length);
  return out;
}

describe('readSafetensors', () => {
  it('reads the cnn64 fixture weights with PyTorch shapes', () => {
    const { tensors } = readSafetensors(readFileSync(`${FIXTURES}/weights.safetensors`));
    expect(tensors.get('conv1.weight')?.shape).toEqual([32, 3, 3, 3]);
    expect(tensors.get('fc.weight')?.shape).toEqual([10, 2048]);
    expect(tensors.get('fc.weight')?.data).toBeInstanceOf(Float32Array);
  });

  it('decodes I64 labels of the case file into integers', () => {
    const { tensors } = readSafetensors(readFileSync(`${FIXTURES}/case.safetensors`));
    const labels = tensors.get('labels');
    expect(labels?.dtype).toBe('I64');
    expect(Array.isArray(labels?.data)).toBe(true);
    expect((labels!.data as number[]).every((v) => Number.isInteger(v) && v >= 0 && v < 10)).toBe(true);
  });

  it('decodes F16 and BF16 values exactly', () => {
    // 1.0, -2.0, 0.5 in half precision; 1.0, -2.0, 0.5 in bfloat16.
    const half = new Uint8Array(new Uint16Array([0x3c00, 0xc000, 0x3800]).buffer);
    const bf = new Uint8Array(new Uint16Array([0x3f80, 0xc000, 0x3f00]).buffer);
    const data = new Uint8Array(12);
    data.set(half, 0);
    data.set(bf, 6);
    const file = rawFile(
      { h: { dtype: 'F16', shape: [3], data_offsets: [0, 6] }, b: { dtype: 'BF16', shape: [3], data_offsets: [6, 12] } },
      data,
    );
    const { tensors } = readSafetensors(file);
    const expected = Float32Array.from(new Float32Array([1, -2, 0.5]));
    expect(tensors.get('h')?.data).toEqual(expected);
    expect(tensors.get('b')?.data).toEqual(expected);
  });

  it('rejects corrupt files with a clear message', () => {
    expect(() => readSafetensors(new Uint8Array(3))).toThrow(/shorter than the 8-byte/);
    const big = new Uint8Array(16);
    new DataView(big.buffer).setBigUint64(0, 1000n, true);
    expect(() => readSafetensors(big)).toThrow(/runs past the end/);
    const notJson = rawFile({}, new Uint8Array(0));
    notJson[9] = 0x7b;
    notJson[8] = 0x5b;
    expect(() => readSafetensors(notJson)).toThrow(/safetensors/);
    expect(() => readSafetensors(rawFile({ a: { dtype: 'F32', shape: [4], data_offsets: [0, 8] } }, new Uint8Array(8)))).toThrow(
      /needs 16/,
    );
    expect(() => readSafetensors(rawFile({ a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } }, new Uint8Array(4)))).toThrow(/outside/);
    expect(() => readSafetensors(rawFile({ a: { dtype: 'Q4', shape: [2], data_offsets: [0, 8] } }, new Uint8Array(8)))).toThrow(
      /unsupported dtype/,
    );
    expect(() => readSafetensors(rawFile({ a: { dtype: 'F32', shape: [-1], data_offsets: [0, 0] } }, new Uint8Array(0)))).toThrow(
      /invalid shape/,
    );
  });

  it('never throws anything but an Error on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          readSafetensors(bytes);
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('writeSafetensors', () => {
  it('round-trips tensors and metadata through readSafetensors', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ noNaN: true }), { minLength: 0, maxLength: 24 }),
        fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 5 }),
        (vals, ints) => {
          const w = writeSafetensors(
            { w: { shape: [vals.length], data: Float32Array.from(vals) }, n: { shape: [ints.length], data: ints, dtype: 'I64' } },
            { note: 'x' },
          );
          const { tensors, metadata } = readSafetensors(w);
          expect(tensors.get('w')?.data).toEqual(Float32Array.from(vals));
          expect(tensors.get('n')?.data).toEqual(ints);
          expect(metadata).toEqual({ note: 'x' });
        },
      ),
      { seed: 3, numRuns: 50 },
    );
  });

  it('reproduces the fixture tensors exactly after a round trip', () => {
    const { tensors } = readSafetensors(readFileSync(`${FIXTURES}/weights.safetensors`));
    const again = readSafetensors(writeSafetensors(tensors as never)).tensors;
    for (const [name, t] of tensors) expect(again.get(name)?.data).toEqual(t.data);
  });
});
