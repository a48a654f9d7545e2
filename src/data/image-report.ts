/** The load report: what happened to every file, counts per class and original-size statistics. */
import type { SizeStats } from './packed-format';

/** Why a file was not used. */
export type SkipReason =
  | 'hidden' // .DS_Store, __MACOSX/, any name starting with a dot
  | 'stray-file' // a file outside every class folder
  | 'not-image' // extension other than jpg/jpeg/png/gif/webp
  | 'empty-file' // zero bytes
  | 'corrupt' // could not be decoded (truncated, wrong contents)
  | 'too-large' // more pixels than the limit (checked from the header, before decoding)
  | 'unsupported'; // a format or variant this decoder cannot read

/** One file's outcome; width/height are the original size when known. */
export interface FileReport {
  path: string;
  className?: string;
  status: 'ok' | 'skipped';
  reason?: SkipReason;
  message?: string;
  format?: string;
  width?: number;
  height?: number;
  /** Non-fatal notes, e.g. "CMYK JPEG converted to RGB", "16-bit PNG reduced to 8 bits". */
  notes?: string[];
}

export interface LoadReport {
  files: FileReport[];
  /** Usable images per class, in label order. */
  perClass: { name: string; count: number }[];
  /** Class folders without any usable image (not classes of the data set). */
  emptyClasses: string[];
  okCount: number;
  skippedCount: number;
  sizeStats: SizeStats | null;
}

/** Short-side bin edges for the size histogram: < 32, 32–63, 64–127, 128–223, 224–511, 512–1023, ≥ 1024. */
export const SHORT_SIDE_EDGES = [0, 32, 64, 128, 224, 512, 1024];

/** Min/max/mean width and height, and a histogram of the shorter side; null when there are no sizes. */
export function sizeStats(sizes: { width: number; height: number }[]): SizeStats | null {
  if (sizes.length === 0) return null;
  const agg = (get: (s: { width: number; height: number }) => number) => {
    let min = Infinity,
      max = -Infinity,
      sum = 0;
    for (const s of sizes) {
      const v = get(s);
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    return { min, max, mean: sum / sizes.length };
  };
  const bins = SHORT_SIDE_EDGES.map((lo, i) => ({ lo, hi: SHORT_SIDE_EDGES[i + 1] ?? null, count: 0 }));
  for (const s of sizes) {
    const short = Math.min(s.width, s.height);
    let i = bins.length - 1;
    while (i > 0 && short < bins[i].lo) i--;
    bins[i].count++;
  }
  return { count: sizes.length, width: agg((s) => s.width), height: agg((s) => s.height), shortSide: bins };
}

/** Builds the report from per-file outcomes and the final class list (label order). */
export function buildReport(files: FileReport[], classes: string[], emptyClasses: string[]): LoadReport {
  const counts = new Map(classes.map((c) => [c, 0]));
  const sizes: { width: number; height: number }[] = [];
  for (const f of files) {
    if (f.status !== 'ok') continue;
    if (f.className !== undefined && counts.has(f.className)) counts.set(f.className, (counts.get(f.className) as number) + 1);
    if (f.width !== undefined && f.height !== undefined) sizes.push({ width: f.width, height: f.height });
  }
  const okCount = files.filter((f) => f.status === 'ok').length;
  return {
    files,
    perClass: classes.map((name) => ({ name, count: counts.get(name) as number })),
    emptyClasses,
    okCount,
    skippedCount: files.length - okCount,
    sizeStats: sizeStats(sizes),
  };
}

/** Plain-text rendering of a report for the CLI (skipped files listed with reasons). */
export function formatReport(r: LoadReport, maxSkippedLines = 50): string {
  const lines: string[] = [];
  lines.push(`Images: ${r.okCount} usable, ${r.skippedCount} skipped.`);
  lines.push('Per class:');
  const width = Math.max(...r.perClass.map((c) => c.name.length), 5);
  r.perClass.forEach((c, i) => lines.push(`  ${String(i).padStart(3)}  ${c.name.padEnd(width)}  ${c.count}`));
  if (r.emptyClasses.length) lines.push(`Empty class folders (ignored): ${r.emptyClasses.join(', ')}`);
  const skipped = r.files.filter((f) => f.status === 'skipped');
  if (skipped.length) {
    lines.push('Skipped:');
    for (const f of skipped.slice(0, maxSkippedLines)) lines.push(`  ${f.path}: ${f.reason}${f.message ? ` (${f.message})` : ''}`);
    if (skipped.length > maxSkippedLines) lines.push(`  … and ${skipped.length - maxSkippedLines} more`);
  }
  const notes = r.files.filter((f) => f.notes?.length);
  for (const f of notes.slice(0, maxSkippedLines)) lines.push(`Note: ${f.path}: ${f.notes?.join('; ')}`);
  const s = r.sizeStats;
  if (s) {
    const fmt = (a: { min: number; max: number; mean: number }) => `${a.min}–${a.max} (mean ${a.mean.toFixed(1)})`;
    lines.push(`Original sizes: width ${fmt(s.width)}, height ${fmt(s.height)}`);
    lines.push(`Shorter side: ${s.shortSide.map((b) => `${b.hi === null ? `≥${b.lo}` : `${b.lo}–${b.hi - 1}`}: ${b.count}`).join(', ')}`);
  }
  return lines.join('\n');
}
