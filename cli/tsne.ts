/** `npm run tsne`: t-SNE of `features` [N, D] from a safetensors file into `embedding` [N, dims]; prints KL and trustworthiness. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { DistanceRows } from '../src/tsne/distance-kernel';
import { embeddingFile, readFeatures } from '../src/tsne/features-file';
import { threadedGradient } from '../src/tsne/node-threads';
import { runInputs } from '../src/tsne/run-inputs';
import { resolveSettings, runTsne } from '../src/tsne/tsne';
import { trustworthiness } from '../src/tsne/trustworthiness';

const USAGE = `Usage: npm run tsne -- --input <features.safetensors> --out <embedding.safetensors> [options]

t-SNE of the tensor "features" [N, D] with openTSNE's schedule (PCA initialisation, early
exaggeration 12 for 250 iterations at learning rate max(N/12, 200), then learning rate
max(N, 200)); writes "embedding" [N, dims] as F32. The repulsion is summed over all pairs (a
WebAssembly SIMD kernel) up to 5,000 points, by the Barnes–Hut tree above.

  --input <file>        safetensors file with "features" [N, D] (floating point)
  --out <file>          where to write "embedding" [N, dims]
  --dims 2|3            embedding dimensions (default 2)
  --perplexity <x>      perplexity (default 30; below N − 1)
  --seed <n>            seed (default 0): the PCA starting block, or the random initialisation
  --iterations <n>      optimisation iterations, early exaggeration included (default 750)
  --method <m>          auto (default), exact (all pairs) or barnes-hut
  --theta <x>           Barnes–Hut angle (default 0.5; exact sums ignore it)
  --k <n>               neighbours for trustworthiness (default 10)
  --threads <n>         threads for the gradient (default: the cores, at most 8); results are
                        deterministic for a seed, and the same for any thread count
  --help                this text`;

function num(v: string | undefined, name: string, def: number, integer: boolean): number {
  if (v === undefined) return def;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || (integer && !Number.isInteger(x)))
    throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'}, got "${v}"`);
  return x;
}

function parse(argv: string[]) {
  const { values: v } = parseArgs({
    args: argv,
    strict: true,
    options: {
      input: { type: 'string' },
      out: { type: 'string' },
      dims: { type: 'string' },
      perplexity: { type: 'string' },
      seed: { type: 'string' },
      iterations: { type: 'string' },
      theta: { type: 'string' },
      method: { type: 'string' },
      k: { type: 'string' },
      threads: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (v.help) return null;
  if (!v.input) throw new Error('--input is required');
  if (!v.out) throw new Error('--out is required');
  const dims = num(v.dims, 'dims', 2, true);
  const threads = num(v.threads, 'threads', Math.min(8, availableParallelism()), true);
  if (threads < 1) throw new Error(`--threads must be at least 1, got "${v.threads}"`);
  if (dims !== 2 && dims !== 3) throw new Error(`--dims must be 2 or 3, got "${v.dims}"`);
  const method = v.method ?? 'auto';
  if (method !== 'auto' && method !== 'exact' && method !== 'barnes-hut')
    throw new Error(`--method must be auto, exact or barnes-hut, got "${v.method}"`);
  return {
    input: v.input,
    out: v.out,
    dims: dims as 2 | 3,
    perplexity: num(v.perplexity, 'perplexity', 30, false),
    seed: num(v.seed, 'seed', 0, true),
    iterations: num(v.iterations, 'iterations', 750, true),
    theta: num(v.theta, 'theta', 0.5, false),
    method: method as 'auto' | 'exact' | 'barnes-hut',
    k: num(v.k, 'k', 10, true),
    threads,
  };
}

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    console.error(`tsne: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  if (!existsSync(args.input)) throw new Error(`--input ${args.input} does not exist`);
  const t0 = performance.now();
  const { x, n, d } = readFeatures(new Uint8Array(readFileSync(args.input)));
  const pool = args.threads > 1 ? threadedGradient(n, args.dims, args.threads, (m) => console.error(m)) : null;
  const options = {
    dims: args.dims,
    perplexity: args.perplexity,
    seed: args.seed,
    iterations: args.iterations,
    theta: args.theta,
    method: args.method,
  };
  let result: ReturnType<typeof runTsne>;
  let distances: DistanceRows;
  try {
    const inputs = await runInputs(pool, x, n, d, resolveSettings(n, options));
    distances = inputs.hooks.distances;
    result = runTsne(x, n, d, options, {
      ...inputs.hooks,
      gradient: pool?.gradient,
      onProgress: (p) => {
        if (p.iteration % 250 === 0 || p.iteration === p.iterations) console.log(`iteration ${p.iteration}: KL ${p.kl.toFixed(4)}`);
      },
    });
    result.seconds.affinities += inputs.seconds;
  } finally {
    pool?.close();
  }
  console.log(
    `features: ${n} × ${d}; t-SNE to ${args.dims}-D (${result.settings.method === 'exact' ? 'exact repulsion' : `Barnes–Hut, theta ${result.settings.theta}`}), perplexity ${args.perplexity}, ${result.iterations} iterations, seed ${args.seed}, ${pool?.threads() ?? 1} thread(s)`,
  );
  const t1 = performance.now();
  const trust = args.k < n / 2 ? trustworthiness(x, n, d, result.embedding, args.dims, args.k, distances) : null;
  const t2 = performance.now();
  const s = result.settings;
  writeFileSync(
    args.out,
    embeddingFile(result.embedding, n, args.dims, {
      method: s.method === 'exact' ? 't-SNE, exact repulsion' : 'barnes-hut t-SNE',
      threads: String(pool?.threads() ?? 1),
      dims: String(s.dims),
      perplexity: String(s.perplexity),
      seed: String(s.seed),
      iterations: String(result.iterations),
      theta: String(s.theta),
      learning_rate: String(s.learningRate),
      final_learning_rate: String(s.finalLearningRate),
      kl: String(result.kl),
      ...(trust === null ? {} : { trustworthiness: String(trust), trustworthiness_k: String(args.k) }),
    }),
  );
  console.log(`KL divergence ${result.kl.toFixed(4)}`);
  console.log(
    trust === null
      ? `trustworthiness: not computed (k = ${args.k} needs N > ${2 * args.k})`
      : `trustworthiness (k = ${args.k}) ${trust.toFixed(4)}`,
  );
  console.log(
    `time: affinities ${result.seconds.affinities.toFixed(2)} s, optimisation ${result.seconds.optimisation.toFixed(2)} s, trustworthiness ${((t2 - t1) / 1000).toFixed(2)} s, total ${((t2 - t0) / 1000).toFixed(2)} s`,
  );
  console.log(`wrote ${args.out}`);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  console.error(`tsne: ${(e as Error).message}`);
  process.exitCode = 1;
}
