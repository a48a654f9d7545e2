/** A wasm memory with a bump allocator standing in for tfjs-backend-wasm's module, for testing the SIMD kernels alone. */
import type { WasmModuleLike } from '../../src/train/kernels/wasm-simd/runtime';

/** A fake backend module on a fresh memory (shared or not), and float32 helpers on it. */
export interface TestHeap {
  backend: { wasm: WasmModuleLike };
  memory: WebAssembly.Memory;
  /** Allocates room for `data` (16-byte aligned), copies it in and returns its byte address. */
  put(data: ArrayLike<number>): number;
  /** Allocates `floats` zeroed floats. */
  alloc(floats: number): number;
  read(at: number, floats: number): Float32Array;
  freed: number;
}

export function testHeap(shared: boolean, pages = 256): TestHeap {
  const memory = new WebAssembly.Memory({ initial: pages, maximum: 4096, shared } as WebAssembly.MemoryDescriptor);
  let top = 64;
  const heap: TestHeap = {
    memory,
    freed: 0,
    backend: {
      wasm: {
        get HEAPU8() {
          return new Uint8Array(memory.buffer);
        },
        _malloc: (bytes: number) => {
          const at = top;
          top += (bytes + 15) & ~15;
          return at;
        },
        _free: () => {
          heap.freed++;
        },
        ...(shared ? { wasmMemory: memory } : { asm: { memory } }),
      },
    },
    put(data) {
      const at = heap.alloc(data.length);
      new Float32Array(memory.buffer, at, data.length).set(data);
      return at;
    },
    alloc(floats) {
      const at = heap.backend.wasm._malloc(floats * 4);
      new Float32Array(memory.buffer, at, floats).fill(0);
      return at;
    },
    read(at, floats) {
      return new Float32Array(memory.buffer, at, floats).slice();
    },
  };
  return heap;
}
