import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trustworthiness } from '../../../src/tsne/trustworthiness';
import { readSafetensors, writeSafetensors } from '../../../src/tensor/weights/safetensors';
import { blobs, knnPurity } from '../tsne/helpers';

const dir = mkdtempSync(join(tmpdir(), 'hw1-tsne-cli-'));
const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'cli/tsne.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
const file = (name: string, tensors: Parameters<typeof writeSafetensors>[0]) => {
  const path = join(dir, name);
  writeFileSync(path, writeSafetensors(tensors));
  return path;
};

describe('npm run tsne', () => {
  const data = blobs(3, 30, 10, 8);
  const input = file('features.safetensors', { features: { shape: [data.n, 10], data: data.x } });

  for (const dims of [2, 3] as const) {
    it(`writes embedding [N, ${dims}] and prints KL and trustworthiness (${dims}-D)`, () => {
      const out = join(dir, `e${dims}.safetensors`);
      const r = run(['--input', input, '--dims', String(dims), '--perplexity', '20', '--seed', '0', '--out', out, '--iterations', '300']);
      expect(r.status, r.stderr).toBe(0);
      const { tensors, metadata } = readSafetensors(new Uint8Array(readFileSync(out)));
      const e = tensors.get('embedding')!;
      expect(e).toMatchObject({ dtype: 'F32', shape: [data.n, dims] });
      expect(knnPurity(e.data, data.n, dims, data.labels, 10)).toBeGreaterThanOrEqual(0.98);
      const t = trustworthiness(data.x, data.n, 10, e.data, dims, 10);
      expect(r.stdout).toContain(`trustworthiness (k = 10) ${t.toFixed(4)}`);
      expect(r.stdout).toMatch(/KL divergence \d+\.\d{4}/);
      expect(Number(metadata.kl)).toBeGreaterThan(0);
      expect(metadata).toMatchObject({ dims: String(dims), perplexity: '20', seed: '0', iterations: '300' });
    });
  }

  it('is deterministic for a seed and thread count; one thread and two agree on the quality', () => {
    // 300 iterations: 250 of early exaggeration, then 50 of the final phase (the clusters form in it).
    const outs = [
      ['2', 'a'],
      ['2', 'b'],
      ['1', 'c'],
    ].map(([threads, tag]) => {
      const out = join(dir, `t${tag}.safetensors`);
      const r = run(['--input', input, '--out', out, '--iterations', '300', '--threads', threads]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain(`${threads} thread(s)`);
      return readSafetensors(new Uint8Array(readFileSync(out)));
    });
    const [a, b, c] = outs.map((f) => f.tensors.get('embedding')!.data as Float32Array);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(knnPurity(c, data.n, 2, data.labels, 10)).toBeGreaterThanOrEqual(0.98);
    expect(knnPurity(a, data.n, 2, data.labels, 10)).toBeGreaterThanOrEqual(0.98);
    expect(Math.abs(Number(outs[0].metadata.trustworthiness) - Number(outs[2].metadata.trustworthiness))).toBeLessThan(0.02);
  });

  for (const method of ['exact', 'barnes-hut']) {
    it(`gives the one-thread embedding, bit for bit, on two and three threads (--method ${method})`, () => {
      const progress: string[][] = [];
      const [one, two, three] = ['1', '2', '3'].map((threads) => {
        const out = join(dir, `bits${threads}-${method}.safetensors`);
        const r = run(['--input', input, '--out', out, '--iterations', '260', '--threads', threads, '--method', method]);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toContain(method === 'exact' ? '(exact repulsion)' : '(Barnes–Hut, theta 0.5)');
        progress.push(r.stdout.split('\n').filter((l) => /^iteration \d+: KL/.test(l)));
        return readSafetensors(new Uint8Array(readFileSync(out))).tensors.get('embedding')!.data as Float32Array;
      });
      expect(Buffer.from(two.buffer).equals(Buffer.from(one.buffer))).toBe(true);
      expect(Buffer.from(three.buffer).equals(Buffer.from(one.buffer))).toBe(true);
      // The KL of the progress lines, summed by the threads row by row, is the same too.
      expect(progress[0].map((l) => l.split(':')[0])).toEqual(['iteration 250', 'iteration 260']);
      expect(progress[1]).toEqual(progress[0]);
      expect(progress[2]).toEqual(progress[0]);
    });
  }

  it('refuses an unknown --method', () => {
    const r = run(['--input', input, '--out', join(dir, 'never.safetensors'), '--method', 'fft']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--method must be auto, exact or barnes-hut, got "fft"');
  });

  it('fails with a clear message for a missing tensor, the wrong rank, NaN, or a missing file', () => {
    const cases: [string, RegExp][] = [
      [file('other.safetensors', { feats: { shape: [4, 2], data: new Float32Array(8) } }), /no tensor "features"/],
      [file('rank.safetensors', { features: { shape: [8], data: new Float32Array(8) } }), /rank 2/],
      [file('nan.safetensors', { features: { shape: [4, 2], data: Float32Array.from([1, 2, 3, NaN, 5, 6, 7, 8]) } }), /NaN at \[1, 1\]/],
      [join(dir, 'absent.safetensors'), /does not exist/],
    ];
    for (const [path, message] of cases) {
      const out = join(dir, 'never.safetensors');
      const r = run(['--input', path, '--out', out]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('exits 2 with the usage for bad arguments', () => {
    for (const args of [
      ['--input', input, '--out', join(dir, 'x'), '--dims', '4'],
      ['--out', join(dir, 'x')],
      ['--input', input, '--out', join(dir, 'x'), '--seed', 'abc'],
      ['--input', input, '--out', join(dir, 'x'), '--threads', '0'],
      ['--bogus'],
    ]) {
      const r = run(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/Usage: npm run tsne/);
    }
  });
});
