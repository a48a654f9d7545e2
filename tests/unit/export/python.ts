/** Runs Python for the export tests: a generated script imported as a module, code run against it, JSON back. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The interpreter the tests use (python3 on PATH; CI has one, without torch). */
export const PYTHON = process.env.PYTHON ?? 'python3';

/** True when `PYTHON` runs. */
export const hasPython = spawnSync(PYTHON, ['--version'], { encoding: 'utf8' }).status === 0;

/** Writes `source` to a fresh temporary file and returns its path. */
export function writeScript(source: string, name = 'train.py'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'hw1-export-')), name);
  writeFileSync(path, source);
  return path;
}

/** Imports the script at `path` as module `m`, runs `code` (which must print one JSON value) and parses its output. */
export function callScript<T>(path: string, code: string): T {
  const prelude = [
    'import importlib.util, json, sys',
    `spec = importlib.util.spec_from_file_location("exported", ${JSON.stringify(path)})`,
    'm = importlib.util.module_from_spec(spec)',
    'spec.loader.exec_module(m)',
    `assert "torch" not in sys.modules, "the split part imported torch"`,
  ].join('\n');
  const r = spawnSync(PYTHON, ['-c', `${prelude}\n${code}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** Runs the script itself with `args`. */
export function runScript(path: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(PYTHON, [path, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
}
