import { describe, expect, it } from 'vitest';
import { Body, I32, SIMD, encodeModule, sleb, uleb } from '../../../src/tensor/wasm-emit';

function instantiate(bytes: Uint8Array, memory: WebAssembly.Memory) {
  return new WebAssembly.Instance(new WebAssembly.Module(bytes as BufferSource), { env: { memory } }).exports as Record<
    string,
    (...a: number[]) => void
  >;
}

describe('uleb / sleb', () => {
  it('encodes LEB128 as the spec examples', () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(127)).toEqual([0x7f]);
    expect(uleb(128)).toEqual([0x80, 0x01]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
  });
});

describe('encodeModule', () => {
  it('builds a valid module whose loop, SIMD ops and table calls run', () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    // add4(p, q, count): p[i] += q[i] for count floats (a multiple of 4)
    const add = new Body(3);
    const i = add.local(I32);
    add.forRange(
      i,
      () => add.i32(0),
      () => add.get(2).i32(4).mul(),
      16,
      () => {
        add.get(0).get(i).add();
        add.get(0).get(i).add().simd(SIMD.load, 0).get(1).get(i).add().simd(SIMD.load, 0).simd(SIMD.f32x4Add);
        add.simd(SIMD.store, 0);
      },
    );
    // twice(p, q, count): calls add4 through the table, twice
    const twice = new Body(3);
    for (let k = 0; k < 2; k++) twice.get(0).get(1).get(2).i32(0).callIndirect(3);
    const bytes = encodeModule(
      [
        { name: 'add4', body: add },
        { name: 'twice', body: twice },
      ],
      { shared: false, minPages: 1 },
      ['add4'],
    );
    expect(WebAssembly.validate(bytes as BufferSource)).toBe(true);
    const x = instantiate(bytes, memory);
    const f = new Float32Array(memory.buffer);
    f.set([1, 2, 3, 4, 5, 6, 7, 8], 0);
    f.set([10, 20, 30, 40, 50, 60, 70, 80], 8);
    x.twice(0, 32, 8);
    expect([...f.subarray(0, 8)]).toEqual([21, 42, 63, 84, 105, 126, 147, 168]);
    x.add4(0, 32, 0); // an empty range runs no iteration
    expect(f[0]).toBe(21);
  });

  it('imports a shared memory when asked, and refuses unknown table entries and too many parameters', () => {
    const body = new Body(0);
    const shared = encodeModule([{ name: 'f', body }], { shared: true, minPages: 1 });
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 16, shared: true } as WebAssembly.MemoryDescriptor);
    expect(() => instantiate(shared, memory)).not.toThrow();
    expect(() => instantiate(shared, new WebAssembly.Memory({ initial: 1 }))).toThrow();
    expect(() => encodeModule([{ name: 'f', body }], { shared: false, minPages: 1 }, ['g'])).toThrow(/not a function/);
    expect(() => encodeModule([{ name: 'f', body: new Body(13) }], { shared: false, minPages: 1 })).toThrow(/parameters/);
  });
});
