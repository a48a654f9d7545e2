/**
 * relu(conv2d(x, w, stride 1) + b) as one op with its own gradient, for the CNN's layers: the forward
 * pass is one FusedConv2D kernel (tfjs fuses ReLU only outside gradient recording, so tf.fused.conv2d
 * would run three), the backward pass takes ReLU's gradient in one kernel where the backend has
 * BookReluGrad and the SIMD module (wasm), and computes the bias, filter and — only when asked —
 * input gradients.
 */
import { RELU_GRAD } from './kernels/wasm-relu-grad';
import { simdKernelsOf } from './kernels/wasm-simd/runtime';
import type { TF, Tensor } from '../tensor/tf-types';

type T4 = import('@tensorflow/tfjs-core').Tensor4D;
type NamedTensorMap = import('@tensorflow/tfjs-core').NamedTensorMap;

/** Options: the symmetric padding, and whether x is data (no gradient flows to it: the first layer's images). */
export interface ConvBiasReluOptions {
  pad: number;
  inputIsData?: boolean;
}

/** dy where y > 0, else 0 (PyTorch's threshold_backward: a NaN output passes no gradient). */
export function reluGradFromOutput(tf: TF, dy: Tensor, y: Tensor): Tensor {
  // the kernel's own loop (no SIMD module) is slower than the three tfjs kernels, so only with SIMD
  if (tf.getKernel(RELU_GRAD, tf.getBackend()) && simdKernelsOf(tf.backend()))
    return tf.engine().runKernel(RELU_GRAD, { dy, y } as unknown as NamedTensorMap) as Tensor;
  return tf.where(tf.greater(y, 0), dy, tf.zerosLike(dy));
}

/** The layer's output, NHWC. */
export function convBiasRelu(tf: TF, x: Tensor, w: Tensor, b: Tensor, opts: ConvBiasReluOptions): Tensor {
  const conv = { strides: [1, 1] as [number, number], pad: opts.pad, dataFormat: 'NHWC' as const, dimRoundingMode: undefined };
  const forward = (xs: Tensor, ws: Tensor, bs: Tensor) =>
    tf.engine().runKernel(
      'FusedConv2D',
      { x: xs, filter: ws, bias: bs } as unknown as NamedTensorMap,
      {
        ...conv,
        dilations: [1, 1],
        activation: 'relu',
      } as unknown as import('@tensorflow/tfjs-core').NamedAttrMap,
    ) as Tensor;
  const grads = (dy: Tensor, xs: Tensor, ws: Tensor, y: Tensor, withInput: boolean): Tensor[] => {
    const dz = reluGradFromOutput(tf, dy, y);
    const attrs = conv as unknown as import('@tensorflow/tfjs-core').NamedAttrMap;
    const dw = tf
      .engine()
      .runKernel('Conv2DBackpropFilter', { x: xs, dy: dz } as unknown as NamedTensorMap, { ...attrs, filterShape: ws.shape }) as Tensor;
    const db = tf.sum(dz, [0, 1, 2]);
    if (!withInput) return [dw, db];
    const dx = tf
      .engine()
      .runKernel('Conv2DBackpropInput', { dy: dz, filter: ws } as unknown as NamedTensorMap, { ...attrs, inputShape: xs.shape }) as Tensor;
    return [dx, dw, db];
  };
  type Save = (ts: Tensor[]) => void;
  if (opts.inputIsData) {
    const f = tf.customGrad(((ws: Tensor, bs: Tensor, save: Save) => {
      const value = forward(x, ws, bs);
      save([ws, value]);
      return { value, gradFunc: (dy: Tensor, saved: Tensor[]) => grads(dy, x, saved[0], saved[1], false) };
    }) as unknown as Parameters<TF['customGrad']>[0]);
    return f(w, b) as Tensor;
  }
  const f = tf.customGrad(((xs: Tensor, ws: Tensor, bs: Tensor, save: Save) => {
    const value = forward(xs, ws, bs);
    save([xs, ws, value]);
    return { value, gradFunc: (dy: Tensor, saved: Tensor[]) => grads(dy, saved[0], saved[1], saved[2], true) };
  }) as unknown as Parameters<TF['customGrad']>[0]);
  return f(x, w, b) as T4;
}
