/**
 * `npm run convert-weights`: turns a torchvision `.pth` (or any PyTorch state_dict file) into the
 * `.safetensors` an instructor hosts next to the book, after checking names and shapes against the model.
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { checkModelState } from '../src/train/model-build';
import type { TorchState } from '../src/train/model';
import { MODEL_KINDS, type ModelKind, choiceList, isModelKind } from '../src/train/models';
import { isFloatDtype } from '../src/tensor/weights/tensor-map';
import { sha256Hex } from '../src/data/sha256';
import { loadWeights, runMain, saveTensors } from './train-io';
import { readFileSync } from 'node:fs';

/** The model checked when --model is not given. */
const DEFAULT_MODEL: ModelKind = 'resnet18';
/** `--model` values: the default first, then the other models, then none (no check). */
const CHOICES = [DEFAULT_MODEL, ...MODEL_KINDS.filter((k) => k !== DEFAULT_MODEL), 'none'];

/** The help text (the models' choices from the registry, ResNet-18 first as the default). */
export const CONVERT_USAGE = `Usage: npm run convert-weights -- <file.pth> --out <file.safetensors> [--f16]

Reads a PyTorch state_dict (.pth from torch.save, zip format, or .safetensors), checks its names and
shapes against the model, and writes it as safetensors in PyTorch names and layouts.

  --out <file>      safetensors to write
  --f16             store floating-point tensors as F16 (half the size; integer buffers stay I64)
  --model <name>    ${CHOICES.slice(0, -1).join(', ').replace(DEFAULT_MODEL, `${DEFAULT_MODEL} (default)`)}, or none (no check)
  --help            this text`;

async function main(argv: string[]): Promise<number> {
  const { values: v, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { out: { type: 'string' }, f16: { type: 'boolean' }, model: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (v.help) {
    console.log(CONVERT_USAGE);
    return 0;
  }
  const model = v.model ?? DEFAULT_MODEL;
  const problem =
    positionals.length !== 1
      ? `give exactly one input file, got ${positionals.length}`
      : !v.out
        ? '--out is required'
        : !isModelKind(model) && model !== 'none'
          ? `--model must be ${choiceList(CHOICES)}, got "${model}"`
          : null;
  if (problem || (!isModelKind(model) && model !== 'none')) {
    console.error(`convert-weights: ${problem}\n\n${CONVERT_USAGE}`);
    return 2;
  }
  const input = positionals[0];
  const w = await loadWeights(input, 'input');
  checkModelState(model, w.tensors);
  const out: TorchState = new Map();
  for (const [name, t] of w.tensors) {
    for (const x of t.data) if (isFloatDtype(t.dtype) && Number.isNaN(x)) throw new Error(`tensor "${name}" holds NaN`);
    out.set(name, { shape: t.shape, data: t.data, dtype: isFloatDtype(t.dtype) ? (v.f16 ? 'F16' : 'F32') : 'I64' });
  }
  saveTensors(v.out as string, out, { format: 'pt', source: basename(input), source_sha256: w.sha256, dtype: v.f16 ? 'F16' : 'F32' });
  const written = new Uint8Array(readFileSync(v.out as string));
  console.log(`read ${input} (${w.format}, ${w.tensors.size} tensors, ${(w.bytes / 1e6).toFixed(1)} MB, sha256 ${w.sha256})`);
  console.log(`wrote ${v.out} (${v.f16 ? 'F16' : 'F32'}, ${(written.byteLength / 1e6).toFixed(1)} MB, sha256 ${await sha256Hex(written)})`);
  return 0;
}

runMain('convert-weights', main);
