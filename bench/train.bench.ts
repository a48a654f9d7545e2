/**
 * `npm run bench`: training-step throughput (images/s) of the homework CNN per backend and input
 * size, beside PyTorch on the same cores in the same run (bench/pytorch_cnn.py, rounds interleaved
 * so that both see the same machine load), peak RSS, and the top kernels of one step (tf.profile).
 * Options:
 *   --backends cpu,wasm,webgpu  --sizes 64,128  --batch 32  --steps 5  --cpu-steps 1
 *   --threads 2 (PyTorch's and wasm's)  --wasm-threads N (wasm's, when different)  --rounds 3  --no-pytorch  --top 8
 *   --profile-steps 3 (the kernel table is the median of each kernel's time over this many profiled steps)
 *   --no-simd (wasm without the book's SIMD kernels: the portable kernels and XNNPACK's product, for a before/after)
 * PYTHON=… picks the interpreter for PyTorch (else python3, then /usr/bin/python3; Debian: apt-get
 * install python3-torch); without one the PyTorch column says so.
 * webgpu runs through Dawn (the `webgpu` package) when it initialises, e.g. with SwiftShader:
 *   VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json npm run bench -- --backends webgpu
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../src/train/backends';
import { setSimdKernelsEnabled } from '../src/train/kernels/wasm-simd/runtime';
import { makeCnnStep } from './lib/cnn-step';

const { values: v } = parseArgs({
  options: {
    backends: { type: 'string', default: 'cpu,wasm,webgpu' },
    sizes: { type: 'string', default: '64,128' },
    batch: { type: 'string', default: '32' },
    steps: { type: 'string', default: '5' },
    'cpu-steps': { type: 'string', default: '1' },
    'cpu-max-size': { type: 'string', default: '64' },
    threads: { type: 'string', default: '2' },
    'wasm-threads': { type: 'string' },
    rounds: { type: 'string', default: '3' },
    'no-pytorch': { type: 'boolean', default: false },
    top: { type: 'string', default: '8' },
    'profile-steps': { type: 'string', default: '3' },
    'no-simd': { type: 'boolean', default: false },
  },
});
const batch = Number(v.batch);
const threads = Number(v.threads);
const rounds = Math.max(1, Number(v.rounds));
process.env.WASM_THREADS = v['wasm-threads'] ?? String(threads);

async function prepareWebgpu(): Promise<void> {
  if ((globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu) return;
  const { create, globals } = (await import('webgpu')) as unknown as { create: (o: string[]) => unknown; globals: object };
  Object.assign(globalThis, globals);
  Object.defineProperty(globalThis, 'navigator', { value: { gpu: create([]) }, configurable: true });
}

function findPython(): string | null {
  for (const py of [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean) as string[]) {
    if (spawnSync(py, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0) return py;
  }
  return null;
}

/** PyTorch's images/s for one size (one process: import, warm-up step, timed steps). */
function pytorchRate(python: string, size: number, steps: number): number | null {
  const r = spawnSync(
    python,
    [
      'bench/pytorch_cnn.py',
      '--sizes',
      String(size),
      '--batch',
      String(batch),
      '--steps',
      String(steps),
      '--threads',
      String(threads),
      '--device',
      'cpu',
    ],
    { encoding: 'utf8' },
  );
  const row = r.stdout?.split('\n').find((l) => l.startsWith(`| ${size} |`));
  return row ? Number(row.split('|')[2]) : null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => loadavg()[0].toFixed(1);

const python = v['no-pytorch'] ? null : findPython();
const rows: string[][] = [];
const profiles: string[] = [];
console.log(
  `CNN training step, batch ${batch}, Adam; ${process.env.WASM_THREADS} wasm thread(s), ${threads} PyTorch thread(s); ${rounds} interleaved round(s), medians; load at start ${load()} (${process.platform} ${process.arch}, Node ${process.versions.node})`,
);
if (!python && !v['no-pytorch'])
  console.log('PyTorch column skipped: no python3 with torch (apt-get install -y python3-torch, or set PYTHON)');
for (const backend of (v.backends as string).split(',')) {
  let note = '';
  try {
    if (backend === 'webgpu') await prepareWebgpu();
    const choice = await selectBackend(tf, { preferred: [backend] });
    if (backend === 'wasm') {
      setSimdKernelsEnabled(!v['no-simd']);
      const st = choice.simdKernels;
      const simd = v['no-simd']
        ? 'SIMD kernels off'
        : !st?.running
          ? `SIMD kernels off: ${st?.problem}`
          : `SIMD kernels, ${st.helpers} helper thread(s)${st.problem ? ` (${st.problem})` : ''}`;
      note = `${(await import('@tensorflow/tfjs-backend-wasm')).getThreadsCount()} thread(s), ${simd}`;
    }
  } catch (e) {
    rows.push([backend, '-', '-', '-', '-', '-', '-', `unavailable: ${(e as Error).message.slice(0, 80)}`]);
    continue;
  }
  for (const size of (v.sizes as string).split(',').map(Number)) {
    if (backend === 'cpu' && size > Number(v['cpu-max-size'])) {
      rows.push([backend, String(size), '-', '-', '-', '-', '-', 'skipped (tfjs cpu Conv2DBackpropFilter: minutes per step)']);
      continue;
    }
    const steps = backend === 'cpu' ? Number(v['cpu-steps']) : Number(v.steps);
    const s = makeCnnStep(tf as never, size, batch);
    const w0 = performance.now();
    await s.step();
    const warm = performance.now() - w0;
    const ours: number[] = [];
    const theirs: number[] = [];
    const loads: string[] = [];
    for (let r = 0; r < (backend === 'cpu' ? 1 : rounds); r++) {
      loads.push(load());
      const t0 = performance.now();
      for (let i = 0; i < steps; i++) await s.step();
      ours.push(batch / ((performance.now() - t0) / steps / 1000));
      const pt = python ? pytorchRate(python, size, steps) : null;
      if (pt !== null) theirs.push(pt);
    }
    const perStep: Map<string, number>[] = [];
    for (let p = 0; p < Math.max(1, Number(v['profile-steps'])); p++) {
      const prof = await tf.profile(() => s.step());
      const m = new Map<string, number>();
      // tf.profile also lists the scopes of custom ops, whose time their kernels already count
      for (const k of prof.kernels)
        if (k.name !== 'unnamed scope' && !k.name.endsWith('__op')) m.set(k.name, (m.get(k.name) ?? 0) + Number(k.kernelTimeMs));
      perStep.push(m);
    }
    const agg = new Map(
      [...new Set(perStep.flatMap((m) => [...m.keys()]))].map((name) => [name, median(perStep.map((m) => m.get(name) ?? 0))]),
    );
    const total = [...agg.values()].reduce((a, b) => a + b, 0);
    const top = [...agg]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(v.top))
      .map(([n, t]) => `${n} ${t.toFixed(1)}`)
      .join(', ');
    profiles.push(
      `${backend} ${size}px, median of ${perStep.length} profiled step(s) (load ${load()}), kernel ms (sum ${total.toFixed(0)}): ${top}`,
    );
    s.dispose();
    const rate = median(ours);
    const pt = theirs.length ? median(theirs) : null;
    const rss = process.memoryUsage().rss / 2 ** 20;
    rows.push([
      backend,
      String(size),
      rate.toFixed(1),
      ((1000 * batch) / rate).toFixed(0),
      warm.toFixed(0),
      pt === null ? '-' : pt.toFixed(1),
      pt === null ? '-' : (rate / pt).toFixed(2),
      `${note ? `${note}; ` : ''}rounds ${ours.map((x) => x.toFixed(0)).join('/')}${theirs.length ? ` vs ${theirs.map((x) => x.toFixed(0)).join('/')}` : ''}; load ${loads.join('/')}; rss ${rss.toFixed(0)} MiB`,
    ]);
    console.log(rows.at(-1)?.join(' | '));
  }
}
const peak = process.resourceUsage().maxRSS / 1024;
console.log(
  `\n| backend | size | images/s | ms/step | first step ms | PyTorch images/s | ratio | notes |\n|---|---|---|---|---|---|---|---|`,
);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\npeak RSS ${peak.toFixed(0)} MiB; load at end ${load()}\n`);
for (const p of profiles) console.log(p);
process.exit(0);
