/**
 * Decides the classes of an image folder from its file list (a directory picker, a drop or a zip).
 *
 * Rules: paths use '/' (backslashes are converted); entries ending in '/' are folders. Hidden
 * entries (a segment starting with '.', `__MACOSX`, Thumbs.db, desktop.ini) are skipped first.
 * A single common root folder is stripped, repeatedly (`data/wildlife/amur_tiger/x.jpg` →
 * `amur_tiger/x.jpg`), as long as some file lies two levels below it. Then each top-level folder
 * is a class; files in its sub-folders belong to it (as with ImageFolder). Top-level files are
 * 'stray-file'; other extensions than jpg/jpeg/png/gif/webp are 'not-image'; zero-byte files are
 * 'empty-file'. Class folders left without a candidate image are reported in `emptyClasses` and
 * are not classes. Fewer than 2 classes throws a DatasetError that carries the report.
 */
import { classMapping, type MappingScheme } from './class-mapping';
import type { FileReport } from './image-report';

/** One entry of a file list: a relative path and its size in bytes. */
export interface FileEntry {
  path: string;
  size: number;
}

/** A candidate image with its class. */
export interface ScannedFile {
  path: string;
  size: number;
  className: string;
  label: number;
}

export interface FolderScan {
  /** The stripped common root ('' when none). */
  root: string;
  classes: string[];
  scheme: MappingScheme;
  /** Candidate images, sorted by label, then path (code-unit order). */
  files: ScannedFile[];
  skipped: FileReport[];
  emptyClasses: string[];
}

/** A fatal problem with a data set, with whatever report was made before it. */
export class DatasetError extends Error {
  constructor(
    message: string,
    readonly skipped: FileReport[] = [],
    readonly emptyClasses: string[] = [],
  ) {
    super(message);
    this.name = 'DatasetError';
  }
}

export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'webp'];
const HIDDEN_NAMES = new Set(['__macosx', 'thumbs.db', 'desktop.ini']);

/** True when the file name has one of IMAGE_EXTENSIONS (case-insensitive). */
export function isImageName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && IMAGE_EXTENSIONS.includes(name.slice(dot + 1).toLowerCase());
}

/** Splits a path into its non-empty segments, accepting '\' and leading './' or '/'. */
export function pathSegments(path: string): string[] {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.');
}

const isHidden = (segs: string[]) => segs.some((s) => s.startsWith('.') || HIDDEN_NAMES.has(s.toLowerCase()));
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Scans a file list into classes and candidate images; throws DatasetError with fewer than 2 classes. */
export function scanFolder(entries: FileEntry[]): FolderScan {
  const skipped: FileReport[] = [];
  const skip = (path: string, reason: FileReport['reason'], message: string) => skipped.push({ path, status: 'skipped', reason, message });
  const files: { entry: FileEntry; segs: string[] }[] = [];
  const dirs: string[][] = [];
  for (const entry of entries) {
    if (typeof entry?.path !== 'string' || !Number.isFinite(entry.size) || entry.size < 0) {
      throw new DatasetError(`bad file entry ${JSON.stringify(entry)}: need {path: string, size: number ≥ 0}`);
    }
    const segs = pathSegments(entry.path);
    if (segs.length === 0) continue;
    const isDir = /[\\/]$/.test(entry.path);
    if (isHidden(segs)) {
      if (!isDir) skip(entry.path, 'hidden', 'hidden or system file');
    } else if (isDir) dirs.push(segs);
    else files.push({ entry, segs });
  }
  const rootSegs: string[] = [];
  for (;;) {
    const nested = files.filter((f) => f.segs.length >= 2);
    const first = nested[0]?.segs[0];
    if (first === undefined || !nested.every((f) => f.segs[0] === first) || !nested.some((f) => f.segs.length >= 3)) break;
    rootSegs.push(first);
    for (const f of files)
      if (f.segs.length >= 2) f.segs = f.segs.slice(1);
      else f.segs = [];
    for (let i = 0; i < dirs.length; i++) dirs[i] = dirs[i][0] === first ? dirs[i].slice(1) : [];
  }
  const folders = new Map<string, FileEntry[]>();
  for (const d of dirs) if (d.length >= 1 && !folders.has(d[0])) folders.set(d[0], []);
  for (const { entry, segs } of files) {
    if (segs.length === 0) skip(entry.path, 'stray-file', 'outside the common root folder');
    else if (segs.length === 1) skip(entry.path, 'stray-file', 'not inside a class folder');
    else {
      if (!folders.has(segs[0])) folders.set(segs[0], []);
      if (!isImageName(segs[segs.length - 1])) skip(entry.path, 'not-image', `extension is not one of ${IMAGE_EXTENSIONS.join(', ')}`);
      else if (entry.size === 0) skip(entry.path, 'empty-file', 'zero bytes');
      else (folders.get(segs[0]) as FileEntry[]).push(entry);
    }
  }
  const emptyClasses = [...folders]
    .filter(([, list]) => list.length === 0)
    .map(([name]) => name)
    .sort(byCodeUnit);
  const usable = [...folders].filter(([, list]) => list.length > 0).map(([name]) => name);
  if (usable.length < 2) {
    const found = usable.length === 0 ? 'no class folder with images' : `only 1 class folder with images (${usable[0]})`;
    throw new DatasetError(
      `Found ${found}; need at least 2. Put each class's images in its own sub-folder, e.g. wildlife/amur_tiger/*.jpg and wildlife/birds/*.jpg.`,
      skipped,
      emptyClasses,
    );
  }
  const { classes, scheme } = classMapping(usable);
  const out: ScannedFile[] = [];
  classes.forEach((className, label) => {
    const list = [...(folders.get(className) as FileEntry[])].sort((a, b) => byCodeUnit(a.path, b.path));
    for (const e of list) out.push({ path: e.path, size: e.size, className, label });
  });
  return { root: rootSegs.join('/'), classes, scheme, files: out, skipped, emptyClasses };
}
