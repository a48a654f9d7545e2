import { spawnSync } from 'node:child_process';
import { delimiter } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm scripts', () => {
  it('run on the Node 22 from optionalDependencies, whatever Node is on the PATH (Astro 7 needs 22.12)', () => {
    const path = (process.env.PATH ?? '')
      .split(delimiter)
      .filter((p) => !p.includes('node_modules'))
      .join(delimiter);
    const r = spawnSync('npm', ['exec', '--offline', '--', 'node', '-p', 'process.versions.node'], {
      env: { ...process.env, PATH: path },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const [major, minor] = r.stdout.trim().split('.').map(Number);
    expect(major > 22 || (major === 22 && minor >= 12), r.stdout).toBe(true);
  });
});
