/**
 * ResNet-18 throughput per backend: full fine-tuning steps (train-mode forward, backward, Adam) and
 * frozen-backbone feature extraction (eval mode), in images/s. Options:
 *   --backends cpu,wasm,webgpu  --sizes 64,224  --batch 16  --steps 3  --cpu-steps 1
 *   --no-simd (wasm without the book's SIMD kernels, for a before/after)
 * Run: npx tsx bench/resnet18.bench.ts (webgpu through Dawn as in bench/train.bench.ts).
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../src/train/backends';
import { setSimdKernelsEnabled } from '../src/train/kernels/wasm-simd/runtime';
import { createAdam } from '../src/train/adam';
import { softmaxCrossEntropy } from '../src/train/loss';
import { resnet18FromTorch } from '../src/train/resnet18';
import { initResnet18State } from '../src/train/resnet18-init';

const { values: v } = parseArgs({
  options: {
    backends: { type: 'string', default: 'cpu,wasm' },
    sizes: { type: 'string', default: '64,224' },
    batch: { type: 'string', default: '16' },
    steps: { type: 'string', default: '3' },
    'cpu-steps': { type: 'string', default: '1' },
    'no-simd': { type: 'boolean', default: false },
  },
});
const batch = Number(v.batch);

async function prepareWebgpu(): Promise<void> {
  if ((globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu) return;
  const { create, globals } = (await import('webgpu')) as unknown as { create: (o: string[]) => unknown; globals: object };
  Object.assign(globalThis, globals);
  Object.defineProperty(globalThis, 'navigator', { value: { gpu: create([]) }, configurable: true });
}

/** Median seconds of `n` timed runs after one warm-up. */
async function time(n: number, f: () => Promise<void>): Promise<number> {
  await f();
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    ts.push((performance.now() - t0) / 1000);
  }
  return ts.sort((a, b) => a - b)[Math.floor(ts.length / 2)];
}

const state = initResnet18State(10, 0);
const rows: string[] = ['| backend | size | batch | train step (img/s) | features, eval (img/s) |', '|---|---|---|---|---|'];
for (const backend of (v.backends as string).split(',')) {
  try {
    if (backend === 'webgpu') await prepareWebgpu();
    await selectBackend(tf, { preferred: [backend] });
    setSimdKernelsEnabled(!v['no-simd']);
  } catch (e) {
    rows.push(`| ${backend} | - | - | unavailable: ${(e as Error).message.slice(0, 60)} | - |`);
    continue;
  }
  const steps = backend === 'cpu' ? Number(v['cpu-steps']) : Number(v.steps);
  for (const size of (v.sizes as string).split(',').map(Number)) {
    const model = resnet18FromTorch(tf, state);
    const adam = createAdam(tf, model.trainable, { learningRate: 1e-3 });
    const names = new Map([...model.trainable].map(([n, p]) => [p.name, n]));
    const x = tf.randomNormal([batch, size, size, 3]);
    const y = tf.tensor1d(
      Array.from({ length: batch }, (_, i) => i % 10),
      'int32',
    );
    const step = async () => {
      const loss = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(
          () => softmaxCrossEntropy(tf, model.forward(x, { training: true }), y) as tf.Scalar,
          [...model.trainable.values()],
        );
        adam.apply(new Map(Object.entries(grads).map(([k, g]) => [names.get(k) as string, g])));
        return value;
      });
      await loss.data();
      loss.dispose();
    };
    const features = async () => {
      const f = model.features(x);
      await f.data();
      f.dispose();
    };
    const ts = await time(steps, step);
    const tfe = await time(steps, features);
    rows.push(`| ${backend} | ${size} | ${batch} | ${(batch / ts).toFixed(1)} | ${(batch / tfe).toFixed(1)} |`);
    console.error(rows.at(-1));
    tf.dispose([x, y]);
    adam.dispose();
    model.dispose();
  }
}
console.log(rows.join('\n'));
process.exit(0); // the threaded wasm backend's workers would keep Node alive
