/**
 * The few pieces of tfjs-backend-webgpu 4.22's internals that the custom WebGPU kernels use: a
 * program is a plain object whose `getUserCode()` WGSL is appended to tfjs's generated header
 * (uniform struct with `NAN`, `INFINITY`, each input's and the output's shape and strides, then
 * `uniforms`; bindings `result` and one `array<f32>` per name in `variableNames`).
 */
export type TensorInfo = import('@tensorflow/tfjs-core').TensorInfo;

/** What tfjs's runWebGPUProgram reads from a program (see webgpu_program.d.ts). */
export interface WebgpuProgram {
  variableNames: string[];
  outputShape: number[];
  /** Cache key of the compiled pipeline: must name every compile-time constant of the shader. */
  shaderKey: string;
  /** Output dims per dispatch axis; only `x` ⇒ flat, `fn main(index : i32)`; with `y` ⇒ `fn main()`. */
  dispatchLayout: { x: number[]; y?: number[]; z?: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  /** Extra uniform fields, e.g. `pads : vec2<i32>, kChunk : i32,` (values passed to runWebGPUProgram in order). */
  uniforms?: string;
  /** Adds a `size : i32` uniform (the output's element count). */
  size?: boolean;
  getUserCode(): string;
}

/** One program-defined uniform value. */
export interface ProgramUniform {
  type: 'int32' | 'float32' | 'uint32';
  data: number[];
}

/** The WebGPUBackend methods the kernels call. */
export interface WebgpuBackendLike {
  runWebGPUProgram(program: WebgpuProgram, inputs: TensorInfo[], dtype: 'float32' | 'int32', uniforms?: ProgramUniform[]): TensorInfo;
  disposeData(dataId: object): boolean;
}

/** Arguments tfjs passes to a kernel function. */
export interface KernelArgs {
  inputs: Record<string, TensorInfo>;
  backend: unknown;
  attrs?: unknown;
}

/** Pool and convolution padding as tfjs attributes give it. */
export type PadAttr = 'same' | 'valid' | number | import('@tensorflow/tfjs-core').backend_util.ExplicitPadding;
