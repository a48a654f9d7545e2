/** `npm run export-pytorch -- --run RUN.json --out train.py`: writes the standalone PyTorch script that repeats a run. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pytorchScript } from '../src/export/pytorch-script';
import { specFromRun } from '../src/export/pytorch-spec';
import { MAX_RUN_FILE_BYTES, parseRunFile } from '../src/runs/import-run';

const USAGE = `Usage: npm run export-pytorch -- --run RUN.json --out train.py [--source-size PX]

Writes a standalone Python script (torch, torchvision, Pillow) with the run's model, split, preprocessing,
augmentations and hyper-parameters. Then: python3 train.py --data DIR [--epochs N] --out run.json [--weights FILE] [--device cuda|cpu] [--fresh],
or torchrun --nproc_per_node=N train.py … (N processes, the same global batch)

  --run <file>          a run record exported from the book (Export JSON) or written by npm run train
  --out <file>          the script to write (default train.py)
  --source-size <px>    the side the data set was stored at, when the trainer resized it again (e.g. 128 for a 64 px run)
  --help                this text`;

function fail(message: string): never {
  throw new Error(message);
}

function main(argv: string[]): number {
  let v: { run?: string; out?: string; 'source-size'?: string; help?: boolean };
  try {
    v = parseArgs({
      args: argv,
      strict: true,
      options: { run: { type: 'string' }, out: { type: 'string' }, 'source-size': { type: 'string' }, help: { type: 'boolean' } },
    }).values;
  } catch (e) {
    return usageError((e as Error).message);
  }
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  if (!v.run) return usageError('--run is required');
  const sourceSize = v['source-size'] === undefined ? null : Number(v['source-size']);
  if (sourceSize !== null && (!Number.isInteger(sourceSize) || sourceSize < 1 || sourceSize > 4096))
    return usageError(`--source-size must be a whole number of pixels, got "${v['source-size']}"`);
  const out = v.out ?? 'train.py';
  if (!existsSync(v.run)) fail(`--run ${v.run} does not exist`);
  if (statSync(v.run).isDirectory()) fail(`--run ${v.run} is a folder; pass the run's .json file`);
  if (statSync(v.run).size > MAX_RUN_FILE_BYTES)
    fail(`${v.run} is larger than ${MAX_RUN_FILE_BYTES / 1024 / 1024} MB; a run record is much smaller`);
  const parsed = parseRunFile(readFileSync(v.run, 'utf8'), v.run);
  if (!parsed.ok) fail(parsed.error);
  const spec = specFromRun(parsed.value, { sourceSize });
  writeFileSync(out, pytorchScript(spec));
  console.log(
    `wrote ${out}: python3 ${out} --data DIR --out run.json  (${spec.model}, ${spec.epochs} epochs, seed ${spec.seed}${spec.augmentations.length ? `, ${spec.augmentations.length} augmentation${spec.augmentations.length === 1 ? '' : 's'}` : ''})`,
  );
  if (spec.dataset?.name === 'default')
    console.log("the run used the book's default data set: write it as DIR with npm run unpack-dataset -- --out DIR");
  return 0;
}

function usageError(message: string): number {
  console.error(`export-pytorch: ${message}\n\n${USAGE}`);
  return 2;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`export-pytorch: ${(e as Error).message}`);
  process.exitCode = 2;
}
