/** Messages between the page and the decode worker (decode-worker.ts): one request per file, one response each. */
import type { FitMode } from './center-crop';
import type { ImageFormat } from './image-header';
import type { FileReport, SkipReason } from './image-report';

/** Page → worker: decode `bytes` (transferred) to size×size RGB. */
export interface DecodeRequest {
  type: 'decode';
  id: number;
  path: string;
  bytes: ArrayBuffer;
  size: number;
  fit: FitMode;
  maxPixels: number;
}

/** Worker → page: size×size×3 uint8 RGB pixels (transferred), with the original size. */
export interface DecodedResponse {
  type: 'decoded';
  id: number;
  path: string;
  pixels: ArrayBuffer;
  size: number;
  format: ImageFormat;
  width: number;
  height: number;
  notes: string[];
}

/** Worker → page: the file was not used, and why. */
export interface SkippedResponse {
  type: 'skipped';
  id: number;
  path: string;
  reason: SkipReason;
  message: string;
  format?: ImageFormat;
  width?: number;
  height?: number;
}

/** Worker → page: the request itself was malformed (a bug in the page, not a bad file). */
export interface ErrorResponse {
  type: 'error';
  id: number | null;
  message: string;
}

export type DecodeResponse = DecodedResponse | SkippedResponse | ErrorResponse;

/** Checks a message received by the worker. */
export function isDecodeRequest(x: unknown): x is DecodeRequest {
  const r = x as DecodeRequest;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.type === 'decode' &&
    Number.isInteger(r.id) &&
    typeof r.path === 'string' &&
    r.bytes instanceof ArrayBuffer &&
    Number.isInteger(r.size) &&
    r.size >= 1 &&
    r.size <= 1024 &&
    (r.fit === 'center-crop' || r.fit === 'stretch') &&
    typeof r.maxPixels === 'number' &&
    r.maxPixels > 0
  );
}

/** Checks a message received by the page. */
export function isDecodeResponse(x: unknown): x is DecodeResponse {
  const r = x as DecodeResponse;
  if (typeof r !== 'object' || r === null) return false;
  if (r.type === 'decoded') return Number.isInteger(r.id) && r.pixels instanceof ArrayBuffer && r.pixels.byteLength === r.size * r.size * 3;
  if (r.type === 'skipped') return Number.isInteger(r.id) && typeof r.reason === 'string' && typeof r.message === 'string';
  return r.type === 'error' && typeof r.message === 'string';
}

/** The load-report entry for a response (className from the page's folder scan). */
export function responseToFileReport(r: DecodedResponse | SkippedResponse, className: string): FileReport {
  const dims = r.format ? { format: r.format, width: r.width, height: r.height } : {};
  if (r.type === 'decoded') return { path: r.path, className, status: 'ok', ...dims, ...(r.notes.length ? { notes: r.notes } : {}) };
  return { path: r.path, className, status: 'skipped', reason: r.reason, message: r.message, ...dims };
}
