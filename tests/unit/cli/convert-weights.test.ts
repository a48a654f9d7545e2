import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSafetensors } from '../../../src/tensor/weights/safetensors';
import { floatToHalf, halfToFloat } from '../../../src/tensor/weights/tensor-map';
import { CNN64_DIR } from '../train/helpers/cnn64';
import { RESNET18_LOCAL } from '../train/helpers/resnet18';

const dir = mkdtempSync(join(tmpdir(), 'hw1-convert-'));
const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'cli/convert-weights.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
const read = (p: string) => readSafetensors(new Uint8Array(readFileSync(p)));

describe('npm run convert-weights', () => {
  it('turns the cnn64 .pth into the same tensors as the fixture safetensors, recording the source checksum', () => {
    const out = join(dir, 'cnn.safetensors');
    const r = run([`${CNN64_DIR}/weights.pth`, '--out', out, '--model', 'cnn']);
    expect(r.status, r.stderr).toBe(0);
    const ours = read(out);
    const ref = read(`${CNN64_DIR}/weights.safetensors`).tensors;
    expect([...ours.tensors.keys()]).toEqual([...ref.keys()]);
    for (const [k, t] of ref) expect(ours.tensors.get(k), k).toEqual(t);
    expect(ours.metadata.source_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.stdout).toContain(ours.metadata.source_sha256);
  });

  it('--f16 halves the floats (rounded to nearest) and keeps I64 counters', () => {
    const out = join(dir, 'partial16.safetensors');
    const r = run([`${RESNET18_LOCAL}/partial.pth`, '--out', out, '--f16', '--model', 'none']);
    expect(r.status, r.stderr).toBe(0);
    const f32 = join(dir, 'partial32.safetensors');
    expect(run([`${RESNET18_LOCAL}/partial.pth`, '--out', f32, '--model', 'none']).status).toBe(0);
    const a = read(out).tensors;
    const b = read(f32).tensors;
    expect(a.get('bn1.num_batches_tracked')?.dtype).toBe('I64');
    expect(a.get('bn1.num_batches_tracked')?.data).toEqual(b.get('bn1.num_batches_tracked')?.data);
    for (const [k, t] of b) {
      if (t.dtype === 'I64') continue;
      expect(a.get(k)?.dtype, k).toBe('F16');
      const d = a.get(k)?.data as Float32Array;
      expect(
        (t.data as Float32Array).every((v, i) => d[i] === halfToFloat(floatToHalf(v))),
        k,
      ).toBe(true);
    }
    expect(statSync(out).size).toBeLessThan(0.6 * statSync(f32).size);
  });

  it('refuses weights that do not fit ResNet-18, listing what is missing and unexpected', () => {
    const r = run([`${RESNET18_LOCAL}/partial.pth`, '--out', join(dir, 'no.safetensors')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/do not fit torchvision's ResNet-18: missing \d+: .*unexpected 1: fc\.weight_t16/);
    const none = run(['--out', join(dir, 'x.safetensors')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/exactly one input file/);
  });
});
