/** Command-line arguments of `train`: parsed and checked, or a usage error message. */
import { parseArgs } from 'node:util';
import { MODELS, MODEL_KINDS, type ModelKind, choiceList, isModelKind, modelOf } from '../src/train/models';

/** The `--model` values that take --weights, --fine-tune and --batchnorm. */
const FINE_TUNED_KINDS = choiceList(MODEL_KINDS.filter((k) => MODELS[k].fineTunes));

/** The help text (the models' choices from the registry). */
export const TRAIN_USAGE = `Usage: npm run train -- --data <manifest.json|dir> [options]

Trains the homework CNN (q2.2) or fine-tunes ResNet-18 (q2.3) on a packed data set (<name>.json +
<name>.bin, see pack-dataset), split 70/10/20 stratified by --seed, and writes the run record as JSON.

  --data <path>         packed manifest .json, or a folder holding one (default.json preferred)
  --model ${MODEL_KINDS.join('|').padEnd(13)} model (default cnn)
  --size <px>           input side: a multiple of 16 for the CNN, at least 16 for ResNet-18 (default 64)
  --epochs <n>          epochs (default 10)
  --batch <n>           batch size (default 32)
  --lr <x>              Adam learning rate (default 1e-3)
  --eps <x>             Adam epsilon (default 1e-8, PyTorch's)
  --seed <n>            seed of split, init and shuffles (default 0)
  --limit <n>           cut each split to at most n images, evenly spaced (quick runs)
  --backend <name>      wasm (default), cpu, or webgpu (needs a GPU and the webgpu package)
  --init <file>         start from weights (.safetensors or .pth, PyTorch names and layouts)
  --weights <file>      ResNet-18: torchvision state_dict (.pth or .safetensors) to fine-tune; without
                        it ResNet-18 starts from a seeded init and the record says "not pretrained"
  --fine-tune <mode>    ResNet-18: full (every layer, default) or frozen (only the new fc, on features
                        computed once)
  --batchnorm <mode>    ResNet-18 full fine-tuning: train (batch statistics, default) or eval (running
                        statistics: steadier with small batches); always eval with a frozen backbone
  --out <file>          run record (default run.json)
  --weights-out <file>  also save the trained weights as .safetensors
  --help                this text`;

export interface TrainArgs {
  data: string;
  model: ModelKind;
  size: number;
  epochs: number;
  batch: number;
  lr: number;
  eps: number;
  seed: number;
  limit: number | null;
  backend: 'wasm' | 'cpu' | 'webgpu';
  init: string | null;
  out: string;
  weightsOut: string | null;
  /** ResNet-18 weights to fine-tune (null: seeded init). */
  weights: string | null;
  fineTune: 'full' | 'frozen';
  batchNorm: 'train' | 'eval';
}

function posInt(v: string | undefined, name: string, def: number): number {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${v}"`);
  return n;
}

function posNum(v: string | undefined, name: string, def: number): number {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${v}"`);
  return n;
}

/** Parses argv (without node and script); returns args, 'help', or an error message. */
export function parseTrainArgs(argv: string[]): { ok: true; args: TrainArgs } | { ok: 'help' } | { ok: false; error: string } {
  try {
    const { values: v } = parseArgs({
      args: argv,
      strict: true,
      options: {
        data: { type: 'string' },
        model: { type: 'string' },
        size: { type: 'string' },
        epochs: { type: 'string' },
        batch: { type: 'string' },
        lr: { type: 'string' },
        eps: { type: 'string' },
        seed: { type: 'string' },
        limit: { type: 'string' },
        backend: { type: 'string' },
        init: { type: 'string' },
        out: { type: 'string' },
        'weights-out': { type: 'string' },
        weights: { type: 'string' },
        'fine-tune': { type: 'string' },
        batchnorm: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
    if (v.help) return { ok: 'help' };
    if (!v.data) throw new Error('--data is required');
    const model = v.model ?? 'cnn';
    if (!isModelKind(model)) throw new Error(`--model must be ${choiceList(MODEL_KINDS)}, got "${v.model}"`);
    const def = modelOf(model);
    const fineTune = v['fine-tune'] ?? 'full';
    if (fineTune !== 'full' && fineTune !== 'frozen') throw new Error(`--fine-tune must be full or frozen, got "${fineTune}"`);
    const batchNorm = v.batchnorm ?? (fineTune === 'frozen' ? 'eval' : 'train');
    if (batchNorm !== 'train' && batchNorm !== 'eval') throw new Error(`--batchnorm must be train or eval, got "${batchNorm}"`);
    if (fineTune === 'frozen' && batchNorm === 'train')
      throw new Error('--batchnorm train does not go with --fine-tune frozen (a frozen backbone uses running statistics)');
    if (!def.fineTunes && (v.weights || v['fine-tune'] || v.batchnorm))
      throw new Error(`--weights, --fine-tune and --batchnorm apply to --model ${FINE_TUNED_KINDS} (${def.name} takes --init)`);
    if (def.fineTunes && v.init) throw new Error(`${def.name} takes its weights with --weights, not --init`);
    const backend = v.backend ?? 'wasm';
    if (backend !== 'wasm' && backend !== 'cpu' && backend !== 'webgpu')
      throw new Error(`--backend must be wasm, cpu or webgpu, got "${backend}"`);
    const size = posInt(v.size, 'size', 64);
    const sizeProblem = def.imageSizeProblem(size);
    if (sizeProblem) throw new Error(`--size must be ${sizeProblem}, got ${size}`);
    if (size < 16) throw new Error(`--size must be at least 16 for ${def.name}, got ${size}`);
    const seed = v.seed === undefined ? 0 : Number(v.seed);
    if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got "${v.seed}"`);
    return {
      ok: true,
      args: {
        data: v.data,
        model,
        size,
        epochs: posInt(v.epochs, 'epochs', 10),
        batch: posInt(v.batch, 'batch', 32),
        lr: posNum(v.lr, 'lr', 1e-3),
        eps: posNum(v.eps, 'eps', 1e-8),
        seed,
        limit: v.limit === undefined ? null : posInt(v.limit, 'limit', 0),
        backend,
        init: v.init ?? null,
        out: v.out ?? 'run.json',
        weightsOut: v['weights-out'] ?? null,
        weights: v.weights ?? null,
        fineTune,
        batchNorm,
      },
    };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
