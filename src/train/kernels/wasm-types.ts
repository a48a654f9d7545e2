/** The few pieces of tfjs-backend-wasm's internals that the custom kernels use. */
export type TensorInfo = import('@tensorflow/tfjs-core').TensorInfo;

/** The BackendWasm methods the kernels call (output allocation and heap views). */
export interface WasmBackendLike {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): { [i: number]: number; length: number };
  disposeData(dataId: object): boolean;
}
