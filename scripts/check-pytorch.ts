/**
 * `npm run check:pytorch` (outside `npm test`; needs Debian's python3-torch python3-torchvision python3-pil):
 * makes a small image folder, packs it and trains the CNN one epoch with the book (wasm), exports the
 * PyTorch script for that run, checks that its split is the book's, trains two epochs with it on one
 * process and on two (torchrun, gloo) and imports both run.json files through the book's validator, stops a
 * two-process ResNet-18 run by SIGTERM in its second epoch and resumes it. Exit 1 on a failed check.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePacked } from '../src/data/packed-format';
import { stratifiedSplit } from '../src/data/split';
import { pytorchScript } from '../src/export/pytorch-script';
import { specFromRun } from '../src/export/pytorch-spec';
import { parseRunFile } from '../src/runs/import-run';
import type { RunRecord } from '../src/record/run-record';
import { initResnet18State } from '../src/train/resnet18-init';
import { writeSafetensors } from '../src/tensor/weights/safetensors';
import { makeExportFolder } from './check-pytorch-folder';

const SIZE = 32;

const EVERY_AUGMENTATION = [
  { op: 'RandomHorizontalFlip', params: { p: 0.5 } },
  { op: 'ColorJitter', params: { brightness: 0.2, contrast: 0.2, saturation: 0.2, hue: 0.05 } },
  { op: 'RandomPerspective', params: { distortion_scale: 0.3 } },
  { op: 'RandomRotation', params: { degrees: 10, interpolation: 'bilinear' } },
  { op: 'RandomCrop', params: { size: SIZE, padding: 4, padding_mode: 'reflect' } },
  { op: 'RandomResizedCrop', params: { size: SIZE, scale: [0.6, 1] } },
  { op: 'GaussianBlur', params: { kernel_size: 3 } },
  { op: 'RandomErasing', params: { p: 0.3, value: 'random' } },
];

/** ImageNet-shaped ResNet-18 weights (the book's seeded torchvision init) as .safetensors, as the book writes them. */
function weightsFile(dir: string): string {
  const path = join(dir, 'resnet18-book.safetensors');
  writeFileSync(path, writeSafetensors(initResnet18State(1000, 3) as Parameters<typeof writeSafetensors>[0], { format: 'pt' }));
  return path;
}

function sh(cmd: string, args: string[], what: string): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 600_000, killSignal: 'SIGKILL' });
  if (r.status !== 0)
    throw new Error(
      `${what} failed (exit ${r.status}${r.signal ? `, ${r.signal} after 10 minutes` : ''}):\n${r.stderr || r.error?.message || ''}`,
    );
  return r.stdout;
}

/** A Python that imports torch, torchvision and PIL: $PYTHON, python3, or Debian's /usr/bin/python3. */
function findPython(): string {
  const tried: string[] = [];
  for (const p of [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter((x): x is string => !!x)) {
    const r = spawnSync(p, ['-c', 'import torch, torchvision, PIL; print(torch.__version__, torchvision.__version__)'], {
      encoding: 'utf8',
    });
    if (r.status === 0) return p;
    tried.push(`${p}: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}`);
  }
  throw new Error(
    `no Python with torch, torchvision and Pillow (apt-get install python3-torch python3-torchvision python3-pil, or set PYTHON):\n  ${tried.join('\n  ')}`,
  );
}

const checks: [string, boolean][] = [];
const check = (what: string, ok: boolean) => {
  checks.push([what, ok]);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
};
const row = (label: string, r: RunRecord, epoch = r.epochs.length) => {
  const e = r.epochs[epoch - 1];
  return `${label.padEnd(8)} ${r.backend.padEnd(8)} epoch ${e.epoch} train loss ${e.trainLoss.toFixed(4)} acc ${e.trainAccuracy.toFixed(3)} | val loss ${e.valLoss.toFixed(4)} acc ${e.valAccuracy.toFixed(3)} | test acc ${r.test?.accuracy.toFixed(3)} macro F1 ${r.test?.macroF1.toFixed(3)} | ${r.timings.imagesPerSecond.toFixed(0)} img/s`;
};

/** torchrun with 2 processes on this machine; --redirects 1 --tee 1 step around torch 1.13's launcher bug on Python 3.11 ("0" parses to None). */
const torchrun = (python: string, args: string[]): [string, string[]] => [
  python,
  ['-m', 'torch.distributed.run', '--standalone', '--nproc_per_node=2', '--redirects', '1', '--tee', '1', ...args],
];

/** The same script on 2 processes: a valid record that says so, and the first-epoch loss of the one-process run within 2 %. */
function checkTwoProcesses(python: string, script: string, data: string, dir: string, one: RunRecord): void {
  const outFile = join(dir, 'two-run.json');
  const [cmd, args] = torchrun(python, [script, '--data', data, '--epochs', '2', '--device', 'cpu', '--out', outFile]);
  sh(cmd, args, 'torchrun --nproc_per_node=2 train.py');
  const two = parseRunFile(readFileSync(outFile, 'utf8'), 'two-run.json');
  check(`2 processes: run.json passes the book's validator${two.ok ? '' : `: ${two.error}`}`, two.ok);
  if (!two.ok) return;
  check(
    '2 processes: the record says world size 2, device cpu, two epochs',
    two.value.runtime?.worldSize === 2 && two.value.runtime.device === 'cpu' && two.value.epochs.length === 2,
  );
  const a = one.epochs[0].trainLoss;
  const b = two.value.epochs[0].trainLoss;
  check(
    `2 processes: first-epoch train loss ${b.toFixed(6)} within 2 % of one process's ${a.toFixed(6)} (relative difference ${(Math.abs(b - a) / a).toExponential(2)})`,
    Math.abs(b - a) <= 0.02 * a,
  );
  console.log(row('1 proc', one));
  console.log(row('2 procs', two.value));
}

/** A 2-process ResNet-18 run stopped by SIGTERM in its second epoch, started again with the same command: it resumes and ends as the run that was never stopped. */
async function checkKillAndResume(python: string, data: string, dir: string, book: RunRecord): Promise<void> {
  const script = join(dir, 'resnet.py');
  writeFileSync(
    script,
    pytorchScript(
      specFromRun({ ...book, config: { ...book.config, model: 'resnet18', question: 'q2.3', fineTuning: 'full', batchNorm: 'train' } }),
    ),
  );
  const run = (out: string) => torchrun(python, [script, '--data', data, '--epochs', '2', '--device', 'cpu', '--out', out]);
  const refFile = join(dir, 'resnet-ref.json');
  sh(...run(refFile), 'torchrun resnet.py (never stopped)');
  const outFile = join(dir, 'resnet-run.json');
  const checkpoint = join(dir, 'resnet-run.ckpt.pt');
  const [cmd, args] = run(outFile);
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d: Buffer) => {
    log += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 300_000;
  while (!existsSync(checkpoint) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  child.kill('SIGTERM');
  const code = await exited;
  check(
    `SIGTERM in epoch 2: the job stops (exit ${code}) and says the checkpoint holds epoch 1`,
    code !== 0 && /stopped by signal 15 in epoch 2; \S+ holds epoch 1/.test(log),
  );
  check(
    'SIGTERM: no run.json and no half-written file left, the checkpoint kept',
    !existsSync(outFile) && existsSync(checkpoint) && !readdirSync(dir).some((f) => f.endsWith('.tmp')),
  );
  const again = sh(...run(outFile), 'torchrun resnet.py (started again)');
  check(
    'started again with the same command: it says it resumes from epoch 1 of 2',
    /resuming from \S+: 1 of 2 epochs done \(saved by 2 processes\)/.test(again),
  );
  const resumed = parseRunFile(readFileSync(outFile, 'utf8'), 'resnet-run.json');
  const ref = parseRunFile(readFileSync(refFile, 'utf8'), 'resnet-ref.json');
  if (!resumed.ok || !ref.ok) {
    check(`resumed run.json passes the validator: ${resumed.ok ? '' : resumed.error} ${ref.ok ? '' : ref.error}`, false);
    return;
  }
  const same = (x: number, y: number) => Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(y));
  const equal =
    resumed.value.epochs.length === 2 &&
    resumed.value.epochs.every((e, i) => same(e.trainLoss, ref.value.epochs[i].trainLoss) && same(e.valLoss, ref.value.epochs[i].valLoss));
  check(
    `the resumed run ends with both epochs, their losses those of the run never stopped (relative 1e-6): ${resumed.value.epochs.map((e) => e.trainLoss.toFixed(6)).join(', ')}`,
    equal,
  );
  check('the finished run removed its checkpoint', !existsSync(checkpoint));
}

async function main(): Promise<number> {
  const python = findPython();
  const versions = sh(
    python,
    [
      '-c',
      'import sys, torch, torchvision, PIL; print(sys.version.split()[0], torch.__version__, torchvision.__version__, PIL.__version__)',
    ],
    'python',
  ).trim();
  console.log(`python ${python}: Python, torch, torchvision, Pillow = ${versions}`);
  const dir = mkdtempSync(join(tmpdir(), 'hw1-check-pytorch-'));
  const data = makeExportFolder(join(dir, 'data'), ['heron', 'otter', 'lynx'], [26, 21, 30]);
  const tsx = [process.execPath, '--import', 'tsx'];
  sh(tsx[0], [...tsx.slice(1), 'cli/pack-dataset.ts', data, '--size', String(SIZE), '--out', join(dir, 'packed')], 'npm run pack-dataset');
  const bookRun = join(dir, 'book-run.json');
  sh(
    tsx[0],
    [
      ...tsx.slice(1),
      'cli/train.ts',
      '--data',
      join(dir, 'packed'),
      '--size',
      String(SIZE),
      '--epochs',
      '1',
      '--batch',
      '8',
      '--seed',
      '7',
      '--out',
      bookRun,
    ],
    'npm run train',
  );
  const book = parseRunFile(readFileSync(bookRun, 'utf8'));
  if (!book.ok) throw new Error(book.error);
  const script = join(dir, 'train.py');
  writeFileSync(script, pytorchScript(specFromRun(book.value)));
  console.log(`exported ${script} for the book's run ${book.value.id}`);

  const printed = JSON.parse(sh(python, [script, '--data', data, '--print-split'], 'train.py --print-split')) as {
    classes: string[];
    labels: number[];
    split: Record<string, number[]>;
  };
  const json = readdirSync(join(dir, 'packed')).find((f) => f.endsWith('.json')) as string;
  const packed = await decodePacked(
    readFileSync(join(dir, 'packed', json), 'utf8'),
    new Uint8Array(readFileSync(join(dir, 'packed', json.replace(/\.json$/, '.bin')))),
  );
  const labels = Array.from(packed.labels);
  const bookSplit = stratifiedSplit(labels, packed.manifest.classes.length, 7);
  check(
    `classes in label order are the book's (${printed.classes.join(', ')})`,
    JSON.stringify(printed.classes) === JSON.stringify(packed.manifest.classes),
  );
  check(`labels of all ${labels.length} images are the packer's, in its order`, JSON.stringify(printed.labels) === JSON.stringify(labels));
  for (const k of ['train', 'val', 'test'] as const)
    check(`${k} split: the same ${bookSplit[k].length} images`, JSON.stringify(printed.split[k]) === JSON.stringify(bookSplit[k]));

  const ptRun = join(dir, 'pytorch-run.json');
  const out = sh(python, [script, '--data', data, '--epochs', '2', '--out', ptRun, '--device', 'cpu'], 'python3 train.py');
  process.stdout.write(
    out
      .split('\n')
      .filter((l) => /^(data|epoch \d+:|test)/.test(l))
      .map((l) => `  | ${l}\n`)
      .join(''),
  );
  const pt = parseRunFile(readFileSync(ptRun, 'utf8'), 'pytorch-run.json');
  check(`the script's run.json passes the book's run-record validator${pt.ok ? '' : `: ${pt.error}`}`, pt.ok);
  if (pt.ok) {
    check('backend is "pytorch"', pt.value.backend === 'pytorch');
    check("split counts equal the book run's", JSON.stringify(pt.value.dataset.counts) === JSON.stringify(book.value.dataset.counts));
    check(
      'two epochs, test metrics with per-class entries and a full confusion matrix',
      pt.value.epochs.length === 2 && pt.value.test?.perClass.length === 3,
    );
    check(
      'the record says how it ran: 1 process on cpu, with the torch version',
      pt.value.runtime?.worldSize === 1 && pt.value.runtime.device === 'cpu' && versions.includes(pt.value.runtime.torchVersion),
    );
    console.log(row('book', book.value, 1));
    console.log(row('pytorch', pt.value, 1));
    const d = Math.abs(pt.value.epochs[0].trainLoss - book.value.epochs[0].trainLoss);
    console.log(
      `epoch-1 train loss differs by ${d.toExponential(2)} (same init, split and order; pixels differ by decoder/resize rounding)`,
    );
  }
  if (!pt.ok) return 1;
  checkTwoProcesses(python, script, data, dir, pt.value);
  await checkKillAndResume(python, data, dir, book.value);
  const more: [string, RunRecord, string[]][] = [
    [
      'CNN with every augmentation (torchvision classes)',
      { ...book.value, config: { ...book.value.config, pipeline: EVERY_AUGMENTATION } as RunRecord['config'] },
      [],
    ],
    [
      'ResNet-18, frozen backbone, weights from a .safetensors the book wrote',
      {
        ...book.value,
        config: {
          ...book.value.config,
          model: 'resnet18',
          question: 'q2.3',
          pretrained: 'book-init',
          fineTuning: 'frozen',
          batchNorm: 'eval',
        },
      },
      ['--weights', weightsFile(dir)],
    ],
    [
      'ResNet-18 from scratch, full fine-tuning',
      { ...book.value, config: { ...book.value.config, model: 'resnet18', question: 'q2.3', fineTuning: 'full' } },
      [],
    ],
  ];
  for (const [what, rec, extra] of more) {
    const path = join(dir, 'more.py');
    writeFileSync(path, pytorchScript(specFromRun(rec)));
    const outFile = join(dir, 'more-run.json');
    sh(python, [path, '--data', data, '--epochs', '1', '--out', outFile, '--device', 'cpu', ...extra], what);
    const r = parseRunFile(readFileSync(outFile, 'utf8'), 'run.json');
    check(`${what}: trains one epoch and its run.json passes the validator${r.ok ? '' : `: ${r.error}`}`, r.ok);
    if (r.ok)
      console.log(
        row('pytorch', r.value),
        `· ${r.value.config.model}${r.value.config.fineTuning ? ` ${r.value.config.fineTuning}` : ''}${r.value.config.weights ? ` weights ${r.value.config.weights.source}` : ''}`,
      );
  }
  const failed = checks.filter(([, ok]) => !ok).length;
  console.log(failed ? `${failed} of ${checks.length} checks failed` : `all ${checks.length} checks passed`);
  return failed ? 1 : 0;
}

main().then(
  (c) => process.exit(c),
  (e: unknown) => {
    console.error(`check:pytorch: ${(e as Error).message}`);
    process.exit(1);
  },
);
