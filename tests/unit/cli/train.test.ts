import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDefaultDataset } from '../../../scripts/build-default-dataset';
import { validateRunRecord } from '../../../src/record/validate-run-record';
import { readSafetensors } from '../../../src/tensor/weights/safetensors';

const dir = mkdtempSync(join(tmpdir(), 'hw1-train-cli-'));
const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'cli/train.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('npm run train', () => {
  beforeAll(async () => {
    await buildDefaultDataset({ outDir: dir, perClass: 30, seed: 1 });
  });

  it('trains on a packed data set and writes a valid run record and PyTorch-layout weights', () => {
    const out = join(dir, 'run.json');
    const weights = join(dir, 'w.safetensors');
    const r = run(['--data', dir, '--size', '16', '--epochs', '2', '--limit', '64', '--out', out, '--weights-out', weights]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/epoch 2: train loss/);
    const record = validateRunRecord(JSON.parse(readFileSync(out, 'utf8')));
    expect(record.ok).toBe(true);
    if (!record.ok) return;
    expect(record.value.epochs).toHaveLength(2);
    expect(record.value.backend).toBe('wasm');
    expect(record.value.dataset.classes).toHaveLength(10);
    const confusionTotal = record.value.test!.confusion.flat().reduce((a, b) => a + b, 0);
    expect(confusionTotal).toBe(record.value.dataset.counts.test);
    const t = readSafetensors(new Uint8Array(readFileSync(weights))).tensors;
    expect(t.get('conv1.weight')?.shape).toEqual([32, 3, 3, 3]);
    expect(t.get('fc.weight')?.shape).toEqual([10, 128]);
  });

  it('fine-tunes ResNet-18 from torchvision-named weights with a frozen backbone and records the weights and settings', () => {
    const out = join(dir, 'resnet.json');
    const weightsOut = join(dir, 'resnet.safetensors');
    const src = '../shared/fixtures/resnet18/weights.safetensors';
    const r = run([
      '--model',
      'resnet18',
      '--weights',
      src,
      '--fine-tune',
      'frozen',
      '--data',
      dir,
      '--size',
      '32',
      '--epochs',
      '2',
      '--batch',
      '8',
      '--limit',
      '24',
      '--out',
      out,
      '--weights-out',
      weightsOut,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/features \d+\/\d+ images \(frozen backbone\)/);
    const record = validateRunRecord(JSON.parse(readFileSync(out, 'utf8')));
    expect(record.ok).toBe(true);
    if (!record.ok) return;
    const sha = createHash('sha256').update(readFileSync(src)).digest('hex');
    expect(record.value.config).toMatchObject({
      model: 'resnet18',
      question: 'q2.3',
      fineTuning: 'frozen',
      batchNorm: 'eval',
      normalization: 'imagenet',
      pretrained: 'weights.safetensors',
      weights: { source: 'weights.safetensors', sha256: sha },
    });
    expect(record.value.epochs).toHaveLength(2);
    const t = readSafetensors(new Uint8Array(readFileSync(weightsOut))).tensors;
    expect(t.get('fc.weight')?.shape).toEqual([10, 512]);
    expect(t.get('layer4.1.bn2.num_batches_tracked')?.dtype).toBe('I64');
  }, 300_000);

  it('exits 2 with a message for bad arguments or missing data', () => {
    const mixed = run(['--data', dir, '--model', 'resnet18', '--fine-tune', 'frozen', '--batchnorm', 'train']);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/--batchnorm train does not go with --fine-tune frozen/);
    const cnnWeights = run(['--data', dir, '--weights', 'w.pth']);
    expect(cnnWeights.status).toBe(2);
    expect(cnnWeights.stderr).toMatch(/apply to --model resnet18/);
    const bad = run(['--data', dir, '--size', '30']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/size/);
    const missing = run(['--data', join(dir, 'nowhere')]);
    expect(missing.status).toBe(2);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });
});
