import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDefaultDataset, FASHION_MNIST_CLASSES } from '../../../scripts/build-default-dataset';
import { decodePacked } from '../../../src/data/packed-format';

const dir = mkdtempSync(join(tmpdir(), 'default-ds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buildDefaultDataset', () => {
  it('writes a balanced, valid 28×28×1 data set, reuses it when up to date, and is deterministic', async () => {
    const first = await buildDefaultDataset({ outDir: dir, perClass: 20, seed: 7 });
    expect(first.built).toBe(true);
    const ds = await decodePacked(readFileSync(join(dir, 'default.json'), 'utf8'), new Uint8Array(readFileSync(join(dir, 'default.bin'))));
    expect(ds.manifest).toMatchObject({ count: 200, imageSize: 28, channels: 1, classes: FASHION_MNIST_CLASSES });
    const perClass = Array.from({ length: 10 }, (_, c) => ds.labels.filter((y) => y === c).length);
    expect(perClass).toEqual(Array(10).fill(20));
    // Images are real pictures, not blanks: every image has some bright pixels.
    for (let n = 0; n < 200; n++) expect(Math.max(...ds.pixels.subarray(n * 784, (n + 1) * 784))).toBeGreaterThan(100);

    const again = await buildDefaultDataset({ outDir: dir, perClass: 20, seed: 7 });
    expect(again.built).toBe(false);
    const rebuilt = await buildDefaultDataset({ outDir: dir, perClass: 20, seed: 7, force: true });
    expect(rebuilt.built).toBe(true);
    expect(rebuilt.manifest.hash).toBe(first.manifest.hash);
  });
});
