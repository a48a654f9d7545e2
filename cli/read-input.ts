/** File listing and batched reading for the CLI's input: a folder (recursive) or a .zip archive (fflate). */
import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { unzipSync } from 'fflate';
import type { FileEntry } from '../src/data/folder-scan';
import type { ReadBatch } from '../src/data/pack-folder';

export interface InputSource {
  entries: FileEntry[];
  readBatch: ReadBatch;
}

/** Lists a folder recursively; paths are relative to it, with '/' separators; empty folders end in '/'. */
export async function folderSource(dir: string): Promise<InputSource> {
  const entries: FileEntry[] = [];
  const walk = async (d: string): Promise<void> => {
    const items = await readdir(d, { withFileTypes: true });
    const rel = relative(dir, d).split(sep).join('/');
    if (items.length === 0 && rel !== '') entries.push({ path: `${rel}/`, size: 0 });
    for (const it of items) {
      const full = join(d, it.name);
      if (it.isDirectory()) await walk(full);
      else if (it.isFile()) entries.push({ path: relative(dir, full).split(sep).join('/'), size: (await stat(full)).size });
    }
  };
  await walk(dir);
  const readBatch: ReadBatch = (paths) =>
    Promise.all(
      paths.map((p) =>
        readFile(join(dir, ...p.split('/'))).then(
          (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
          (e: Error) => e,
        ),
      ),
    );
  return { entries, readBatch };
}

/** Lists a zip archive's entries (no decompression) and extracts the requested files in one pass per batch. */
export function zipSource(file: string): InputSource {
  const zip = new Uint8Array(readFileSync(file));
  const entries: FileEntry[] = [];
  try {
    unzipSync(zip, {
      filter: (f) => {
        entries.push({ path: f.name, size: f.originalSize });
        return false;
      },
    });
  } catch (e) {
    throw new Error(`${file} is not a readable zip archive: ${(e as Error).message}`);
  }
  const readBatch: ReadBatch = async (paths) => {
    const wanted = new Set(paths);
    const out = new Map<string, Uint8Array | Error>();
    try {
      const files = unzipSync(zip, { filter: (f) => wanted.has(f.name) });
      for (const [name, data] of Object.entries(files)) out.set(name, data);
    } catch {
      for (const p of paths) {
        try {
          const one = unzipSync(zip, { filter: (f) => f.name === p });
          out.set(p, one[p] ?? new Error('not found in the archive'));
        } catch (e) {
          out.set(p, new Error(`zip entry is damaged: ${(e as Error).message}`));
        }
      }
    }
    return paths.map((p) => out.get(p) ?? new Error('not found in the archive'));
  };
  return { entries, readBatch };
}
