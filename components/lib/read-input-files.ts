/** Reads browser files (file inputs, folder inputs, drag and drop) into the grader's `{ name, bytes }` list. */
import type { InputFile } from '../../src/grading/unpack-files';
import { walkEntries } from './walk-drop';

/** The files of a FileList, named by their path inside a picked folder when there is one. */
export async function readFileList(list: FileList | readonly File[]): Promise<InputFile[]> {
  const files = Array.from(list);
  return Promise.all(files.map(async (f) => ({ name: f.webkitRelativePath || f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/** The files of a drop, walking dropped folders recursively where the browser allows it. */
export async function readDrop(dt: DataTransfer): Promise<InputFile[]> {
  const entries = Array.from(dt.items)
    .map((i) => i.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return readFileList(dt.files);
  const files = await walkEntries(entries);
  return Promise.all(files.map(async ({ path, file }) => ({ name: path, bytes: new Uint8Array(await file.arrayBuffer()) })));
}
