import { describe, expect, it } from 'vitest';
import { pytorchScript } from '../../../src/export/pytorch-script';
import { specFromRun } from '../../../src/export/pytorch-spec';
import { runRecord } from './fixtures';
import { hasPython, runScript, writeScript } from './python';

const defaultRun = () => {
  const run = runRecord();
  return { ...run, dataset: { ...run.dataset, name: 'default' } };
};

describe("the script's --data help (data_help)", () => {
  it("tells how to write the book's default data set as a folder, in --help and when --data is no folder", () => {
    expect(hasPython, 'python3 is needed to run the generated script').toBe(true);
    const path = writeScript(pytorchScript(specFromRun(defaultRun())));
    const help = runScript(path, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain("write it as an image folder with 'npm run unpack-dataset -- --out DIR'");
    const missing = runScript(path, ['--data', '/no/such/folder']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--data /no/such/folder is not a folder');
    expect(missing.stderr).toContain('npm run unpack-dataset -- --out DIR');
  });

  it("asks for the run's own image folder when the run used a loaded data set", () => {
    const r = runScript(writeScript(pytorchScript(specFromRun(runRecord()))), ['--data', '/no/such/folder']);
    expect(r.stderr).toContain("the folder, or the unzipped .zip, the run's data set was loaded from");
    expect(r.stderr).not.toContain('unpack-dataset');
  });
});
