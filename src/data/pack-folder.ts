/**
 * The decode loop shared by the CLI (and usable by any caller with its own decoder): scan the
 * file list, read files in batches, check headers, decode, centre-crop and resize to size×size
 * RGB, then pack. Decoders are injected, so this module stays free of Node and DOM APIs.
 * Classes that lose every image to decoding failures are dropped (reported as empty) and the
 * mapping is recomputed; fewer than 2 classes left throws a DatasetError with the report.
 */
import { classMapping } from './class-mapping';
import { cropRect, type FitMode } from './center-crop';
import { DatasetError, scanFolder, type FileEntry } from './folder-scan';
import { readImageHeader, screenHeader, MAX_PIXELS, type ImageHeader } from './image-header';
import { buildReport, type FileReport, type LoadReport } from './image-report';
import { sealPacked, type PackedManifest } from './packed-format';
import { resizeImage, type ImageBuffer } from './resize';

/** A decoded image plus optional notes (e.g. "animated: first frame used"). */
export type DecodedImage = ImageBuffer & { notes?: string[] };

/** Decodes one file whose header was read; throws on failure (UnsupportedImageError for known gaps). */
export type DecodeFn = (bytes: Uint8Array, header: ImageHeader) => DecodedImage | Promise<DecodedImage>;

/** Thrown by a DecodeFn for a format or variant it cannot read (reported as 'unsupported'). */
export class UnsupportedImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedImageError';
  }
}

export interface PackOptions {
  name: string;
  /** Output side in pixels (images are size×size RGB). */
  size: number;
  source: string;
  fit?: FitMode;
  maxPixels?: number;
  /** Files read per call of `readBatch` (default 32). */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface PackResult {
  manifest: PackedManifest;
  bytes: Uint8Array;
  report: LoadReport;
}

/** Reads the contents of the given paths, in order; may reject for a path only by throwing per item. */
export type ReadBatch = (paths: string[]) => Promise<(Uint8Array | Error)[]>;

/** Decodes one file to size×size RGB, or says why it was skipped. */
export async function decodeOne(
  bytes: Uint8Array,
  decode: DecodeFn,
  size: number,
  fit: FitMode = 'center-crop',
  maxPixels = MAX_PIXELS,
): Promise<
  | { ok: true; pixels: Uint8Array; header: ImageHeader; notes: string[] }
  | { ok: false; reason: FileReport['reason']; message: string; header?: ImageHeader }
> {
  const h = readImageHeader(bytes);
  if (!h.ok) return h;
  const screen = screenHeader(h.header, maxPixels);
  if (!screen.ok) return { ...screen, header: h.header };
  try {
    const img = await decode(bytes, h.header);
    if (img.width !== h.header.width || img.height !== h.header.height) {
      screen.notes.push(`decoded size ${img.width}×${img.height} differs from the header's ${h.header.width}×${h.header.height}`);
    }
    const crop = cropRect(img.width, img.height, size, size, fit);
    const pixels = resizeImage(img, size, size, { crop, outChannels: 3 });
    return { ok: true, pixels, header: h.header, notes: [...screen.notes, ...(img.notes ?? [])] };
  } catch (e) {
    const unsupported = e instanceof UnsupportedImageError;
    const message = `${unsupported ? '' : `could not decode ${h.header.format.toUpperCase()}: `}${(e as Error)?.message ?? String(e)}`;
    return { ok: false, reason: unsupported ? 'unsupported' : 'corrupt', message, header: h.header };
  }
}

/** Scans, decodes and packs a file list into the packed format (channels 3). */
export async function packFolder(entries: FileEntry[], readBatch: ReadBatch, decode: DecodeFn, opts: PackOptions): Promise<PackResult> {
  if (!Number.isInteger(opts.size) || opts.size < 1 || opts.size > 1024)
    throw new Error(`packFolder: size must be an integer in [1, 1024], got ${opts.size}`);
  const scan = scanFolder(entries);
  const per = opts.size * opts.size * 3;
  const n = scan.files.length;
  const buffer = new Uint8Array(n * per + n);
  const labels = new Uint8Array(n);
  const names: string[] = [];
  const reports: FileReport[] = [...scan.skipped];
  const batch = Math.max(1, opts.batchSize ?? 32);
  let k = 0;
  for (let start = 0; start < n; start += batch) {
    const files = scan.files.slice(start, start + batch);
    const contents = await readBatch(files.map((f) => f.path));
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      const bytes = contents[i];
      const base = { path: f.path, className: f.className };
      if (bytes instanceof Error || bytes === undefined) {
        reports.push({ ...base, status: 'skipped', reason: 'corrupt', message: `could not read: ${bytes?.message ?? 'missing'}` });
        continue;
      }
      const r = await decodeOne(bytes, decode, opts.size, opts.fit, opts.maxPixels);
      const dims = r.header ? { format: r.header.format, width: r.header.width, height: r.header.height } : {};
      if (!r.ok) {
        reports.push({ ...base, ...dims, status: 'skipped', reason: r.reason, message: r.message });
        continue;
      }
      buffer.set(r.pixels, k * per);
      names.push(f.className);
      k++;
      reports.push({ ...base, ...dims, status: 'ok', ...(r.notes.length ? { notes: r.notes } : {}) });
    }
    opts.onProgress?.(Math.min(n, start + batch), n);
  }
  const present = new Set(names);
  const alive = scan.classes.filter((c) => present.has(c));
  const lost = scan.classes.filter((c) => !alive.includes(c));
  const emptyClasses = [...scan.emptyClasses, ...lost].sort();
  if (alive.length < 2) {
    throw new DatasetError(
      `After decoding, ${alive.length === 0 ? 'no class has' : `only 1 class (${alive[0]}) has`} usable images; need at least 2.`,
      reports.filter((f) => f.status === 'skipped'),
      emptyClasses,
    );
  }
  const { classes } = alive.length === scan.classes.length ? scan : classMapping(alive);
  const index = new Map(classes.map((c, i) => [c, i]));
  names.forEach((c, i) => {
    labels[i] = index.get(c) as number;
  });
  const report = buildReport(reports, classes, emptyClasses);
  const bytes = buffer.subarray(0, k * per + k);
  bytes.set(labels.subarray(0, k), k * per);
  const meta = {
    name: opts.name,
    classes,
    imageSize: opts.size,
    channels: 3 as const,
    source: opts.source,
    ...(report.sizeStats ? { sizeStats: report.sizeStats } : {}),
  };
  const manifest = await sealPacked(meta, k, bytes);
  return { manifest, bytes, report };
}
