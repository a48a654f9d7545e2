/**
 * tfjs-core's spec files (under @tensorflow/tfjs-core/dist) that exercise each tfjs kernel the book
 * replaces (src/train/kernels: wasm-kernels.ts, webgpu-kernels.ts). The book's other kernels have names
 * of its own (BookReluGrad, the augmentation kernels), which no tfjs op calls: their references are the
 * op-by-op versions (tests/unit/augment/kernels, tests/unit/train/conv-bias-relu.test.ts). Each file's
 * listing is checked: the comparison counts the calls each kernel gets while that file's specs run.
 */
export const SPECS_BY_KERNEL: Readonly<Record<string, readonly string[]>> = {
  Conv2D: ['ops/conv2d_test.js', 'ops/conv1d_test.js', 'ops/conv2d_separable_test.js', 'ops/fused/fused_conv2d_test.js'],
  Conv2DBackpropInput: ['ops/conv2d_transpose_test.js', 'ops/conv2d_test.js', 'ops/conv1d_test.js', 'ops/fused/fused_conv2d_test.js'],
  Conv2DBackpropFilter: ['ops/conv2d_test.js', 'ops/conv1d_test.js', 'ops/fused/fused_conv2d_test.js'],
  MaxPoolGrad: ['ops/max_pool_test.js', 'ops/pool_test.js'],
  Sum: ['ops/sum_test.js', 'gradients_test.js'],
  // the engine saves a gradient's inputs with clone(), which runs Identity
  Identity: ['ops/clone_test.js', 'gradients_test.js', 'ops/relu_test.js', 'ops/max_pool_test.js'],
};

/** Every spec file for the kernels `names` (each once, in a fixed order). */
export function specFilesFor(names: readonly string[]): string[] {
  return [...new Set(names.flatMap((n) => SPECS_BY_KERNEL[n] ?? []))].sort();
}
