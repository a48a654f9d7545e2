/** The t-SNE benchmarks' data: Fashion-MNIST images of the default data set (built when missing). */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDefaultDataset } from '../scripts/build-default-dataset';
import { decodePacked } from '../src/data/packed-format';

/** The first N/10 images of each class of the default data set, as [N, 784] floats in [0, 1]. */
export async function benchData(N: number): Promise<{ x: Float32Array; d: number }> {
  let dir = 'public/data';
  if (!existsSync(join(dir, 'default.json'))) {
    dir = mkdtempSync(join(tmpdir(), 'tsne-bench-data-'));
    await buildDefaultDataset({ outDir: dir });
  }
  const ds = await decodePacked(readFileSync(join(dir, 'default.json'), 'utf8'), new Uint8Array(readFileSync(join(dir, 'default.bin'))));
  const d = ds.manifest.imageSize * ds.manifest.imageSize * ds.manifest.channels;
  const per = Math.ceil(N / ds.manifest.classes.length);
  const x = new Float32Array(N * d);
  const taken = new Array(ds.manifest.classes.length).fill(0);
  let k = 0;
  for (let i = 0; i < ds.manifest.count && k < N; i++) {
    const c = ds.labels[i];
    if (taken[c] >= per) continue;
    taken[c]++;
    for (let e = 0; e < d; e++) x[k * d + e] = ds.pixels[i * d + e] / 255;
    k++;
  }
  if (k < N) throw new Error(`the default data set gave only ${k} images, not ${N}`);
  return { x, d };
}
