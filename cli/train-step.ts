/**
 * `npm run train-step`: one training step of a model of the registry (the CNN, ResNet-18) on a case file (x NCHW, labels),
 * writing logits, loss, grad.<param>, after_adam.<param> and after_step.<bn>.running_mean/var in
 * PyTorch names and layouts — the form of the PyTorch fixtures, so the two can be compared.
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../src/train/model-build';
import { MODEL_KINDS, choiceList, isModelKind } from '../src/train/models';
import { reportedTrainStep } from '../src/train/model-step';
import { loadTensors, loadWeights, nhwcFromNchw, runMain, saveTensors, useBackend } from './train-io';

/** The help text (the models' choices from the registry). */
export const TRAIN_STEP_USAGE = `Usage: npm run train-step -- --model ${MODEL_KINDS.join('|')} --weights W --input CASE --out OUT

CASE (safetensors) holds x (NCHW float32, already normalised) and labels (integers). Takes one
train-mode step — mean cross-entropy, one torch.optim.Adam step (lr 1e-3, betas 0.9/0.999, eps 1e-8) —
and writes logits, loss, grad.<param>, after_adam.<param> and, for BatchNorm,
after_step.<name>.running_mean / running_var to OUT, in PyTorch names and layouts.

  --model ${MODEL_KINDS.join('|').padEnd(13)} the architecture of W
  --weights <file>      state_dict as .safetensors or .pth
  --input <file>        the case
  --out <file>          safetensors to write
  --backend <name>      cpu (default) or wasm
  --help                this text`;

async function main(argv: string[]): Promise<number> {
  const { values: v } = parseArgs({
    args: argv,
    strict: true,
    options: {
      model: { type: 'string' },
      weights: { type: 'string' },
      input: { type: 'string' },
      out: { type: 'string' },
      backend: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (v.help) {
    console.log(TRAIN_STEP_USAGE);
    return 0;
  }
  const problem = !isModelKind(v.model)
    ? `--model must be ${choiceList(MODEL_KINDS)}, got "${v.model ?? ''}"`
    : !v.weights
      ? '--weights is required'
      : !v.input
        ? '--input is required'
        : !v.out
          ? '--out is required'
          : null;
  if (problem || !isModelKind(v.model)) {
    console.error(`train-step: ${problem}\n\n${TRAIN_STEP_USAGE}`);
    return 2;
  }
  const c = loadTensors(v.input as string);
  const xs = c.get('x');
  const ls = c.get('labels');
  if (!xs || !ls) throw new Error(`--input ${v.input} must hold x and labels`);
  const weights = await loadWeights(v.weights as string);
  const backend = await useBackend(v.backend ?? 'cpu');
  const x = nhwcFromNchw(xs, 'x');
  const model = buildModel(tf, v.model, weights.tensors, { imageSize: x.shape[1] });
  try {
    const t0 = performance.now();
    const out = await reportedTrainStep(tf, model, x, ls.data);
    const seconds = (performance.now() - t0) / 1000;
    saveTensors(v.out as string, out, {
      model: v.model,
      backend,
      weights_sha256: weights.sha256,
      optimizer: 'Adam lr=1e-3 betas=(0.9,0.999) eps=1e-8, one step',
    });
    console.log(`loss ${out.get('loss')?.data[0]}; step ${seconds.toFixed(2)} s on ${backend}; wrote ${out.size} tensors to ${v.out}`);
  } finally {
    model.dispose();
    x.dispose();
  }
  return 0;
}

runMain('train-step', main);
