/**
 * "Run this in PyTorch": a standalone Python script (torch, torchvision, Pillow; nothing else) that
 * repeats a run — same model and init, same split of the same folder, same preprocessing,
 * augmentations and hyper-parameters — and writes a run record the book imports. A pure function
 * of the spec; the split part runs without torch (`--print-split`, or import the file).
 */
import { describeStep } from '../augment/pipeline';
import { augmentSource } from './python-augment';
import { PY_DATA } from './python-data';
import { PY_MODEL } from './python-model';
import { PY_CHECKPOINT } from './python-checkpoint';
import { PY_IMAGES } from './python-images';
import { PY_MAIN } from './python-main';
import { PY_PROCESSES } from './python-processes';
import { PY_TRAIN } from './python-train';
import { type PyValue, pyLiteral } from '../python/py-literal';
import { modelOf } from '../train/models';
import type { RunRecord } from '../record/run-record';
import { type PytorchScriptSpec, specFromRun } from './pytorch-spec';

/** The suggested file name of a spec's script. */
export function scriptFileName(spec: PytorchScriptSpec): string {
  const base = (spec.sourceRunId ?? `${spec.model}-${spec.seed}`)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `train-${base || spec.model}.py`;
}

function docstring(spec: PytorchScriptSpec): string {
  const model = modelOf(spec.model).describeScript({ ...spec, classes: spec.dataset?.classes.length ?? 10 });
  const aug = spec.augmentations.length ? spec.augmentations.map((s) => `    ${describeStep(s)}`).join('\n') : '    none';
  const lines = [
    `Repeats ${spec.sourceRunId ? `the book's run ${spec.sourceRunId}` : 'a run of the book'} in PyTorch (written by "Run this in PyTorch").`,
    '',
    `Model: ${model}.`,
    `Adam lr ${spec.learningRate}, eps ${spec.adamEpsilon}; batch ${spec.batchSize} (last partial train batch dropped); ${spec.epochs} epochs; seed ${spec.seed}.`,
    `Split: the book's stratified ${spec.fractions.train}/${spec.fractions.val}/${spec.fractions.test} split by seed ${spec.seed}, the same images in each split.`,
    'Augmentation (training batches only):',
    aug,
    '',
    'Usage:',
    '  python3 train.py --data DIR [--epochs N] [--out run.json] [--weights FILE] [--device cuda|cpu] [--fresh]',
    '  python3 train.py --data DIR --print-split     # the split as JSON; needs no torch',
    '  torchrun --standalone --nproc_per_node=N train.py --data DIR [...]   # N processes (DDP), the same global batch',
    '  (below: several nodes, checkpoints and resume)',
    'Needs torch, torchvision and Pillow (Debian: python3-torch python3-torchvision python3-pil).',
    'Import run.json in the book\'s runs list ("Import a run").',
  ];
  return `"""${lines.join('\n').replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"')}\n"""`;
}

/** The Python source of the script for `spec`. */
export function pytorchScript(spec: PytorchScriptSpec): string {
  const settings = pyLiteral(spec as unknown as PyValue);
  return [
    '#!/usr/bin/env python3',
    docstring(spec),
    'import argparse',
    'import datetime',
    'import functools',
    'import hashlib',
    'import json',
    'import math',
    'import os',
    'import signal',
    'import sys',
    'import time',
    '',
    "# The run this script repeats (from the book's run record).",
    `SPEC = ${settings}`,
    PY_DATA,
    PY_MODEL,
    augmentSource(spec.augmentations),
    PY_IMAGES,
    PY_PROCESSES,
    PY_CHECKPOINT,
    PY_TRAIN,
    PY_MAIN,
  ].join('\n');
}

/** The script of a run record and its file name (throws with a clear message when the run cannot be repeated). */
export function pytorchScriptOfRun(run: RunRecord): { fileName: string; source: string } {
  const spec = specFromRun(run);
  return { fileName: scriptFileName(spec), source: pytorchScript(spec) };
}
