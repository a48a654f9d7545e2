/** Turns a picked folder, a dropped folder or a .zip into a file list for scanFolder plus a lazy reader. */
import type { FileEntry } from '../../src/data/folder-scan';
import { readZipFolder } from '../../src/data/zip-folder';
import { walkEntries } from '../lib/walk-drop';

/** A file list whose contents are read only when a file is decoded. */
export interface FolderSource {
  /** A name for the data set (the folder or zip name). */
  name: string;
  entries: FileEntry[];
  read(path: string): Promise<ArrayBuffer>;
}

function fromFiles(files: { path: string; file: File }[], name: string): FolderSource {
  const byPath = new Map(files.map((f) => [f.path, f.file]));
  return {
    name,
    entries: files.map((f) => ({ path: f.path, size: f.file.size })),
    read: async (path) => {
      const f = byPath.get(path);
      if (!f) throw new Error('the file is no longer available');
      return f.arrayBuffer();
    },
  };
}

const topName = (paths: string[], fallback: string) => paths[0]?.split('/')[0] || fallback;

/** The files of an `<input type=file webkitdirectory>` (paths from webkitRelativePath). */
export function fromFileList(list: FileList | readonly File[]): FolderSource {
  const files = Array.from(list, (file) => ({ path: file.webkitRelativePath || file.name, file }));
  return fromFiles(
    files,
    topName(
      files.map((f) => f.path),
      'folder',
    ),
  );
}

/** A .zip archive, extracted in memory (image entries only). */
export async function fromZip(file: File): Promise<FolderSource> {
  const z = await readZipFolder(new Uint8Array(await file.arrayBuffer()));
  return {
    name: file.name.replace(/\.zip$/i, ''),
    entries: z.entries,
    read: async (path) => {
      const bytes = z.files.get(path);
      if (!bytes) throw new Error(z.unreadable.get(path) ?? 'not found in the zip file');
      return bytes.slice().buffer;
    },
  };
}

/** A drop: one .zip file, or folders walked recursively (where the browser allows it). */
export async function fromDrop(dt: DataTransfer): Promise<FolderSource> {
  const items = Array.from(dt.items).filter((i) => i.kind === 'file');
  const entries = items.map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  const single = dt.files.length === 1 ? dt.files[0] : null;
  if (single && /\.zip$/i.test(single.name) && !entries.some((e) => e.isDirectory)) return fromZip(single);
  if (!entries.some((e) => e.isDirectory)) {
    throw new Error('Drop a folder (with one sub-folder per class) or a .zip of it, not single files.');
  }
  const out = await walkEntries(entries);
  return fromFiles(out, entries.length === 1 ? entries[0].name : 'dropped folders');
}
