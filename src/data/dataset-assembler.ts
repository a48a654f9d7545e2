/**
 * Collects the decode workers' answers (in any order) for a scanned folder and packs them: each
 * decoded image goes to its slot, skipped files go to the report, and `finish` compacts the slots
 * in scan order, drops classes that lost every image (remapping labels, as pack-folder.ts does)
 * and seals the packed binary. Pure: no workers, no DOM.
 */
import { classMapping } from './class-mapping';
import { responseToFileReport, type DecodedResponse, type SkippedResponse } from './decode-protocol';
import { DatasetError, type FolderScan } from './folder-scan';
import { buildReport, type FileReport, type LoadReport } from './image-report';
import { sealPacked, type PackedManifest } from './packed-format';

/** The most bytes of packed pixels a browser load may allocate (1 GiB). */
export const MAX_PACKED_BYTES = 1024 ** 3;

export interface AssembledDataset {
  manifest: PackedManifest;
  bytes: Uint8Array;
  report: LoadReport;
}

/** Gathers decode results of `scan.files` into size×size RGB slots. */
export class DatasetAssembler {
  private readonly per: number;
  private readonly buffer: Uint8Array;
  private readonly reports: (FileReport | undefined)[];
  private readonly filled: Uint8Array;
  private received = 0;

  constructor(
    readonly scan: FolderScan,
    readonly size: number,
    maxBytes = MAX_PACKED_BYTES,
  ) {
    if (!Number.isInteger(size) || size < 1 || size > 1024)
      throw new Error(`DatasetAssembler: size must be an integer in [1, 1024], got ${size}`);
    const n = scan.files.length;
    this.per = size * size * 3;
    const need = n * this.per + n;
    if (need > maxBytes) {
      const mb = (x: number) => Math.round(x / 1024 ** 2).toLocaleString('en');
      throw new DatasetError(
        `${n.toLocaleString('en')} images at ${size}×${size} need ${mb(need)} MB, more than the ${mb(maxBytes)} MB this page allows. Choose a smaller image size or load fewer images.`,
        scan.skipped,
        scan.emptyClasses,
      );
    }
    this.buffer = new Uint8Array(need);
    this.reports = new Array(n);
    this.filled = new Uint8Array(n);
  }

  /** Number of files answered so far (decoded or skipped). */
  get done(): number {
    return this.received;
  }

  /** Number of candidate files. */
  get total(): number {
    return this.scan.files.length;
  }

  /** Records the worker's answer for file `index` of the scan. */
  add(index: number, r: DecodedResponse | SkippedResponse): void {
    const f = this.slot(index);
    if (r.type === 'decoded') {
      const px = new Uint8Array(r.pixels);
      if (r.size !== this.size || px.length !== this.per) {
        this.fail(index, `decoder returned ${r.size}×${r.size} pixels, expected ${this.size}×${this.size}`);
        return;
      }
      this.buffer.set(px, index * this.per);
      this.filled[index] = 1;
    }
    this.record(index, responseToFileReport({ ...r, path: f.path }, f.className));
  }

  /** Marks file `index` as skipped (e.g. it could not be read). */
  fail(index: number, message: string): void {
    const f = this.slot(index);
    this.filled[index] = 0;
    this.record(index, { path: f.path, className: f.className, status: 'skipped', reason: 'corrupt', message });
  }

  /** Packs the decoded images; throws DatasetError when fewer than 2 classes have images. */
  async finish(meta: { name: string; source: string }): Promise<AssembledDataset> {
    const { files, classes: scanned } = this.scan;
    const per = this.per;
    const names: string[] = [];
    let k = 0;
    files.forEach((f, i) => {
      if (!this.reports[i])
        this.reports[i] = {
          path: f.path,
          className: f.className,
          status: 'skipped',
          reason: 'corrupt',
          message: 'not decoded (loading stopped early)',
        };
      if (!this.filled[i]) return;
      if (k !== i) this.buffer.copyWithin(k * per, i * per, (i + 1) * per);
      names.push(f.className);
      k++;
    });
    const reports = [...this.scan.skipped, ...(this.reports as FileReport[])];
    const present = new Set(names);
    const alive = scanned.filter((c) => present.has(c));
    const emptyClasses = [...this.scan.emptyClasses, ...scanned.filter((c) => !present.has(c))].sort();
    if (alive.length < 2) {
      throw new DatasetError(
        `After decoding, ${alive.length === 0 ? 'no class has' : `only 1 class (${alive[0]}) has`} usable images; need at least 2.`,
        reports.filter((f) => f.status === 'skipped'),
        emptyClasses,
      );
    }
    const classes = alive.length === scanned.length ? scanned : classMapping(alive).classes;
    const index = new Map(classes.map((c, i) => [c, i]));
    const length = k * per + k;
    const bytes = length === this.buffer.length ? this.buffer : this.buffer.slice(0, length);
    names.forEach((c, i) => {
      bytes[k * per + i] = index.get(c) as number;
    });
    const report = buildReport(reports, classes, emptyClasses);
    const manifest = await sealPacked(
      {
        name: meta.name,
        classes,
        imageSize: this.size,
        channels: 3,
        source: meta.source,
        ...(report.sizeStats ? { sizeStats: report.sizeStats } : {}),
      },
      k,
      bytes,
    );
    return { manifest, bytes, report };
  }

  private slot(index: number) {
    const f = this.scan.files[index];
    if (!Number.isInteger(index) || !f) throw new Error(`DatasetAssembler: no file ${index} (there are ${this.scan.files.length})`);
    return f;
  }

  private record(index: number, rep: FileReport): void {
    if (!this.reports[index]) this.received++;
    this.reports[index] = rep;
  }
}
