import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePacked } from '../../../src/data/packed-format';
import { makeImageFolder } from '../../fixtures-gen/make-image-folder';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'pack-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function runCli(args: string[]) {
  const r = spawnSync('npx', ['tsx', 'cli/pack-dataset.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function zipFolder(dir: string, file: string): void {
  const files: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    const items = readdirSync(d);
    if (items.length === 0) files[`${relative(dir, d)}/`] = new Uint8Array(0);
    for (const name of items) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(dir, p)] = new Uint8Array(readFileSync(p));
    }
  };
  walk(dir);
  writeFileSync(file, zipSync(files));
}

describe('pack-dataset CLI', () => {
  it('packs the fixture folder, prints the report and exits 0', async () => {
    const fx = makeImageFolder(join(tmp, 'wild'));
    const out = join(tmp, 'out');
    const r = runCli([fx.dir, '--size', '32', '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const [path, reason] of Object.entries(fx.bad)) expect(r.out).toContain(`${path}: ${reason}`);
    expect(r.out).toMatch(/Images: 12 usable, 6 skipped/);
    expect(r.out).toContain('Empty class folders (ignored): empty_class');
    expect(r.out).toMatch(/Packed 12 images in [\d.]+ s \([\d.]+ images\/s\)/);
    const manifest = JSON.parse(readFileSync(join(out, 'wild.json'), 'utf8'));
    const ds = await decodePacked(manifest, new Uint8Array(readFileSync(join(out, 'wild.bin'))));
    expect(ds.manifest).toMatchObject({ name: 'wild', imageSize: 32, channels: 3, count: 12, classes: ['cat', 'dog', 'owl'] });
  });

  it('packs the same folder from a zip with the same pixels', async () => {
    const fx = makeImageFolder(join(tmp, 'zipme'));
    const zip = join(tmp, 'zipme.zip');
    zipFolder(fx.dir, zip);
    const r1 = runCli([zip, '--size', '32', '--out', join(tmp, 'zout')]);
    expect(r1.code).toBe(0);
    expect(r1.out).toContain('root/cat/truncated.png: corrupt');
    const r2 = runCli([fx.dir, '--size', '32', '--out', join(tmp, 'zout'), '--name', 'fromdir']);
    expect(r2.code).toBe(0);
    const a = JSON.parse(readFileSync(join(tmp, 'zout', 'zipme.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(tmp, 'zout', 'fromdir.json'), 'utf8'));
    expect(a.hash).toBe(b.hash);
  });

  it('exits 1 with a clear message for a folder with one class', () => {
    const fx = makeImageFolder(join(tmp, 'one'), 1);
    const r = runCli([fx.dir, '--size', '64', '--out', join(tmp, 'out1')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/only 1 class folder with images \(cat\); need at least 2/);
    expect(existsSync(join(tmp, 'out1'))).toBe(false);
  });

  it('exits 2 on usage errors', () => {
    expect(runCli([]).code).toBe(2);
    const r = runCli([tmp, '--size', '100', '--out', join(tmp, 'x')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--size must be a multiple of 16/);
    expect(runCli([join(tmp, 'missing'), '--size', '64', '--out', tmp]).err).toMatch(/does not exist/);
  });
});
