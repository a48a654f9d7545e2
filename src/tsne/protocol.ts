/** Messages between the page and the t-SNE Web Worker (structured-clone friendly: typed arrays and plain objects). */
import type { TsneOptions, TsneSettings } from './tsne';

/** Page → worker: start a run on [n, d] features (the buffer may be transferred), or cancel one. */
export type TsneRequest =
  | { type: 'run'; id: number; features: Float32Array; n: number; d: number; options: TsneOptions; trustworthinessK?: number }
  | { type: 'cancel'; id: number };

/** Worker → page: progress every `klEvery` iterations, then exactly one of done / cancelled / error per run. */
export type TsneResponse =
  | { type: 'progress'; id: number; iteration: number; iterations: number; kl: number }
  | {
      type: 'done';
      id: number;
      embedding: Float32Array;
      n: number;
      dims: 2 | 3;
      kl: number;
      iterations: number;
      /** Trustworthiness at `trustworthinessK` (default 10) when k < n/2, else null. */
      trustworthiness: number | null;
      settings: TsneSettings;
      seconds: { affinities: number; optimisation: number; trustworthiness: number };
      /** Threads that computed the gradient (the result is the same for any count). */
      threads: number;
    }
  | { type: 'cancelled'; id: number; iteration: number }
  | { type: 'error'; id: number; message: string };

/** Checks that an incoming message is a well-formed request; returns it or an error message. */
export function parseTsneRequest(msg: unknown): { ok: true; request: TsneRequest } | { ok: false; id: number; message: string } {
  const m = msg as Partial<Record<string, unknown>> | null;
  const id = typeof m?.id === 'number' ? m.id : -1;
  if (!m || typeof m !== 'object') return { ok: false, id, message: 't-SNE worker: a message must be an object' };
  if (m.type === 'cancel' && typeof m.id === 'number') return { ok: true, request: { type: 'cancel', id: m.id } };
  if (m.type !== 'run') return { ok: false, id, message: `t-SNE worker: unknown message type ${JSON.stringify(m.type)}` };
  if (typeof m.id !== 'number') return { ok: false, id, message: 't-SNE worker: a run needs a numeric id' };
  if (!(m.features instanceof Float32Array)) return { ok: false, id, message: 't-SNE worker: features must be a Float32Array' };
  if (typeof m.n !== 'number' || typeof m.d !== 'number') return { ok: false, id, message: 't-SNE worker: n and d must be numbers' };
  const options = (m.options ?? {}) as TsneOptions;
  if (typeof options !== 'object') return { ok: false, id, message: 't-SNE worker: options must be an object' };
  const k = m.trustworthinessK;
  if (k !== undefined && typeof k !== 'number') return { ok: false, id, message: 't-SNE worker: trustworthinessK must be a number' };
  return {
    ok: true,
    request: { type: 'run', id: m.id, features: m.features, n: m.n, d: m.d, options, trustworthinessK: k as number | undefined },
  };
}
