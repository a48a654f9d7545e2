/**
 * The packed data set format: one binary file plus a JSON manifest.
 *
 * Binary layout (no header; the manifest describes it):
 *   pixels: count × imageSize × imageSize × channels bytes, uint8, NHWC, row-major;
 *   labels: count bytes, uint8 class indices into `manifest.classes`.
 * `channels` is 1 (grayscale, e.g. the Fashion-MNIST default set) or 3 (RGB); the engine expands
 * 1 → 3 when it resizes (see resize.ts). `hash` is the SHA-256 hex of the whole binary.
 */
import { sha256Hex } from './sha256';

export const PACKED_FORMAT = 'dlcv-hw1-dataset';
export const PACKED_VERSION = 1;

/** Original image sizes before resizing (see image-report.ts for how they are computed). */
export interface SizeStats {
  count: number;
  width: { min: number; max: number; mean: number };
  height: { min: number; max: number; mean: number };
  /** Histogram of the shorter side: bins [lo, hi), hi = null for the open last bin. */
  shortSide: { lo: number; hi: number | null; count: number }[];
}

export interface PackedManifest {
  format: typeof PACKED_FORMAT;
  version: typeof PACKED_VERSION;
  name: string;
  classes: string[];
  imageSize: number;
  channels: 1 | 3;
  count: number;
  hash: string;
  /** Where the images came from (free text: data set, licence, selection). */
  source: string;
  sizeStats?: SizeStats;
}

/** A decoded data set: views into the binary, no copies. */
export interface PackedDataset {
  manifest: PackedManifest;
  pixels: Uint8Array;
  labels: Uint8Array;
}

/** What `encodePacked` needs; `pixels` and `labels` are laid out as in the binary. */
export interface PackInput {
  name: string;
  classes: string[];
  imageSize: number;
  channels: 1 | 3;
  pixels: Uint8Array;
  labels: Uint8Array;
  source: string;
  sizeStats?: SizeStats;
}

/** Number of bytes of the binary for a manifest's count, size and channels. */
export function packedByteLength(m: Pick<PackedManifest, 'count' | 'imageSize' | 'channels'>): number {
  return m.count * m.imageSize * m.imageSize * m.channels + m.count;
}

/** Everything of the manifest that is not computed from the binary. */
export type PackMeta = Omit<PackInput, 'pixels' | 'labels'>;

/** Builds the binary and its manifest (hash included); throws on inconsistent input. */
export async function encodePacked(input: PackInput): Promise<{ manifest: PackedManifest; bytes: Uint8Array }> {
  const count = input.labels.length;
  const perImage = input.imageSize * input.imageSize * input.channels;
  if (input.pixels.length !== count * perImage) {
    throw new Error(
      `encodePacked: ${input.pixels.length} pixel bytes for ${count} images of ${perImage} bytes each (expected ${count * perImage})`,
    );
  }
  const bytes = new Uint8Array(input.pixels.length + count);
  bytes.set(input.pixels, 0);
  bytes.set(input.labels, input.pixels.length);
  const meta: PackMeta = {
    name: input.name,
    classes: input.classes,
    imageSize: input.imageSize,
    channels: input.channels,
    source: input.source,
    sizeStats: input.sizeStats,
  };
  return { manifest: await sealPacked(meta, count, bytes), bytes };
}

/** Manifest for a binary already laid out (pixels then labels), without copying it; validates length and labels. */
export async function sealPacked(meta: PackMeta, count: number, bytes: Uint8Array): Promise<PackedManifest> {
  checkShape({ ...meta, count });
  const expected = packedByteLength({ ...meta, count });
  if (bytes.length !== expected) throw new Error(`sealPacked: binary has ${bytes.length} bytes, expected ${expected}`);
  checkLabels(bytes.subarray(expected - count), meta.classes.length);
  return {
    format: PACKED_FORMAT,
    version: PACKED_VERSION,
    name: meta.name,
    classes: [...meta.classes],
    imageSize: meta.imageSize,
    channels: meta.channels,
    count,
    hash: await sha256Hex(bytes),
    source: meta.source,
    ...(meta.sizeStats ? { sizeStats: meta.sizeStats } : {}),
  };
}

/** Parses manifest JSON text (or an already-parsed value) and checks every field; throws a clear Error. */
export function parseManifest(json: string | unknown): PackedManifest {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (e) {
      throw new Error(`data set manifest is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('data set manifest must be a JSON object');
  }
  const m = value as Record<string, unknown>;
  if (m.format !== PACKED_FORMAT) throw new Error(`data set manifest: format must be "${PACKED_FORMAT}", got ${JSON.stringify(m.format)}`);
  if (m.version !== PACKED_VERSION)
    throw new Error(`data set manifest: unsupported version ${JSON.stringify(m.version)} (this book reads version ${PACKED_VERSION})`);
  if (typeof m.name !== 'string' || m.name === '') throw new Error('data set manifest: name must be a non-empty string');
  if (typeof m.source !== 'string') throw new Error('data set manifest: source must be a string');
  if (typeof m.hash !== 'string' || !/^[0-9a-f]{64}$/.test(m.hash))
    throw new Error('data set manifest: hash must be 64 lower-case hex digits (SHA-256)');
  if (!Array.isArray(m.classes) || m.classes.some((c) => typeof c !== 'string' || c === '')) {
    throw new Error('data set manifest: classes must be an array of non-empty strings');
  }
  const shape = { classes: m.classes as string[], imageSize: m.imageSize, channels: m.channels, count: m.count };
  checkShape(shape);
  return value as PackedManifest;
}

/** Validates the binary against its manifest (length, hash, labels) and returns views into it. */
export async function decodePacked(manifestJson: string | unknown, bytes: Uint8Array): Promise<PackedDataset> {
  const manifest = parseManifest(manifestJson);
  const expected = packedByteLength(manifest);
  if (bytes.length !== expected) {
    throw new Error(
      `data set "${manifest.name}": binary has ${bytes.length} bytes, the manifest implies ${expected} (${manifest.count} images of ${manifest.imageSize}×${manifest.imageSize}×${manifest.channels} + labels); the download may be truncated or the files mismatched`,
    );
  }
  const hash = await sha256Hex(bytes);
  if (hash !== manifest.hash) {
    throw new Error(
      `data set "${manifest.name}": SHA-256 of the binary (${hash.slice(0, 12)}…) does not match the manifest (${manifest.hash.slice(0, 12)}…); the file is corrupt or from another build`,
    );
  }
  const nPixels = expected - manifest.count;
  const pixels = bytes.subarray(0, nPixels);
  const labels = bytes.subarray(nPixels);
  checkLabels(labels, manifest.classes.length);
  return { manifest, pixels, labels };
}

function checkShape(m: { classes: string[]; imageSize: unknown; channels: unknown; count: unknown }): void {
  if (m.classes.length < 2 || m.classes.length > 256) throw new Error(`data set: needs 2 to 256 classes, got ${m.classes.length}`);
  if (new Set(m.classes).size !== m.classes.length) throw new Error('data set: class names must be unique');
  if (!Number.isInteger(m.imageSize) || (m.imageSize as number) < 1 || (m.imageSize as number) > 4096) {
    throw new Error(`data set: imageSize must be an integer in [1, 4096], got ${JSON.stringify(m.imageSize)}`);
  }
  if (m.channels !== 1 && m.channels !== 3) throw new Error(`data set: channels must be 1 or 3, got ${JSON.stringify(m.channels)}`);
  if (!Number.isInteger(m.count) || (m.count as number) < 1)
    throw new Error(`data set: count must be a positive integer, got ${JSON.stringify(m.count)}`);
}

function checkLabels(labels: Uint8Array, numClasses: number): void {
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] >= numClasses)
      throw new Error(`data set: label ${labels[i]} of image ${i} is not a class index (there are ${numClasses} classes)`);
  }
}
