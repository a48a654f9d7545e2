/**
 * `npm run bench:gpu`: a training step of the homework CNN (batch 32, Adam) on tfjs's webgpu backend
 * through Dawn in Node, with tfjs-webgpu's stock kernels and with the project's
 * (src/train/kernels/webgpu-*), per kernel (tf.profile; GPU timestamp queries where the adapter has
 * them) and per step, plus how far the parameter gradients of the two differ. Options:
 *   --sizes 64,128  --batch 32  --steps 3 (timed steps per rep)  --reps 2 (alternating stock/ours; best kept)
 *   --kernels stock,ours (or just one: --kernels stock)
 * Without a GPU, SwiftShader: VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json (slow:
 * about a minute per step at 64×64, batch 32, on 2 cores). On the GPU machine: bench/gpu-bundle.sh.
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { registerBookKernels, unregisterBookKernels } from '../src/tensor/kernel-table';
import { WEBGPU_REPLACED } from '../src/train/kernels/webgpu-kernels';
import { makeCnnStep } from './lib/cnn-step';
import { installDawn } from './lib/dawn';

const { values: v } = parseArgs({
  options: {
    sizes: { type: 'string', default: '64,128' },
    batch: { type: 'string', default: '32' },
    steps: { type: 'string', default: '3' },
    reps: { type: 'string', default: '2' },
    kernels: { type: 'string', default: 'stock,ours' },
  },
});
const batch = Number(v.batch);
const steps = Number(v.steps);
const reps = Number(v.reps);
const variants = (v.kernels as string).split(',');
if (variants.some((k) => k !== 'stock' && k !== 'ours')) throw new Error(`--kernels takes stock, ours or stock,ours; got ${v.kernels}`);

const dawn = await installDawn();
await import('@tensorflow/tfjs-backend-webgpu');
if (!(await tf.setBackend('webgpu'))) throw new Error(`tfjs's webgpu backend did not initialise on ${dawn.adapter}`);
console.log(
  `adapter: ${dawn.adapter}; timestamp-query: ${dawn.timestampQuery ? 'yes (per-kernel GPU times)' : 'no (per-kernel times read 0)'}; VK_ICD_FILENAMES=${dawn.icd ?? 'unset'}`,
);
console.log(`CNN training step, batch ${batch}, Adam, fp32; Node ${process.versions.node}\n`);

interface Result {
  msPerStep: number;
  kernels: Map<string, { calls: number; ms: number }>;
  grads: Map<string, Float32Array>;
}

const use = (variant: string) =>
  variant === 'ours' ? registerBookKernels(tf, WEBGPU_REPLACED) : unregisterBookKernels(tf, WEBGPU_REPLACED);

/** Per-kernel GPU time of one profiled step, summed over calls. */
async function profileStep(step: () => Promise<number>): Promise<Map<string, { calls: number; ms: number }>> {
  const prof = await tf.profile(step);
  const kernels = new Map<string, { calls: number; ms: number }>();
  for (const k of prof.kernels) {
    const e = kernels.get(k.name) ?? { calls: 0, ms: 0 };
    e.calls++;
    e.ms += Number(k.kernelTimeMs) || 0;
    kernels.set(k.name, e);
  }
  return kernels;
}

/** Both variants side by side, alternating rep by rep so that a busy machine slows both alike; keeps each one's best rep. */
async function measure(size: number): Promise<Map<string, Result>> {
  const out = new Map<string, Result>();
  const runs = new Map(
    variants.map((variant) => {
      use(variant);
      return [variant, makeCnnStep(tf, size, batch)] as const;
    }),
  );
  for (const [variant, run] of runs) {
    use(variant);
    const grads = await run.grads();
    await run.step();
    out.set(variant, { msPerStep: Infinity, kernels: new Map(), grads });
  }
  for (let rep = 0; rep < reps; rep++) {
    for (const [variant, run] of runs) {
      use(variant);
      const r = out.get(variant) as Result;
      const t0 = performance.now();
      for (let i = 0; i < steps; i++) await run.step();
      r.msPerStep = Math.min(r.msPerStep, (performance.now() - t0) / steps);
      for (const [name, e] of await profileStep(() => run.step())) {
        const best = r.kernels.get(name);
        if (!best || e.ms < best.ms) r.kernels.set(name, e);
      }
      console.log(
        `  ${size}×${size} ${variant}, rep ${rep + 1}/${reps}: ${r.msPerStep.toFixed(1)} ms/step (best so far), ${(batch / (r.msPerStep / 1000)).toFixed(1)} images/s`,
      );
    }
  }
  for (const run of runs.values()) run.dispose();
  return out;
}

function maxRelDiff(a: Map<string, Float32Array>, b: Map<string, Float32Array>): string {
  return [...a]
    .map(([name, x]) => {
      const y = b.get(name) as Float32Array;
      let d = 0;
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        d = Math.max(d, Math.abs(x[i] - y[i]));
        s = Math.max(s, Math.abs(y[i]));
      }
      return `${name} ${(s ? d / s : d).toExponential(1)}`;
    })
    .join(', ');
}

const fmt = (e?: { calls: number; ms: number }) => (e ? (e.ms / e.calls).toFixed(3) : '-');
for (const size of (v.sizes as string).split(',').map(Number)) {
  const res = await measure(size);
  const stock = res.get('stock');
  const ours = res.get('ours');
  const names = [...new Set([...(stock?.kernels.keys() ?? []), ...(ours?.kernels.keys() ?? [])])];
  const total = (n: string) => Math.max(stock?.kernels.get(n)?.ms ?? 0, ours?.kernels.get(n)?.ms ?? 0);
  names.sort((a, b) => total(b) - total(a));
  console.log(`\n### CNN ${size}×${size}, batch ${batch}: kernels of one step (GPU time per call; best of ${reps} profiled steps)\n`);
  console.log('| kernel | calls/step | ms/call stock | ms/call ours | ms/step stock | ms/step ours |\n|---|---|---|---|---|---|');
  for (const n of names) {
    const s = stock?.kernels.get(n);
    const o = ours?.kernels.get(n);
    console.log(`| ${n} | ${(s ?? o)?.calls} | ${fmt(s)} | ${fmt(o)} | ${s ? s.ms.toFixed(2) : '-'} | ${o ? o.ms.toFixed(2) : '-'} |`);
  }
  const sum = (r?: Result) => (r ? [...r.kernels.values()].reduce((a, e) => a + e.ms, 0).toFixed(1) : '-');
  console.log(`| all kernels | | | | ${sum(stock)} | ${sum(ours)} |\n`);
  console.log('| kernels | ms/step (wall) | images/s |\n|---|---|---|');
  for (const [variant, r] of res) console.log(`| ${variant} | ${r.msPerStep.toFixed(1)} | ${(batch / (r.msPerStep / 1000)).toFixed(1)} |`);
  if (stock && ours)
    console.log(`\ngradients, ours vs stock (max |Δ| / max |stock| per parameter): ${maxRelDiff(ours.grads, stock.grads)}`);
  if (stock && ours) console.log(`speed-up per step: ${(stock.msPerStep / ours.msPerStep).toFixed(2)}×\n`);
}
process.exit(0);
