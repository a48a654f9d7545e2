/** Decodes a folder source in a pool of decode workers and packs it (browser side of src/data's pipeline). */
import type { FitMode } from '../../src/data/center-crop';
import { DatasetAssembler, type AssembledDataset } from '../../src/data/dataset-assembler';
import { runDecodePool, type DecodeWorkerLike } from '../../src/data/decode-pool';
import { scanFolder } from '../../src/data/folder-scan';
import type { FolderSource } from './dataset-files';

export interface DecodeFolderOptions {
  size: number;
  fit?: FitMode;
  signal?: AbortSignal;
  /** Called after each file: answered so far, candidates in all. */
  onProgress?: (done: number, total: number) => void;
}

/** Number of decode workers: the CPU count minus one for the page, between 2 and 8 (the page itself is mostly idle while they decode). */
export function poolSize(): number {
  return Math.max(2, Math.min(8, (navigator.hardwareConcurrency || 4) - 1));
}

const makeWorker = (): DecodeWorkerLike =>
  new Worker(new URL('../../src/data/decode-worker.ts', import.meta.url), { type: 'module' }) as unknown as DecodeWorkerLike;

/** Scans, decodes and packs; throws DatasetError (with its report) for an unusable folder, Error('cancelled') on abort. */
export async function decodeFolder(src: FolderSource, o: DecodeFolderOptions): Promise<AssembledDataset & { seconds: number }> {
  const t0 = performance.now();
  const scan = scanFolder(src.entries);
  const asm = new DatasetAssembler(scan, o.size);
  o.onProgress?.(0, asm.total);
  let last = 0;
  await runDecodePool({
    count: asm.total,
    read: async (i) => ({ path: scan.files[i].path, bytes: await src.read(scan.files[i].path) }),
    makeWorker,
    workers: poolSize(),
    size: o.size,
    fit: o.fit ?? 'center-crop',
    signal: o.signal,
    onResult: (i, r) => {
      asm.add(i, r);
      const now = performance.now();
      if (now - last > 50 || asm.done === asm.total) {
        last = now;
        o.onProgress?.(asm.done, asm.total);
      }
    },
  });
  const out = await asm.finish({
    name: src.name,
    source: `Loaded in the browser from "${src.name}": ${asm.total} candidate files, centre-cropped and resized to ${o.size}×${o.size}.`,
  });
  return { ...out, seconds: (performance.now() - t0) / 1000 };
}
