/**
 * CLI-side pack benchmark: generates N JPEGs of 500×375 (jpeg-js, smooth random sinusoids; cached
 * in the temp folder), then runs `pack-dataset` on them at each size and prints images/s and the
 * packer's peak RSS. Usage: `npx tsx bench/decode.bench.ts [--count 2000] [--sizes 64,128,224]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../src/data/rng';
import { encodeJpeg } from '../tests/fixtures-gen/encode-images';

const W = 500;
const H = 375;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** A smooth random RGBA image: per channel, a sum of three random low-frequency sinusoids. */
function smoothImage(seed: number): Uint8Array {
  const rng = mulberry32(seed);
  const waves = Array.from({ length: 9 }, () => ({ fx: rng() * 0.05, fy: rng() * 0.05, ph: rng() * 6.28, a: 20 + rng() * 40 }));
  const rgba = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      for (let c = 0; c < 3; c++) {
        let v = 128;
        for (let k = 0; k < 3; k++) {
          const w = waves[c * 3 + k];
          v += w.a * Math.sin(w.fx * x + w.fy * y + w.ph);
        }
        rgba[i + c] = v < 0 ? 0 : Math.min(v, 255);
      }
      rgba[i + 3] = 255;
    }
  }
  return rgba;
}

function generate(dir: string, count: number): number {
  const marker = join(dir, `.complete-${count}`);
  if (existsSync(marker)) return 0;
  const t0 = performance.now();
  for (let n = 0; n < count; n++) {
    const cls = join(dir, 'bench', `class_${n % 10}`);
    mkdirSync(cls, { recursive: true });
    writeFileSync(join(cls, `img_${String(n).padStart(5, '0')}.jpg`), encodeJpeg(W, H, smoothImage(n + 1), 85));
  }
  writeFileSync(marker, '');
  return (performance.now() - t0) / 1000;
}

const count = Number(arg('count', '2000'));
const sizes = arg('sizes', '64,128,224').split(',').map(Number);
const dir = join(tmpdir(), `dlcv-bench-jpegs-${count}`);
mkdirSync(dir, { recursive: true });
const gen = generate(dir, count);
console.log(gen > 0 ? `Generated ${count} JPEGs of ${W}×${H} in ${gen.toFixed(1)} s` : `Reusing ${count} JPEGs in ${dir}`);
const out = mkdtempSync(join(tmpdir(), 'dlcv-bench-out-'));
for (const size of sizes) {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'cli/pack-dataset.ts', join(dir, 'bench'), '--size', String(size), '--out', out],
    { encoding: 'utf8' },
  );
  const wall = (performance.now() - t0) / 1000;
  const line = r.stdout.split('\n').find((l) => l.startsWith('Packed ')) ?? '';
  const m = /Packed (\d+) images in ([\d.]+) s \(([\d.]+) images\/s\), peak memory (\d+) MiB/.exec(line);
  if (r.status !== 0 || !m) {
    console.error(`size ${size}: pack-dataset failed (exit ${r.status})\n${r.stderr}`);
    process.exitCode = 1;
    continue;
  }
  console.log(
    `size ${String(size).padStart(3)}: ${m[1]} images, ${m[3]} images/s (pack ${m[2]} s, process ${wall.toFixed(1)} s), peak RSS ${m[4]} MiB`,
  );
}
rmSync(out, { recursive: true, force: true });
