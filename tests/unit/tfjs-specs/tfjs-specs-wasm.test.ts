import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../src/train/backends';
import { WASM_KERNELS } from '../../../src/train/kernels/wasm-kernels';
import { prepareSimdKernels, simdKernelsOf } from '../../../src/train/kernels/wasm-simd/runtime';
import { compareOnBackend } from './compare-backends';

// The book's kernels on each fresh wasm backend get the SIMD kernels, as selectBackend prepares them.
compareOnBackend({
  env: { name: 'wasm', backendName: 'wasm', isDataSync: true },
  table: WASM_KERNELS,
  start: async () => {
    await selectBackend(tf, { preferred: ['wasm'] });
  },
  eachFresh: async () => {
    if (!simdKernelsOf(tf.backend())) await prepareSimdKernels(tf.backend() as never, 1);
  },
});
