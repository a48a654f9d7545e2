/** Generates the files the book serves but git does not hold: the default data set and tfjs's wasm binaries. */
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

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

/** The wasm backend fetches its .wasm files at run time; serve them from public/vendor/tfjs-wasm/. */
const wasmSrc = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';
const wasmOut = 'public/vendor/tfjs-wasm';
mkdirSync(wasmOut, { recursive: true });
for (const f of readdirSync(wasmSrc).filter((n) => n.endsWith('.wasm'))) copyFileSync(join(wasmSrc, f), join(wasmOut, f));
console.log(`prepare-data: tfjs wasm binaries copied to ${wasmOut}/.`);
