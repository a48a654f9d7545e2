/**
 * `npm run check:pytorch` (outside `npm test`; needs Debian's python3-torch python3-torchvision python3-pil):
 * makes a small image folder, packs it and trains the CNN one epoch with the book (wasm), exports the
 * PyTorch script for that run, checks that its split is the book's, trains one epoch with it, and
 * imports its run.json through the book's validator. Prints both runs' numbers. Exit 1 on a failed check.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePacked } from '../src/data/packed-format';
import { stratifiedSplit } from '../src/data/split';
import { pytorchScript } from '../src/export/pytorch-script';
import { specFromRun } from '../src/export/pytorch-spec';
import { parseRunFile } from '../src/runs/import-run';
import type { RunRecord } from '../src/train/run-record';
import { initResnet18State } from '../src/train/resnet18-init';
import { writeSafetensors } from '../src/train/weights/safetensors';
import { makeExportFolder } from './check-pytorch-folder';

const SIZE = 32;

const EVERY_AUGMENTATION = [
  { op: 'RandomHorizontalFlip', params: { p: 0.5 } }, { op: 'ColorJitter', params: { brightness: 0.2, contrast: 0.2, saturation: 0.2, hue: 0.05 } },
  { op: 'RandomPerspective', params: { distortion_scale: 0.3 } }, { op: 'RandomRotation', params: { degrees: 10, interpolation: 'bilinear' } },
  { op: 'RandomCrop', params: { size: SIZE, padding: 4, padding_mode: 'reflect' } }, { op: 'RandomResizedCrop', params: { size: SIZE, scale: [0.6, 1] } },
  { op: 'GaussianBlur', params: { kernel_size: 3 } }, { op: 'RandomErasing', params: { p: 0.3, value: 'random' } },
];

/** ImageNet-shaped ResNet-18 weights (the book's seeded torchvision init) as .safetensors, as the book writes them. */
function weightsFile(dir: string): string {
  const path = join(dir, 'resnet18-book.safetensors');
  writeFileSync(path, writeSafetensors(initResnet18State(1000, 3) as Parameters<typeof writeSafetensors>[0], { format: 'pt' }));
  return path;
}

function sh(cmd: string, args: string[], what: string): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${r.stderr || r.error?.message || ''}`);
  return r.stdout;
}

/** A Python that imports torch, torchvision and PIL: $PYTHON, python3, or Debian's /usr/bin/python3. */
function findPython(): string {
  const tried: string[] = [];
  for (const p of [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter((x): x is string => !!x)) {
    const r = spawnSync(p, ['-c', 'import torch, torchvision, PIL; print(torch.__version__, torchvision.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return p;
    tried.push(`${p}: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}`);
  }
  throw new Error(`no Python with torch, torchvision and Pillow (apt-get install python3-torch python3-torchvision python3-pil, or set PYTHON):\n  ${tried.join('\n  ')}`);
}

const checks: [string, boolean][] = [];
const check = (what: string, ok: boolean) => { checks.push([what, ok]); console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); };
const row = (label: string, r: RunRecord) => {
  const e = r.epochs[r.epochs.length - 1];
  return `${label.padEnd(8)} ${r.backend.padEnd(8)} train loss ${e.trainLoss.toFixed(4)} acc ${e.trainAccuracy.toFixed(3)} | val loss ${e.valLoss.toFixed(4)} acc ${e.valAccuracy.toFixed(3)} | test acc ${r.test?.accuracy.toFixed(3)} macro F1 ${r.test?.macroF1.toFixed(3)} | ${r.timings.imagesPerSecond.toFixed(0)} img/s`;
};

async function main(): Promise<number> {
  const python = findPython();
  const versions = sh(python, ['-c', 'import sys, torch, torchvision, PIL; print(sys.version.split()[0], torch.__version__, torchvision.__version__, PIL.__version__)'], 'python').trim();
  console.log(`python ${python}: Python, torch, torchvision, Pillow = ${versions}`);
  const dir = mkdtempSync(join(tmpdir(), 'hw1-check-pytorch-'));
  const data = makeExportFolder(join(dir, 'data'), ['heron', 'otter', 'lynx'], [26, 21, 30]);
  const tsx = [process.execPath, '--import', 'tsx'];
  sh(tsx[0], [...tsx.slice(1), 'cli/pack-dataset.ts', data, '--size', String(SIZE), '--out', join(dir, 'packed')], 'npm run pack-dataset');
  const bookRun = join(dir, 'book-run.json');
  sh(tsx[0], [...tsx.slice(1), 'cli/train.ts', '--data', join(dir, 'packed'), '--size', String(SIZE), '--epochs', '1', '--batch', '8', '--seed', '7', '--out', bookRun], 'npm run train');
  const book = parseRunFile(readFileSync(bookRun, 'utf8'));
  if (!book.ok) throw new Error(book.error);
  const script = join(dir, 'train.py');
  writeFileSync(script, pytorchScript(specFromRun(book.value)));
  console.log(`exported ${script} for the book's run ${book.value.id}`);

  const printed = JSON.parse(sh(python, [script, '--data', data, '--print-split'], 'train.py --print-split')) as { classes: string[]; labels: number[]; split: Record<string, number[]> };
  const json = readdirSync(join(dir, 'packed')).find((f) => f.endsWith('.json')) as string;
  const packed = await decodePacked(readFileSync(join(dir, 'packed', json), 'utf8'), new Uint8Array(readFileSync(join(dir, 'packed', json.replace(/\.json$/, '.bin')))));
  const labels = Array.from(packed.labels);
  const bookSplit = stratifiedSplit(labels, packed.manifest.classes.length, 7);
  check(`classes in label order are the book's (${printed.classes.join(', ')})`, JSON.stringify(printed.classes) === JSON.stringify(packed.manifest.classes));
  check(`labels of all ${labels.length} images are the packer's, in its order`, JSON.stringify(printed.labels) === JSON.stringify(labels));
  for (const k of ['train', 'val', 'test'] as const) check(`${k} split: the same ${bookSplit[k].length} images`, JSON.stringify(printed.split[k]) === JSON.stringify(bookSplit[k]));

  const ptRun = join(dir, 'pytorch-run.json');
  const out = sh(python, [script, '--data', data, '--epochs', '1', '--out', ptRun, '--device', 'cpu'], 'python3 train.py');
  process.stdout.write(out.split('\n').filter((l) => /^(data|epoch \d+:|test)/.test(l)).map((l) => `  | ${l}\n`).join(''));
  const pt = parseRunFile(readFileSync(ptRun, 'utf8'), 'pytorch-run.json');
  check(`the script's run.json passes the book's run-record validator${pt.ok ? '' : `: ${pt.error}`}`, pt.ok);
  if (pt.ok) {
    check('backend is "pytorch"', pt.value.backend === 'pytorch');
    check('split counts equal the book run\'s', JSON.stringify(pt.value.dataset.counts) === JSON.stringify(book.value.dataset.counts));
    check('one epoch, test metrics with per-class entries and a full confusion matrix', pt.value.epochs.length === 1 && pt.value.test?.perClass.length === 3);
    console.log(row('book', book.value));
    console.log(row('pytorch', pt.value));
    const d = Math.abs(pt.value.epochs[0].trainLoss - book.value.epochs[0].trainLoss);
    console.log(`epoch-1 train loss differs by ${d.toExponential(2)} (same init, split and order; pixels differ by decoder/resize rounding)`);
  }
  if (!pt.ok) return 1;
  const more: [string, RunRecord, string[]][] = [
    ['CNN with every augmentation (torchvision classes)', { ...book.value, config: { ...book.value.config, pipeline: EVERY_AUGMENTATION } as RunRecord['config'] }, []],
    ['ResNet-18, frozen backbone, weights from a .safetensors the book wrote', { ...book.value, config: { ...book.value.config, model: 'resnet18', question: 'q2.3', pretrained: 'book-init', fineTuning: 'frozen', batchNorm: 'eval' } }, ['--weights', weightsFile(dir)]],
    ['ResNet-18 from scratch, full fine-tuning', { ...book.value, config: { ...book.value.config, model: 'resnet18', question: 'q2.3', fineTuning: 'full' } }, []],
  ];
  for (const [what, rec, extra] of more) {
    const path = join(dir, 'more.py');
    writeFileSync(path, pytorchScript(specFromRun(rec)));
    const outFile = join(dir, 'more-run.json');
    sh(python, [path, '--data', data, '--epochs', '1', '--out', outFile, '--device', 'cpu', ...extra], what);
    const r = parseRunFile(readFileSync(outFile, 'utf8'), 'run.json');
    check(`${what}: trains one epoch and its run.json passes the validator${r.ok ? '' : `: ${r.error}`}`, r.ok);
    if (r.ok) console.log(row('pytorch', r.value), `· ${r.value.config.model}${r.value.config.fineTuning ? ` ${r.value.config.fineTuning}` : ''}${r.value.config.weights ? ` weights ${r.value.config.weights.source}` : ''}`);
  }
  const failed = checks.filter(([, ok]) => !ok).length;
  console.log(failed ? `${failed} of ${checks.length} checks failed` : `all ${checks.length} checks passed`);
  return failed ? 1 : 0;
}

main().then((c) => process.exit(c), (e: unknown) => { console.error(`check:pytorch: ${(e as Error).message}`); process.exit(1); });
