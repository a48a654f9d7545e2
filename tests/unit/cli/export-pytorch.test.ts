import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRecord } from '../export/fixtures';
import { PYTHON, hasPython, runScript } from '../export/python';
import { makeExportFolder } from '../../../scripts/check-pytorch-folder';
import { scanFolder } from '../../../src/data/folder-scan';
import { folderSource } from '../../../cli/read-input';
import { stratifiedSplit } from '../../../src/data/split';

const dir = mkdtempSync(join(tmpdir(), 'hw1-export-cli-'));
const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'cli/export-pytorch.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('npm run export-pytorch', () => {
  it("says how to write the default data set's folder for a run on it", () => {
    const rec = runRecord({ seed: 11 });
    const runFile = file('default-run.json', JSON.stringify({ ...rec, dataset: { ...rec.dataset, name: 'default' } }));
    const r = run(['--run', runFile, '--out', join(dir, 'default-train.py')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('npm run unpack-dataset -- --out DIR');
  });
  it('writes a script for a run file that compiles and splits a folder as the book does', async () => {
    const runFile = file(
      'run.json',
      JSON.stringify(runRecord({ seed: 11, pipeline: [{ op: 'RandomHorizontalFlip', params: { p: 0.5 } }] })),
    );
    const out = join(dir, 'train.py');
    const r = run(['--run', runFile, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^wrote .*train\.py: python3 .*train\.py --data DIR --out run\.json {2}\(cnn, 3 epochs, seed 11, 1 augmentation\)/,
    );
    expect(r.stdout).not.toContain('unpack-dataset');
    expect(readFileSync(out, 'utf8')).toContain('T.RandomHorizontalFlip(p=0.5)');
    expect(hasPython, 'python3 is needed').toBe(true);
    expect(spawnSync(PYTHON, ['-m', 'py_compile', out], { encoding: 'utf8' }).status).toBe(0);
    const data = makeExportFolder(join(dir, 'data'), ['a', 'b'], [12, 9]);
    const printed = runScript(out, ['--data', data, '--print-split']);
    expect(printed.status, printed.stderr).toBe(0);
    const scan = scanFolder((await folderSource(data)).entries);
    const want = stratifiedSplit(
      scan.files.map((f) => f.label),
      2,
      11,
    );
    expect(JSON.parse(printed.stdout).split).toEqual({ train: want.train, val: want.val, test: want.test });
  });

  it('--source-size goes into the script', () => {
    const out = join(dir, 'two.py');
    expect(run(['--run', file('r2.json', JSON.stringify(runRecord())), '--out', out, '--source-size', '128']).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('"sourceSize": 128');
  });

  it('exits 2 with a clear message for a bad run file, and writes nothing', () => {
    const out = join(dir, 'never.py');
    const cases: [string[], RegExp][] = [
      [[], /--run is required/],
      [['--run', join(dir, 'missing.json')], /missing\.json does not exist/],
      [['--run', dir], /is a folder; pass the run's \.json file/],
      [['--run', file('text.json', 'not json')], /text\.json is not JSON/],
      [['--run', file('other.json', '{"format": "something"}')], /other\.json is not a valid run record: format must be "dlcv-hw1-run"/],
      [
        ['--run', file('aug.json', JSON.stringify(runRecord({ augmentations: ['mixup(alpha=0.2)'] })))],
        /augmentations cannot be exported: steps\[0\]\.op must be one of "RandomHorizontalFlip"/,
      ],
      [['--run', file('ok.json', JSON.stringify(runRecord())), '--source-size', 'big'], /--source-size must be a whole number/],
      [['--run', file('ok2.json', JSON.stringify(runRecord())), '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const r = run([...args, '--out', out]);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/^export-pytorch: /);
      expect(r.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('--help prints the usage', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: npm run export-pytorch -- --run RUN\.json --out train\.py/);
  });
});
