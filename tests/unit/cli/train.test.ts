import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDefaultDataset } from '../../../scripts/build-default-dataset';
import { validateRunRecord } from '../../../src/train/validate-run-record';
import { readSafetensors } from '../../../src/train/weights/safetensors';

const dir = mkdtempSync(join(tmpdir(), 'hw1-train-cli-'));
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'cli/train.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

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

  it('exits 2 with a message for bad arguments or missing data', () => {
    const bad = run(['--data', dir, '--size', '30']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/size/);
    const missing = run(['--data', join(dir, 'nowhere')]);
    expect(missing.status).toBe(2);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });
});
