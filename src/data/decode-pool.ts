/**
 * Runs decode requests on a pool of workers (decode-worker.ts in the browser; anything with the
 * same message protocol in tests): `workers` workers with `perWorker` requests in flight each, so
 * reading files and decoding overlap. Answers arrive out of order through `onResult`. A worker
 * that crashes fails its pending files and is replaced; aborting stops everything.
 */
import type { FitMode } from './center-crop';
import { isDecodeResponse, type DecodeRequest, type DecodedResponse, type SkippedResponse } from './decode-protocol';
import { MAX_PIXELS } from './image-header';

/** The part of a Worker the pool uses. */
export interface DecodeWorkerLike {
  postMessage(msg: DecodeRequest, transfer: ArrayBuffer[]): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  terminate(): void;
}

export interface DecodePoolOptions {
  /** Number of files; they are requested as indices 0 … count − 1. */
  count: number;
  /** Reads file `index`: its path and bytes (the bytes are transferred to a worker). */
  read(index: number): Promise<{ path: string; bytes: ArrayBuffer }>;
  makeWorker(): DecodeWorkerLike;
  workers: number;
  perWorker?: number;
  size: number;
  fit?: FitMode;
  maxPixels?: number;
  onResult(index: number, r: DecodedResponse | SkippedResponse): void;
  signal?: AbortSignal;
}

type Answer = DecodedResponse | SkippedResponse | null;

interface Slot {
  worker: DecodeWorkerLike;
  pending: Map<number, (a: Answer) => void>;
}

/** Decodes every file; resolves when all have answered, rejects with Error('cancelled') when aborted. */
export async function runDecodePool(o: DecodePoolOptions): Promise<void> {
  const nWorkers = Math.max(1, Math.min(o.workers, Math.max(1, o.count)));
  const perWorker = Math.max(1, o.perWorker ?? 2);
  const slots: Slot[] = [];
  let next = 0;
  let aborted = o.signal?.aborted ?? false;

  const skipped = (index: number, path: string, message: string): SkippedResponse => ({
    type: 'skipped',
    id: index,
    path,
    reason: 'corrupt',
    message,
  });
  const spawn = (k: number) => {
    const slot: Slot = { worker: o.makeWorker(), pending: new Map() };
    slot.worker.onmessage = (ev) => {
      const r = ev.data;
      if (!isDecodeResponse(r) || r.id === null) return;
      const done = slot.pending.get(r.id);
      if (!done) return;
      slot.pending.delete(r.id);
      done(r.type === 'error' ? skipped(r.id, '', `decoder error: ${r.message}`) : r);
    };
    slot.worker.onerror = (ev) => {
      const detail = (ev as { message?: string })?.message;
      const waiting = [...slot.pending];
      slot.pending.clear();
      slot.worker.terminate();
      if (!aborted) spawn(k);
      for (const [id, done] of waiting) done(skipped(id, '', `the decoder crashed on this file${detail ? `: ${detail}` : ''}`));
    };
    slots[k] = slot;
  };
  for (let k = 0; k < nWorkers; k++) spawn(k);

  const stopAll = () => {
    aborted = true;
    for (const s of slots) {
      s.worker.terminate();
      for (const done of s.pending.values()) done(null);
      s.pending.clear();
    }
  };
  o.signal?.addEventListener('abort', stopAll, { once: true });

  const lane = async (k: number) => {
    while (!aborted && next < o.count) {
      const index = next++;
      let path = '';
      let answer: Answer;
      try {
        const file = await o.read(index);
        path = file.path;
        if (aborted) return;
        const slot = slots[k];
        answer = await new Promise<Answer>((resolve) => {
          slot.pending.set(index, resolve);
          slot.worker.postMessage(
            {
              type: 'decode',
              id: index,
              path,
              bytes: file.bytes,
              size: o.size,
              fit: o.fit ?? 'center-crop',
              maxPixels: o.maxPixels ?? MAX_PIXELS,
            },
            [file.bytes],
          );
        });
      } catch (e) {
        answer = skipped(index, path, `could not read the file: ${(e as Error)?.message ?? String(e)}`);
      }
      if (answer === null || aborted) return;
      o.onResult(index, answer.path === '' ? { ...answer, path } : answer);
    }
  };
  try {
    await Promise.all(Array.from({ length: nWorkers * perWorker }, (_, j) => lane(j % nWorkers)));
  } finally {
    o.signal?.removeEventListener('abort', stopAll);
    for (const s of slots) s.worker.terminate();
  }
  if (aborted) throw new Error('cancelled');
}
