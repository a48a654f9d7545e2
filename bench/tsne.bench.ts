/**
 * `npm run bench:tsne`: whole-process time and trustworthiness (k = 10) of `npm run tsne` in 2-D and
 * 3-D on 2,000 Fashion-MNIST images (200 per class of the default data set, 784 pixels in [0, 1]),
 * next to scikit-learn's Barnes–Hut t-SNE (bench/tsne_sklearn.py) on the same data and thread count.
 * Targets: faster as a whole process, trustworthiness within 0.01. Flags: --n 2000 --dims 2,3
 * --threads 2 --no-sklearn. PYTHON=… picks the interpreter (else python3, then /usr/bin/python3).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDefaultDataset } from '../scripts/build-default-dataset';
import { decodePacked } from '../src/data/packed-format';
import { writeSafetensors } from '../src/train/weights/safetensors';

const { values: v } = parseArgs({ options: { n: { type: 'string' }, dims: { type: 'string' }, threads: { type: 'string' }, 'no-sklearn': { type: 'boolean' } } });
const N = Number(v.n ?? 2000);
const DIMS = (v.dims ?? '2,3').split(',').map(Number) as (2 | 3)[];
const THREADS = Number(v.threads ?? 2);

/** The first N/10 images of each class of the default data set, as [N, 784] floats in [0, 1]. */
async function benchData(): Promise<{ x: Float32Array; d: number }> {
  let dir = 'public/data';
  if (!existsSync(join(dir, 'default.json'))) {
    dir = mkdtempSync(join(tmpdir(), 'tsne-bench-data-'));
    await buildDefaultDataset({ outDir: dir });
  }
  const ds = await decodePacked(readFileSync(join(dir, 'default.json'), 'utf8'), new Uint8Array(readFileSync(join(dir, 'default.bin'))));
  const d = ds.manifest.imageSize * ds.manifest.imageSize * ds.manifest.channels;
  const per = Math.ceil(N / ds.manifest.classes.length);
  const x = new Float32Array(N * d);
  const taken = new Array(ds.manifest.classes.length).fill(0);
  let k = 0;
  for (let i = 0; i < ds.manifest.count && k < N; i++) {
    const c = ds.labels[i];
    if (taken[c] >= per) continue;
    taken[c]++;
    for (let e = 0; e < d; e++) x[k * d + e] = ds.pixels[i * d + e] / 255;
    k++;
  }
  if (k < N) throw new Error(`the default data set gave only ${k} images, not ${N}`);
  return { x, d };
}

/** A NumPy .npy (version 1.0) file of a float32 [n, d] array. */
function npy(x: Float32Array, n: number, d: number): Uint8Array {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${n}, ${d}), }`;
  while ((10 + header.length + 1) % 64 !== 0) header += ' ';
  header += '\n';
  const out = new Uint8Array(10 + header.length + x.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), 10);
  out.set(new Uint8Array(x.buffer, x.byteOffset, x.byteLength), 10 + header.length);
  return out;
}

function findPython(): string | null {
  for (const py of [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean) as string[]) {
    const r = spawnSync(py, ['-c', 'import sklearn, numpy'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return null;
}

/** Runs a command; wall seconds, and CPU seconds (user + system, from /usr/bin/time) when available. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): { seconds: number; cpu: number | null; stdout: string } {
  const time = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = time
    ? spawnSync('/usr/bin/time', ['-f', 'cpu-seconds %U %S', cmd, ...args], { encoding: 'utf8', env, maxBuffer: 1 << 24 })
    : spawnSync(cmd, args, { encoding: 'utf8', env, maxBuffer: 1 << 24 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const m = /cpu-seconds ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { seconds, cpu: m ? Number(m[1]) + Number(m[2]) : null, stdout: r.stdout };
}

const cpu = (c: number | null) => (c === null ? '' : `, CPU ${c.toFixed(1)} s`);

const { x, d } = await benchData();
const work = mkdtempSync(join(tmpdir(), 'tsne-bench-'));
const features = join(work, 'features.safetensors');
writeFileSync(features, writeSafetensors({ features: { shape: [N, d], data: x } }));
writeFileSync(join(work, 'features.npy'), npy(x, N, d));
const python = v['no-sklearn'] ? null : findPython();
console.log(`t-SNE benchmark: ${N} × ${d} (Fashion-MNIST pixels), perplexity 30, 1000 iterations, seed 0; ${THREADS} thread(s) for both; machine load ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
if (!python) console.log(v['no-sklearn'] ? 'scikit-learn column skipped (--no-sklearn)' : 'scikit-learn column skipped: no python3 with scikit-learn and numpy (apt-get install -y python3-sklearn, or set PYTHON)');

const rows: string[] = [];
let met = true;
for (const dims of DIMS) {
  const ours = timed(process.execPath, ['--import', 'tsx', 'cli/tsne.ts', '--input', features, '--dims', String(dims), '--seed', '0', '--threads', String(THREADS), '--out', join(work, `e${dims}.safetensors`)]);
  const trust = Number(/trustworthiness \(k = 10\) ([\d.]+)/.exec(ours.stdout)?.[1]);
  const kl = Number(/KL divergence ([\d.]+)/.exec(ours.stdout)?.[1]);
  let row = `| ${dims}-D | ${ours.seconds.toFixed(2)} s${cpu(ours.cpu)} | ${trust.toFixed(4)} | ${kl.toFixed(3)} |`;
  if (python) {
    const env = { ...process.env, OMP_NUM_THREADS: String(THREADS), OPENBLAS_NUM_THREADS: String(THREADS) };
    const ref = timed(python, ['bench/tsne_sklearn.py', '--input', join(work, 'features.npy'), '--dims', String(dims), '--seed', '0', '--threads', String(THREADS)], env);
    const sk = JSON.parse(ref.stdout.trim().split('\n').at(-1)!) as { seconds: number; kl: number; trustworthiness: number; sklearn: string };
    const faster = ours.seconds < ref.seconds;
    const close = Math.abs(trust - sk.trustworthiness) <= 0.01;
    met &&= faster && close;
    row += ` ${ref.seconds.toFixed(2)} s${cpu(ref.cpu)} (fit ${sk.seconds.toFixed(2)} s) | ${sk.trustworthiness.toFixed(4)} | ${sk.kl.toFixed(3)} | ×${(ref.seconds / ours.seconds).toFixed(2)} ${faster ? 'faster' : 'SLOWER'} | ${(trust - sk.trustworthiness).toFixed(4)} ${close ? 'ok' : 'OFF'} |`;
  }
  rows.push(row);
  console.log(row);
}
console.log(`\n| dims | ours (whole process) | ours T(10) | ours KL |${python ? ' scikit-learn (whole process) | sklearn T(10) | sklearn KL | speed | ΔT |' : ''}`);
console.log(`|---|---|---|---|${python ? '---|---|---|---|---|' : ''}`);
for (const r of rows) console.log(r);
if (python) console.log(met ? '\ntargets met: faster than scikit-learn and trustworthiness within 0.01, in every dimension' : '\ntargets missed in at least one dimension (see the table)');
console.log('(3-D note: scikit-learn uses a Student-t with 2 degrees of freedom in 3-D; this t-SNE keeps the Cauchy kernel of standard t-SNE.)');
rmSync(work, { recursive: true, force: true });
