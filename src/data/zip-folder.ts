/**
 * A .zip of an image folder as a file list: every entry's path and size (for scanFolder) and the
 * bytes of the image entries only (other files are never inflated). Uses fflate's async unzip.
 */
import { unzip, type UnzipFileInfo } from 'fflate';
import { isImageName, pathSegments, type FileEntry } from './folder-scan';

export interface ZipFolder {
  entries: FileEntry[];
  /** Bytes of the image entries by path; an image entry missing here gets its reason in `unreadable`. */
  files: Map<string, Uint8Array>;
  /** Why an image entry could not be extracted (e.g. an unsupported compression method). */
  unreadable: Map<string, string>;
}

const isHidden = (path: string) => pathSegments(path).some((s) => s.startsWith('.') || s.toLowerCase() === '__macosx');

/** Lists and extracts a zip archive; rejects with a clear message when it is not a readable zip. */
export function readZipFolder(bytes: Uint8Array): Promise<ZipFolder> {
  const entries: FileEntry[] = [];
  const unreadable = new Map<string, string>();
  const wanted = (f: UnzipFileInfo) => {
    entries.push({ path: f.name, size: f.originalSize });
    if (f.name.endsWith('/') || isHidden(f.name) || !isImageName(f.name) || f.originalSize === 0) return false;
    if (f.compression !== 0 && f.compression !== 8) {
      unreadable.set(f.name, `compressed with zip method ${f.compression}; only stored and deflated entries can be read`);
      return false;
    }
    return true;
  };
  return new Promise((resolve, reject) => {
    try {
      unzip(bytes, { filter: wanted }, (err, out) => {
        if (err) {
          reject(new Error(`could not read the zip file: ${err.message}`));
          return;
        }
        resolve({ entries, files: new Map(Object.entries(out)), unreadable });
      });
    } catch (e) {
      reject(new Error(`could not read the zip file: ${(e as Error).message}`));
    }
  });
}
