/** Expands a batch of uploaded files: JSON files pass through, .zip archives are unpacked with zip-bomb guards. */
import { unzipSync } from 'fflate';

/** One uploaded file (or archive entry) by name. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}
/** A file that was not graded, and why. */
export interface Rejected {
  name: string;
  reason: string;
}

/** Limits of a batch: per file, per archive, and over all archives (entries and declared uncompressed bytes). */
export const BATCH_LIMITS: Readonly<{
  maxFileBytes: number;
  maxArchiveBytes: number;
  maxUnpackedBytes: number;
  maxEntries: number;
  maxZipDepth: number;
}> = {
  maxFileBytes: 5 * 1024 * 1024,
  maxArchiveBytes: 200 * 1024 * 1024,
  maxUnpackedBytes: 300 * 1024 * 1024,
  maxEntries: 10_000,
  maxZipDepth: 2,
};

export type BatchLimits = typeof BATCH_LIMITS;

const isZip = (f: InputFile): boolean =>
  /\.zip$/i.test(f.name) || (f.bytes[0] === 0x50 && f.bytes[1] === 0x4b && f.bytes[2] === 0x03 && f.bytes[3] === 0x04);
/** Folders, macOS metadata and hidden files inside folders and archives are skipped silently. */
export const isIgnored = (name: string): boolean =>
  name.endsWith('/') || name.split('/').some((p) => p === '__MACOSX' || (p.startsWith('.') && p !== '.' && p !== '..'));

class LimitError extends Error {}

/** The JSON files of `files` with archives unpacked (nested folders and one level of nested zips), and the rejects. */
export function unpackFiles(files: readonly InputFile[], limits: BatchLimits = BATCH_LIMITS): { files: InputFile[]; rejected: Rejected[] } {
  const budget = { entries: 0, bytes: 0 };
  const out: InputFile[] = [];
  const rejected: Rejected[] = [];
  const visit = (f: InputFile, depth: number): void => {
    if (isIgnored(f.name)) return;
    if (isZip(f)) {
      if (depth >= limits.maxZipDepth) rejected.push({ name: f.name, reason: 'Archives nested this deep are not unpacked.' });
      else if (f.bytes.length > limits.maxArchiveBytes)
        rejected.push({ name: f.name, reason: `The archive is larger than ${limits.maxArchiveBytes / 1024 / 1024} MiB.` });
      else unzip(f, rejected, budget, limits).forEach((e) => visit(e, depth + 1));
      return;
    }
    if (!/\.json$/i.test(f.name)) rejected.push({ name: f.name, reason: 'Not a .json submission or a .zip archive.' });
    else if (f.bytes.length > limits.maxFileBytes)
      rejected.push({ name: f.name, reason: `The file is larger than ${limits.maxFileBytes / 1024 / 1024} MiB.` });
    else out.push(f);
  };
  for (const f of files) visit(f, 0);
  return { files: out, rejected };
}

/** Unpacks one archive; `budget` counts entries and declared uncompressed bytes over the whole batch. */
function unzip(archive: InputFile, rejected: Rejected[], budget: { entries: number; bytes: number }, limits: BatchLimits): InputFile[] {
  const tooBig: string[] = [];
  try {
    const files = unzipSync(archive.bytes, {
      filter: (info) => {
        if (++budget.entries > limits.maxEntries) throw new LimitError(`The archives have more than ${limits.maxEntries} entries.`);
        if (isIgnored(info.name)) return false;
        const nested = /\.zip$/i.test(info.name);
        const limit = nested ? limits.maxArchiveBytes : limits.maxFileBytes;
        if (info.originalSize > limit) {
          tooBig.push(info.name);
          return false;
        }
        budget.bytes += info.originalSize;
        if (budget.bytes > limits.maxUnpackedBytes)
          throw new LimitError(`The archives unpack to more than ${limits.maxUnpackedBytes / 1024 / 1024} MiB.`);
        return true;
      },
    });
    for (const name of tooBig)
      rejected.push({ name: `${archive.name}/${name}`, reason: `The file is larger than ${limits.maxFileBytes / 1024 / 1024} MiB.` });
    return Object.keys(files).map((name) => ({ name: `${archive.name}/${name}`, bytes: files[name] }));
  } catch (e) {
    const reason =
      e instanceof LimitError ? e.message : `The archive could not be unpacked (${String((e as Error)?.message ?? e).slice(0, 120)}).`;
    rejected.push({ name: archive.name, reason });
    return [];
  }
}
