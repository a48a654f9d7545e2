/**
 * `npx tsx bench/gpu-kernels.bench.ts`: the project's WebGPU kernels one by one against tfjs-webgpu's
 * stock ones on the shapes the issue measured (CNN layers at 128×128, ResNet's stem at 224×224,
 * batch 32): GPU time per call (tf.profile with timestamp queries, best of --reps) and the largest
 * difference of the outputs. Options: --batch 32 --reps 3 --only conv1,stem (case names).
 * SwiftShader: VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json … --batch 2 --reps 1.
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { registerBookKernels, unregisterBookKernels } from '../src/tensor/kernel-table';
import { WEBGPU_REPLACED } from '../src/train/kernels/webgpu-kernels';
import { installDawn } from './lib/dawn';

const { values: v } = parseArgs({
  options: { batch: { type: 'string', default: '32' }, reps: { type: 'string', default: '3' }, only: { type: 'string' } },
});
const n = Number(v.batch);
const reps = Number(v.reps);

interface Case {
  name: string;
  kernel: string;
  inputs: Record<string, number[]>;
  attrs: object;
}
const conv = (name: string, h: number, ci: number, co: number, k: number, s: number, p: number, oh: number): Case => ({
  name,
  kernel: 'Conv2DBackpropFilter',
  inputs: { x: [n, h, h, ci], dy: [n, oh, oh, co] },
  attrs: { strides: s, pad: p, dataFormat: 'NHWC', filterShape: [k, k, ci, co] },
});
const pool = (name: string, h: number, c: number, k: number, s: number, p: number | 'valid', oh: number): Case => ({
  name,
  kernel: 'MaxPoolGrad',
  inputs: { dy: [n, oh, oh, c], input: [n, h, h, c], output: [n, oh, oh, c] },
  attrs: { filterSize: k, strides: s, pad: p },
});
const cases: Case[] = [
  conv('conv1 128px filter grad (3→32, 3×3)', 128, 3, 32, 3, 1, 1, 128),
  conv('conv2 128px filter grad (32→64)', 32, 32, 64, 3, 1, 1, 32),
  conv('conv3 128px filter grad (64→128)', 16, 64, 128, 3, 1, 1, 16),
  conv('stem 224px filter grad (7×7/2, 3→64)', 224, 3, 64, 7, 2, 3, 112),
  conv('resnet 3×3 filter grad (56px, 64→64)', 56, 64, 64, 3, 1, 1, 56),
  pool('pool1 128px grad (4×4/4)', 128, 32, 4, 4, 'valid', 32),
  pool('stem pool grad (3×3/2 pad 1, 112px)', 112, 64, 3, 2, 1, 56),
  {
    name: 'conv1 128px bias grad (Sum over N,H,W)',
    kernel: 'Sum',
    inputs: { x: [n, 128, 128, 32] },
    attrs: { axis: [0, 1, 2], keepDims: false },
  },
].filter((c) => !v.only || (v.only as string).split(',').some((o) => c.name.startsWith(o)));

const dawn = await installDawn();
await import('@tensorflow/tfjs-backend-webgpu');
if (!(await tf.setBackend('webgpu'))) throw new Error(`tfjs's webgpu backend did not initialise on ${dawn.adapter}`);
console.log(
  `adapter: ${dawn.adapter}; timestamp-query: ${dawn.timestampQuery ? 'yes' : 'no (times read 0)'}; batch ${n}, best of ${reps}\n`,
);
console.log('| kernel, shape | ms/call stock | ms/call ours | speed-up | max |ours − stock| / max |stock| |\n|---|---|---|---|---|');

for (const c of cases) {
  const ins = Object.fromEntries(Object.entries(c.inputs).map(([k, s], i) => [k, tf.randomUniform(s, -1, 1, 'float32', i + 1)]));
  const ms: Record<string, number> = {};
  const outs: Record<string, Float32Array> = {};
  for (const variant of ['stock', 'ours']) {
    if (variant === 'ours') registerBookKernels(tf, WEBGPU_REPLACED);
    else unregisterBookKernels(tf, WEBGPU_REPLACED);
    const first = tf.engine().runKernel(c.kernel, ins, c.attrs as never) as tf.Tensor;
    outs[variant] = (await first.data()) as Float32Array;
    first.dispose();
    ms[variant] = Infinity;
    for (let r = 0; r < reps; r++) {
      const prof = await tf.profile(() => tf.engine().runKernel(c.kernel, ins, c.attrs as never) as tf.Tensor);
      const t = prof.kernels.filter((k) => k.name === c.kernel).reduce((a, k) => a + (Number(k.kernelTimeMs) || 0), 0);
      ms[variant] = Math.min(ms[variant], t);
      tf.dispose(prof.result as tf.Tensor);
    }
  }
  let d = 0;
  let s = 0;
  for (let i = 0; i < outs.stock.length; i++) {
    d = Math.max(d, Math.abs(outs.ours[i] - outs.stock[i]));
    s = Math.max(s, Math.abs(outs.stock[i]));
  }
  console.log(
    `| ${c.kernel}: ${c.name} | ${ms.stock.toFixed(3)} | ${ms.ours.toFixed(3)} | ${(ms.stock / ms.ours).toFixed(1)}× | ${(s ? d / s : d).toExponential(1)} |`,
  );
  tf.dispose(Object.values(ins));
}
process.exit(0);
