import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../src/train/backends';
import { WEBGPU_KERNELS } from '../../../src/train/kernels/webgpu-kernels';
import { webgpu } from '../train/kernels/webgpu-helpers';
import { compareOnBackend } from './compare-backends';

// Dawn in Node (SwiftShader where no GPU driver is named); small tensors stay on the GPU, as in tfjs's own webgpu test setup.
compareOnBackend({
  env: { name: 'webgpu', backendName: 'webgpu', flags: { WEBGPU_CPU_FORWARD: false }, isDataSync: true },
  table: WEBGPU_KERNELS,
  start: async () => {
    await webgpu();
    await selectBackend(tf, { preferred: ['webgpu'] });
  },
});
