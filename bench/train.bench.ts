/**
 * `npm run bench`: training-step throughput (images/s) of the homework CNN per backend and input
 * size, peak RSS, and the top kernels of one step (tf.profile). Options:
 *   --backends cpu,wasm,webgpu  --sizes 64,128  --batch 32  --steps 5  --cpu-steps 1
 * webgpu runs through Dawn (the `webgpu` package) when it initialises, e.g. with SwiftShader:
 *   VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json npm run bench -- --backends webgpu
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { createAdam } from '../src/train/adam.ts';
import { selectBackend } from '../src/train/backends.ts';
import { initCnn } from '../src/train/cnn.ts';
import { softmaxCrossEntropy } from '../src/train/loss.ts';

const { values: v } = parseArgs({
  options: {
    backends: { type: 'string', default: 'cpu,wasm,webgpu' }, sizes: { type: 'string', default: '64,128' },
    batch: { type: 'string', default: '32' }, steps: { type: 'string', default: '5' }, 'cpu-steps': { type: 'string', default: '1' },
    'cpu-max-size': { type: 'string', default: '64' },
  },
});
const batch = Number(v.batch);

async function prepareWebgpu(): Promise<void> {
  if ((globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu) return;
  const { create, globals } = (await import('webgpu')) as unknown as { create: (o: string[]) => unknown; globals: object };
  Object.assign(globalThis, globals);
  Object.defineProperty(globalThis, 'navigator', { value: { gpu: create([]) }, configurable: true });
}

function makeStep(size: number) {
  const cnn = initCnn(tf, { imageSize: size }, 0);
  const adam = createAdam(tf, cnn.params, { learningRate: 1e-3 });
  const x = tf.randomUniform([batch, size, size, 3]);
  const y = tf.tensor1d(Array.from({ length: batch }, (_, i) => i % 10), 'int32');
  const vars = [...cnn.params.values()];
  const names = new Map([...cnn.params].map(([n, p]) => [p.name, n]));
  const step = async () => {
    const loss = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => softmaxCrossEntropy(tf, cnn.forward(x), y) as tf.Scalar, vars);
      adam.apply(new Map(Object.entries(grads).map(([k, g]) => [names.get(k) as string, g])));
      return value;
    });
    await loss.data();
    loss.dispose();
  };
  return { step, dispose: () => { tf.dispose([x, y]); adam.dispose(); cnn.dispose(); } };
}

const rows: string[][] = [];
const profiles: string[] = [];
for (const backend of (v.backends as string).split(',')) {
  try {
    if (backend === 'webgpu') await prepareWebgpu();
    await selectBackend(tf, { preferred: [backend] });
  } catch (e) {
    rows.push([backend, '-', '-', '-', '-', `unavailable: ${(e as Error).message.slice(0, 80)}`]);
    continue;
  }
  for (const size of (v.sizes as string).split(',').map(Number)) {
    if (backend === 'cpu' && size > Number(v['cpu-max-size'])) {
      rows.push([backend, String(size), '-', '-', '-', 'skipped (tfjs cpu Conv2DBackpropFilter: minutes per step)']);
      continue;
    }
    const steps = backend === 'cpu' ? Number(v['cpu-steps']) : Number(v.steps);
    const { step, dispose } = makeStep(size);
    const w0 = performance.now();
    await step();
    const warm = performance.now() - w0;
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) await step();
    const ms = (performance.now() - t0) / steps;
    const prof = await tf.profile(step);
    const agg = new Map<string, number>();
    for (const k of prof.kernels) agg.set(k.name, (agg.get(k.name) ?? 0) + Number(k.kernelTimeMs));
    const top = [...agg].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n, t]) => `${n} ${t.toFixed(1)}`).join(', ');
    profiles.push(`${backend} ${size}px, one step, kernel ms: ${top}`);
    dispose();
    const rss = process.memoryUsage().rss / 2 ** 20;
    rows.push([backend, String(size), (batch / (ms / 1000)).toFixed(1), ms.toFixed(0), warm.toFixed(0), `rss ${rss.toFixed(0)} MiB`]);
    console.log(rows.at(-1)?.join(' | '));
  }
}
const peak = process.resourceUsage().maxRSS / 1024;
console.log(`\nCNN training step, batch ${batch}, Adam; ${process.platform} ${process.arch}, Node ${process.versions.node}\n`);
console.log('| backend | size | images/s | ms/step | first step ms | notes |\n|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\npeak RSS ${peak.toFixed(0)} MiB\n`);
for (const p of profiles) console.log(p);
process.exit(0);
