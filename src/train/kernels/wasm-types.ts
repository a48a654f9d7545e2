/** The few pieces of tfjs-backend-wasm's internals that the custom kernels use. */
export type TensorInfo = import('@tensorflow/tfjs-core').TensorInfo;

/** The BackendWasm methods the kernels call (output allocation and heap views). */
export interface WasmBackendLike {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): { [i: number]: number; length: number };
  disposeData(dataId: object): boolean;
}

/** Convolution attributes shared by the gradient kernels. */
export interface ConvAttrs {
  strides: number | [number, number];
  pad: 'same' | 'valid' | number | import('@tensorflow/tfjs-core').backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}
