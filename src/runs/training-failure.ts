/** What to do when training throws: a lost GPU device moves to another backend, running out of memory halves the batch. */

/** The kind of failure, read from the error message. */
export type FailureKind = 'device-lost' | 'out-of-memory' | 'other';

/** Classifies an error thrown by tfjs or WebGPU. */
export function classifyFailure(message: string): FailureKind {
  const m = message.toLowerCase();
  if (/out of memory|outofmemory|oom|allocation failed|failed to allocate|memory limit|exceeds.*(memory|limit)/.test(m))
    return 'out-of-memory';
  if (/device (was )?lost|devicelost|gpu device|context lost|webgl context|lost.*context/.test(m)) return 'device-lost';
  return 'other';
}

/** The settings to try next, with the message to show; null when nothing more can be tried. */
export interface Recovery {
  backend: string;
  batchSize: number;
  message: string;
}

/** Next backend after `current` in `order` (auto's list), or null. */
function nextBackend(current: string, order: readonly string[]): string | null {
  const i = order.indexOf(current);
  return i >= 0 && i + 1 < order.length ? order[i + 1] : null;
}

/** How to recover from `kind` on `backend` with `batchSize`; `order` is the fallback list. */
export function recoveryFor(kind: FailureKind, backend: string, batchSize: number, order: readonly string[]): Recovery | null {
  if (kind === 'out-of-memory') {
    if (batchSize > 1) {
      const b = Math.max(1, Math.floor(batchSize / 2));
      return {
        backend,
        batchSize: b,
        message: `The ${backend} backend ran out of memory with batches of ${batchSize}. The batch size is now ${b}: press Start to train again.`,
      };
    }
    const next = nextBackend(backend, order);
    return next
      ? {
          backend: next,
          batchSize,
          message: `The ${backend} backend ran out of memory even with batches of 1. Switched to ${next}: press Start to train again.`,
        }
      : null;
  }
  if (kind === 'device-lost') {
    const next = nextBackend(backend, order);
    return next
      ? {
          backend: next,
          batchSize,
          message: `The GPU device was lost (the driver reset it or another tab took it). Switched to ${next}: press Start to train again.`,
        }
      : null;
  }
  return null;
}
