import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderSource } from '../../../cli/read-input';
import { scanFolder } from '../../../src/data/folder-scan';
import { stratifiedSplit } from '../../../src/data/split';
import { limitSplit } from '../../../src/runs/train-limit';
import { pytorchScript, scriptFileName } from '../../../src/export/pytorch-script';
import { specFromRun } from '../../../src/export/pytorch-spec';
import { makeExportFolder } from '../../../scripts/check-pytorch-folder';
import { encodePng, pattern } from '../../fixtures-gen/encode-images';
import { runRecord } from './fixtures';
import { PYTHON, callScript, hasPython, runScript, writeScript } from './python';

const ALL_AUGMENTATIONS = [
  { op: 'RandomHorizontalFlip', params: { p: 0.5 } },
  { op: 'ColorJitter', params: { brightness: 0.2, contrast: 0.3, saturation: 0.1, hue: 0.05 } },
  { op: 'RandomPerspective', params: { distortion_scale: 0.3, p: 0.4 } },
  { op: 'RandomRotation', params: { degrees: 15, interpolation: 'bilinear', fill: [0.5] } },
  { op: 'RandomCrop', params: { size: 32, padding: 4, padding_mode: 'reflect' } },
  { op: 'RandomResizedCrop', params: { size: [32, 32], scale: [0.5, 1] } },
  { op: 'GaussianBlur', params: { kernel_size: 3, sigma: [0.1, 1.5] } },
  { op: 'RandomErasing', params: { p: 0.25, value: 'random' } },
];

const variants = {
  'the CNN': runRecord(),
  'the CNN with every augmentation': runRecord({ pipeline: ALL_AUGMENTATIONS }),
  'ResNet-18, frozen backbone': runRecord({
    model: 'resnet18',
    question: 'q2.3',
    imageSize: 64,
    pretrained: 'torchvision:IMAGENET1K_V1',
    fineTuning: 'frozen',
    batchNorm: 'eval',
  }),
  'ResNet-18, full fine-tuning, BatchNorm eval': runRecord({
    model: 'resnet18',
    question: 'q2.3',
    imageSize: 48,
    pretrained: 'resnet18.safetensors',
    batchNorm: 'eval',
  }),
};

/** Without an interpreter: brackets balance outside strings and comments (a coarse parse check). */
function bracketsBalance(src: string): boolean {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const q = src.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      const end = src.indexOf(q, i + q.length);
      if (end < 0) return false;
      i = end + q.length - 1;
      continue;
    }
    if ('([{'.includes(c)) stack.push(c);
    else if (c in pairs && stack.pop() !== pairs[c]) return false;
  }
  return stack.length === 0;
}

describe('pytorchScript', () => {
  for (const [name, run] of Object.entries(variants)) {
    it(`writes a script that compiles: ${name}`, () => {
      const path = writeScript(pytorchScript(specFromRun(run)));
      if (!hasPython) {
        expect(bracketsBalance(pytorchScript(specFromRun(run)))).toBe(true);
        return;
      }
      const r = spawnSync(PYTHON, ['-m', 'py_compile', path], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    });
  }

  it('carries the run as data: settings, the described augmentations as torchvision classes, the ResNet head', () => {
    const src = pytorchScript(specFromRun(variants['the CNN with every augmentation']));
    expect(src).toContain('"learningRate": 0.001, "adamEpsilon": 1e-8, "seed": 42');
    expect(src).toContain('T.RandomRotation(degrees=(-15, 15), interpolation=InterpolationMode.BILINEAR, fill=[0.5])');
    expect(src).toContain('T.RandomCrop(size=(32, 32), padding=(4, 4, 4, 4), fill=0, padding_mode="reflect")');
    expect(src).toContain("T.RandomErasing(p=0.25, scale=(0.02, 0.33), ratio=(0.3, 3.3), value='random')");
    expect(src).toMatch(/^import (argparse|datetime|functools|json|math|os|sys|time)$/m);
    expect(src).not.toMatch(/^import torch/m);
    const resnet = pytorchScript(specFromRun(variants['ResNet-18, frozen backbone']));
    expect(resnet).toContain('"frozenBackbone": True, "batchNorm": "eval", "normalization": "imagenet"');
    expect(resnet).toContain('frozen backbone (only fc trains)');
    expect(resnet).toContain(
      'def make_augment():\n    """The run\'s training augmentation as torchvision.transforms (per image, CHW float in [0, 1]); None when it has none."""\n    return None',
    );
  });

  it('names the file after the run', () => {
    expect(scriptFileName(specFromRun(runRecord()))).toBe('train-cnn-42-2026-01-01T00-00-00.000Z.py');
  });
});

describe('the generated split under plain python3 (no torch)', () => {
  const splitOf = async (dir: string, seed: number, limit: number | null = null) => {
    const scan = scanFolder((await folderSource(dir)).entries);
    const split = limitSplit(
      stratifiedSplit(
        scan.files.map((f) => f.label),
        scan.classes.length,
        seed,
      ),
      limit,
    );
    return {
      classes: scan.classes,
      files: scan.files.map((f) => f.path),
      labels: scan.files.map((f) => f.label),
      split: { train: split.train, val: split.val, test: split.test },
    };
  };

  it('--print-split gives scanFolder + stratifiedSplit on the same folder: code-unit order (accents, astral), hidden/stray/empty skipped, root stripped', async () => {
    expect(hasPython, 'python3 is needed').toBe(true);
    const dir = makeExportFolder(
      mkdtempSync(join(tmpdir(), 'hw1-export-split-')),
      ['zebra', 'Élan', '𝒜stral', 'ｚwide', 'ant'],
      [13, 7, 9, 5, 21],
    );
    for (const seed of [3, 42]) {
      const path = writeScript(pytorchScript(specFromRun(runRecord({ seed }))));
      const r = runScript(path, ['--data', dir, '--print-split']);
      expect(r.status, r.stderr).toBe(0);
      const want = await splitOf(dir, seed);
      // UTF-16 order: 𝒜 (a surrogate pair, 0xD835…) before ｚ (0xFF5A); Python's own sorted() would swap them.
      expect(want.classes).toEqual(['ant', 'zebra', 'Élan', '𝒜stral', 'ｚwide']);
      expect(JSON.parse(r.stdout)).toEqual(want);
    }
    const limited = runScript(writeScript(pytorchScript(specFromRun(runRecord({ seed: 9 })))), [
      '--data',
      dir,
      '--print-split',
      '--limit',
      '8',
    ]);
    expect(JSON.parse(limited.stdout)).toEqual(await splitOf(dir, 9, 8));
  });

  it("keeps the homework's Russian Wildlife label order (any case) and nested class sub-folders", async () => {
    expect(hasPython, 'python3 is needed').toBe(true);
    const names = [
      'Amur_Leopard',
      'amur_tiger',
      'birds',
      'black_bear',
      'brown_bear',
      'dog',
      'roe_deer',
      'sika_deer',
      'wild_boar',
      'people',
    ];
    const dir = makeExportFolder(
      mkdtempSync(join(tmpdir(), 'hw1-export-wild-')),
      names,
      names.map((_, i) => 6 + i),
      'data/wildlife',
    );
    mkdirSync(join(dir, 'data', 'wildlife', 'dog', 'more'), { recursive: true });
    writeFileSync(join(dir, 'data', 'wildlife', 'dog', 'more', 'extra.png'), encodePng(9, 7, pattern(9, 7, 1)));
    const r = runScript(writeScript(pytorchScript(specFromRun(runRecord()))), ['--data', dir, '--print-split']);
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as { classes: string[]; files: string[] };
    expect(got).toEqual(await splitOf(dir, 42));
    expect(got.files).toContain('data/wildlife/dog/more/extra.png');
    expect(got.classes).toEqual(names);
  });

  it('imports without torch: the module-level code is the standard library only', () => {
    expect(hasPython, 'python3 is needed').toBe(true);
    const path = writeScript(pytorchScript(specFromRun(variants['ResNet-18, frozen backbone'])));
    expect(callScript<string>(path, 'print(json.dumps(m.SPEC["model"]))')).toBe('resnet18');
  });
});
