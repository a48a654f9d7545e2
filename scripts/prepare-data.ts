/** Generates the file the book serves but git does not hold: the default data set (from the fashion-mnist package). */
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const manifest = 'public/data/default.json';
const builder = 'scripts/build-default-dataset.ts';

if (existsSync(manifest) && existsSync('public/data/default.bin') && statSync(manifest).mtimeMs > statSync(builder).mtimeMs) {
  console.log('prepare-data: public/data/default.* is up to date.');
} else {
  const r = spawnSync(process.execPath, ['--import', 'tsx', builder], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('prepare-data: building the default data set failed.');
    process.exit(r.status ?? 1);
  }
}
