/**
 * `npm run embed`: logits and features (the input of fc) of a model for every `x_<suffix>` tensor
 * (NCHW, already normalised) of a safetensors file, as `logits_<mode>_<suffix>` and `features_<mode>_<suffix>`.
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../src/train/model-build';
import type { TorchState } from '../src/train/model';
import { MODEL_KINDS, type ModelKind, choiceList, isModelKind } from '../src/train/models';

/** The model built when --model is not given. */
const DEFAULT_MODEL: ModelKind = 'resnet18';
/** `--model` values: the default first, then the other models. */
const CHOICES = [DEFAULT_MODEL, ...MODEL_KINDS.filter((k) => k !== DEFAULT_MODEL)];
import { loadTensors, loadWeights, nhwcFromNchw, runMain, saveTensors, useBackend } from './train-io';

/** The help text (the models' choices from the registry). */
export const EMBED_USAGE = `Usage: npm run embed -- --weights W --input CASES --out OUT [--mode eval|train]

For every tensor x_<suffix> of CASES (safetensors; NCHW float32, already normalised) writes
logits_<mode>_<suffix> and features_<mode>_<suffix> (the input of fc, 512-d for ResNet-18) to OUT.

  --weights <file>     state_dict as .safetensors or .pth (PyTorch names and layouts)
  --input <file>       safetensors with x_<suffix> tensors
  --out <file>         safetensors to write
  --mode eval|train    eval (running BatchNorm statistics, default) or train (batch statistics)
  --model <name>       ${choiceList(CHOICES).replace(DEFAULT_MODEL, `${DEFAULT_MODEL} (default)`)}
  --backend <name>     cpu (default) or wasm
  --help               this text`;

async function main(argv: string[]): Promise<number> {
  const { values: v } = parseArgs({
    args: argv,
    strict: true,
    options: {
      weights: { type: 'string' },
      input: { type: 'string' },
      out: { type: 'string' },
      mode: { type: 'string' },
      model: { type: 'string' },
      backend: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (v.help) {
    console.log(EMBED_USAGE);
    return 0;
  }
  const mode = v.mode ?? 'eval';
  const kind = v.model ?? DEFAULT_MODEL;
  const problem = !v.weights
    ? '--weights is required'
    : !v.input
      ? '--input is required'
      : !v.out
        ? '--out is required'
        : mode !== 'eval' && mode !== 'train'
          ? `--mode must be eval or train, got "${mode}"`
          : !isModelKind(kind)
            ? `--model must be ${choiceList(CHOICES)}, got "${kind}"`
            : null;
  if (problem || !isModelKind(kind)) {
    console.error(`embed: ${problem}\n\n${EMBED_USAGE}`);
    return 2;
  }
  const cases = loadTensors(v.input as string);
  const inputs = [...cases.keys()].filter((k) => k.startsWith('x_') && k.length > 2);
  if (inputs.length === 0) throw new Error(`--input ${v.input} has no x_<suffix> tensors`);
  const weights = await loadWeights(v.weights as string);
  const backend = await useBackend(v.backend ?? 'cpu');
  const out: TorchState = new Map();
  const model = buildModel(tf, kind, weights.tensors);
  try {
    for (const name of inputs) {
      const suffix = name.slice(2);
      const x = nhwcFromNchw(cases.get(name) as { shape: number[]; data: Float32Array }, name);
      const t0 = performance.now();
      const f = model.features(x, { training: mode === 'train' });
      const logits = model.head(f);
      out.set(`logits_${mode}_${suffix}`, { shape: logits.shape, data: (await logits.data()) as Float32Array });
      out.set(`features_${mode}_${suffix}`, { shape: f.shape, data: (await f.data()) as Float32Array });
      console.log(
        `${name} [${x.shape[0]}, ${x.shape[3]}, ${x.shape[1]}, ${x.shape[2]}]: ${((performance.now() - t0) / 1000).toFixed(2)} s`,
      );
      tf.dispose([x, f, logits]);
    }
  } finally {
    model.dispose();
  }
  saveTensors(v.out as string, out, { mode, model: kind, backend, weights_sha256: weights.sha256 });
  console.log(
    `wrote ${out.size} tensors to ${v.out} (${kind}, ${mode} mode, ${backend}; weights ${weights.format} sha256 ${weights.sha256})`,
  );
  return 0;
}

runMain('embed', main);
