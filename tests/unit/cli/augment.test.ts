import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSafetensors, writeSafetensors } from '../../../src/tensor/weights/safetensors';
import { loadAugmentFixtures } from '../augment/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'hw1-augment-cli-'));
const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'cli/augment.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
const fx = loadAugmentFixtures();

function inputFile(name: string, images: { shape: number[]; data: Float32Array }): string {
  const path = join(dir, name);
  writeFileSync(path, writeSafetensors({ images }));
  return path;
}

describe('npm run augment', () => {
  it('runs OPS.json on images and matches torchvision (the fixture pipeline: perspective, resized_crop, hue, contrast, hflip)', () => {
    const c = fx.cases.find((k) => k.name === 'pipeline')!;
    const input = inputFile('a.safetensors', fx.tensors.get(`input_${c.input}`) as { shape: number[]; data: Float32Array });
    const ops = join(dir, 'ops.json');
    writeFileSync(ops, JSON.stringify(c.ops));
    const out = join(dir, 'out.safetensors');
    for (const backend of ['cpu', 'wasm']) {
      const r = run(['--input', input, '--ops', ops, '--out', out, '--backend', backend]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/wrote .*images \[4, 3, 16, 16\]/);
      const got = readSafetensors(new Uint8Array(readFileSync(out))).tensors.get('images')!;
      const want = fx.tensors.get(c.output)!;
      expect(got.shape).toEqual(want.shape);
      let worst = 0;
      for (let i = 0; i < got.data.length; i++) worst = Math.max(worst, Math.abs(got.data[i] - want.data[i]));
      // Bilinear warp first: 1e-4 (see tests/unit/augment/functional.test.ts).
      expect(worst).toBeLessThan(1e-4);
    }
  });

  it('exits 2 with a message naming the problem, and writes nothing', () => {
    const input = inputFile('b.safetensors', { shape: [1, 3, 4, 5], data: new Float32Array(60).fill(0.5) });
    const out = join(dir, 'never.safetensors');
    const ops = (name: string, text: string) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    };
    // The CLI's exit status and message; every kind of bad input is covered in tests/unit/augment/augment-file.test.ts.
    const cases: [string[], RegExp][] = [
      [
        ['--input', input, '--ops', ops('bad.json', '[{"op": "rotate", "angle": "ten"}]'), '--out', out],
        /ops\[0\]\.angle must be a number \(got "ten"\)/,
      ],
      [['--input', join(dir, 'nothing.safetensors'), '--ops', ops('ok.json', '[]'), '--out', out], /--input .* does not exist/],
      [['--input', input, '--out', out], /missing --ops/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.status, r.stdout).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
  });
});
