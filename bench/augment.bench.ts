/**
 * `npm run bench:augment`: the cost of a typical augmentation pipeline (q2.4) on a batch, per
 * backend and image size, next to one CNN training step (Adam) on the same batch, as a fraction.
 * The target is ≤ 20 % of a step on WebGPU. Options:
 *   --backends cpu,wasm,webgpu  --sizes 64,128  --batch 32  --reps 5  --pipeline FILE.json  --cpu-max-size 64
 *   --per-step (also times each step of the pipeline alone, with its top kernels)
 *   --op-by-op (without the augmentation kernels of src/augment/kernels: the composed tfjs ops they replace)
 * webgpu runs through Dawn (the `webgpu` package), e.g. with SwiftShader (a CPU Vulkan, not a GPU):
 *   VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json npm run bench:augment -- --backends webgpu
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { augmentBatch } from '../src/augment/augment-batch';
import { setAugmentKernelsEnabled } from '../src/augment/kernels/register';
import { describeStep, type Pipeline } from '../src/augment/pipeline';
import { validatePipeline } from '../src/augment/validate-pipeline';
import { mulberry32 } from '../src/data/rng';
import { createAdam } from '../src/train/adam';
import { selectBackend } from '../src/train/backends';
import { initCnn } from '../src/train/cnn';
import { softmaxCrossEntropy } from '../src/train/loss';

const { values: v } = parseArgs({
  options: {
    backends: { type: 'string', default: 'cpu,wasm,webgpu' },
    sizes: { type: 'string', default: '64,128' },
    batch: { type: 'string', default: '32' },
    reps: { type: 'string', default: '5' },
    pipeline: { type: 'string' },
    'cpu-max-size': { type: 'string', default: '64' },
    'per-step': { type: 'boolean', default: false },
    'op-by-op': { type: 'boolean', default: false },
  },
});
const batch = Number(v.batch);
if (v['op-by-op']) setAugmentKernelsEnabled(false);
const reps = Number(v.reps);

/** The default pipeline: what a q2.4 run typically uses (crop, flip, colour, perspective, rotation, erasing). */
function typical(size: number): unknown[] {
  return [
    { op: 'RandomResizedCrop', params: { size, scale: [0.6, 1] } },
    { op: 'RandomHorizontalFlip', params: { p: 0.5 } },
    { op: 'ColorJitter', params: { brightness: 0.3, contrast: 0.3, saturation: 0.3, hue: 0.05 } },
    { op: 'RandomPerspective', params: { distortion_scale: 0.3, p: 0.5 } },
    { op: 'RandomRotation', params: { degrees: 15, interpolation: 'bilinear' } },
    { op: 'RandomErasing', params: { p: 0.5 } },
  ];
}

function pipelineFor(size: number): Pipeline {
  const json = v.pipeline ? JSON.parse(readFileSync(v.pipeline, 'utf8')) : typical(size);
  const r = validatePipeline(json, [size, size]);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
}

async function prepareWebgpu(): Promise<void> {
  if ((globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu) return;
  const { create, globals } = (await import('webgpu')) as unknown as { create: (o: string[]) => unknown; globals: object };
  Object.assign(globalThis, globals);
  Object.defineProperty(globalThis, 'navigator', { value: { gpu: create([]) }, configurable: true });
}

async function timeIt(fn: () => Promise<void>, n: number): Promise<{ first: number; ms: number }> {
  const w0 = performance.now();
  await fn();
  const first = performance.now() - w0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return { first, ms: (performance.now() - t0) / n };
}

async function augmentMs(size: number): Promise<{ first: number; ms: number }> {
  const pipeline = pipelineFor(size);
  const x = tf.randomUniform([batch, size, size, 3], 0, 1, 'float32', 1);
  const rng = mulberry32(1);
  // A one-number readback waits for the GPU without timing a full download (training feeds y on).
  const r = await timeIt(async () => {
    const y = augmentBatch(tf, x, pipeline, rng);
    const m = y.max();
    await m.data();
    tf.dispose([y, m]);
  }, reps);
  x.dispose();
  return r;
}

async function stepMs(size: number, steps: number): Promise<{ first: number; ms: number }> {
  const cnn = initCnn(tf, { imageSize: size }, 0);
  const adam = createAdam(tf, cnn.params, { learningRate: 1e-3 });
  const x = tf.randomUniform([batch, size, size, 3]);
  const y = tf.tensor1d(
    Array.from({ length: batch }, (_, i) => i % 10),
    'int32',
  );
  const vars = [...cnn.params.values()];
  const names = new Map([...cnn.params].map(([n, p]) => [p.name, n]));
  const r = await timeIt(async () => {
    const loss = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => softmaxCrossEntropy(tf, cnn.forward(x), y) as tf.Scalar, vars);
      adam.apply(new Map(Object.entries(grads).map(([k, g]) => [names.get(k) as string, g])));
      return value;
    });
    await loss.data();
    loss.dispose();
  }, steps);
  tf.dispose([x, y]);
  adam.dispose();
  cnn.dispose();
  return r;
}

async function perStep(backend: string, size: number): Promise<void> {
  const x = tf.randomUniform([batch, size, size, 3], 0, 1, 'float32', 1);
  for (const step of pipelineFor(size)) {
    const rng = mulberry32(2);
    const run = async () => {
      const y = augmentBatch(tf, x, [step], rng);
      const m = y.max();
      await m.data();
      tf.dispose([y, m]);
    };
    const { ms } = await timeIt(run, reps);
    const prof = await tf.profile(run);
    const agg = new Map<string, number>();
    for (const k of prof.kernels) agg.set(k.name, (agg.get(k.name) ?? 0) + Number(k.kernelTimeMs));
    const top = [...agg]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([n, t]) => `${n} ${t.toFixed(1)}`)
      .join(', ');
    console.log(`  ${backend} ${size}px ${step.op}: ${ms.toFixed(1)} ms (kernel ms: ${top})`);
  }
  x.dispose();
}

const rows: string[][] = [];
for (const backend of (v.backends as string).split(',')) {
  try {
    if (backend === 'webgpu') await prepareWebgpu();
    await selectBackend(tf, { preferred: [backend] });
  } catch (e) {
    rows.push([backend, '-', '-', '-', '-', '-', `unavailable: ${(e as Error).message.slice(0, 80)}`]);
    continue;
  }
  for (const size of (v.sizes as string).split(',').map(Number)) {
    if (v['per-step']) await perStep(backend, size);
    const aug = await augmentMs(size);
    const skipStep = backend === 'cpu' && size > Number(v['cpu-max-size']);
    const step = skipStep ? null : await stepMs(size, backend === 'cpu' ? 1 : reps);
    rows.push([
      backend,
      String(size),
      aug.ms.toFixed(1),
      aug.first.toFixed(0),
      step ? step.ms.toFixed(0) : '-',
      step ? `${((100 * aug.ms) / step.ms).toFixed(1)} %` : '-',
      skipStep ? 'step skipped (tfjs cpu Conv2DBackpropFilter: minutes per step)' : '',
    ]);
    console.log(rows.at(-1)?.join(' | '));
  }
}
console.log(
  `\nAugmentation of a batch of ${batch} vs one CNN training step (Adam); ${process.platform} ${process.arch}, Node ${process.versions.node}`,
);
console.log(
  `pipeline: ${pipelineFor(64).map(describeStep).join(', ')}; ${v['op-by-op'] ? 'op by op (no augmentation kernels)' : 'with the augmentation kernels'}\n`,
);
console.log(
  '| backend | size | augment ms/batch | first call ms | train step ms | augment / step | notes |\n|---|---|---|---|---|---|---|',
);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
process.exit(0);
