import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSafetensors } from '../../../src/tensor/weights/safetensors';
import { relError } from '../train/helpers/cnn64';
import { RESNET18_LOCAL, RESNET18_SHARED, RESNET18_WEIGHTS, tensorsOf } from '../train/helpers/resnet18';

// Relative error: max|ours − PyTorch| / max|PyTorch| over each output tensor.
const TOL = 1e-4;
const dir = mkdtempSync(join(tmpdir(), 'hw1-embed-'));
const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'cli/embed.ts', ...args], { encoding: 'utf8', timeout: 300_000 });

/** Runs embed on `input` in `mode` and checks every output the reference file has for that mode. */
function check(input: string, mode: 'eval' | 'train', backend: string): string[] {
  const out = join(dir, `${mode}-${backend}-${input.replace(/\W/g, '_')}.safetensors`);
  const r = run(['--weights', RESNET18_WEIGHTS, '--input', input, '--out', out, '--mode', mode, '--backend', backend]);
  expect(r.status, r.stderr).toBe(0);
  const ours = tensorsOf(out);
  const ref = tensorsOf(input);
  const checked: string[] = [];
  for (const [name, t] of ref) {
    if (!name.startsWith(`logits_${mode}_`) && !name.startsWith(`features_${mode}_`)) continue;
    expect(ours.get(name)?.shape, name).toEqual(t.shape);
    expect(relError(ours.get(name)?.data ?? [], t.data), name).toBeLessThanOrEqual(TOL);
    checked.push(name);
  }
  for (const name of ours.keys()) expect(name.startsWith(`logits_${mode}_`) || name.startsWith(`features_${mode}_`), name).toBe(true);
  return checked;
}

describe('npm run embed', () => {
  for (const mode of ['eval', 'train'] as const) {
    it(`matches PyTorch on the shared fixture at 224, 64 and 97 px in ${mode} mode (wasm)`, () => {
      const checked = check(`${RESNET18_SHARED}/cases.safetensors`, mode, 'wasm');
      expect(checked.filter((n) => n.startsWith('logits_')).sort()).toEqual(
        [`logits_${mode}_224x224`, `logits_${mode}_64x64`, `logits_${mode}_97x97`].sort(),
      );
    }, 300_000);

    it(`matches PyTorch at 37×45, 32×32 and 16×20 px in ${mode} mode (wasm)`, () => {
      expect(check(`${RESNET18_LOCAL}/embed-cases.safetensors`, mode, 'wasm')).toHaveLength(6);
    }, 300_000);
  }

  it('matches PyTorch on the default cpu backend (64 and 97 px of the shared fixture, eval mode)', () => {
    const small = new Map([...tensorsOf(`${RESNET18_SHARED}/cases.safetensors`)].filter(([k]) => !k.endsWith('224x224')));
    const input = join(dir, 'cases-64-97.safetensors');
    writeFileSync(input, writeSafetensors(small));
    expect(check(input, 'eval', 'cpu').sort()).toEqual([
      'features_eval_64x64',
      'features_eval_97x97',
      'logits_eval_64x64',
      'logits_eval_97x97',
    ]);
  }, 300_000);

  it('exits 2 with a message for a missing flag, a bad mode or weights that do not fit', () => {
    const missing = run(['--input', 'x']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--weights is required/);
    const mode = run([
      '--weights',
      RESNET18_WEIGHTS,
      '--input',
      `${RESNET18_LOCAL}/embed-cases.safetensors`,
      '--out',
      join(dir, 'm'),
      '--mode',
      'test',
    ]);
    expect(mode.status).toBe(2);
    expect(mode.stderr).toMatch(/--mode must be eval or train/);
    const wrong = run([
      '--weights',
      `${RESNET18_LOCAL}/partial.pth`,
      '--input',
      `${RESNET18_LOCAL}/embed-cases.safetensors`,
      '--out',
      join(dir, 'w'),
    ]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/do not fit torchvision's ResNet-18: missing/);
  });
});
