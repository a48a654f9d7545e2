/**
 * Threads for the wasm backend: tfjs-backend-wasm's threaded SIMD build runs XNNPACK on a pool of
 * Web Workers (worker_threads in Node) sharing the wasm memory. It needs a SharedArrayBuffer, so a
 * browser page must be cross-origin isolated (COOP/COEP headers, e.g. from public/coi-sw.js); where
 * it is not, tfjs loads the single-threaded SIMD build and training still works, on one core.
 * Two tfjs 4.22 limits are worked around while the backend starts: it caps the pool at half the
 * logical cores (it assumes hyper-threading, so a 2-core machine got 1 thread), and in Node it
 * never tries threads at all (see threads-node.ts).
 */
import { nodeThreadsHooks } from './threads-node';
import type { TF } from '../tensor/tf-types';

/** The two calls of @tensorflow/tfjs-backend-wasm that set its thread count. */
export interface WasmThreadsModule {
  setThreadsCount(n: number): void;
  getThreadsCount(): number;
}

/** Changes made to the environment only while the wasm backend initialises; `undo` puts them back. */
export interface InitHooks {
  install(): void;
  undo(): void;
}

/** Where the backend runs, as far as the thread decision needs to know. */
export interface ThreadsEnv {
  node: boolean;
  /** The page's crossOriginIsolated (undefined in Node). */
  isolated?: boolean;
  hasSharedArrayBuffer: boolean;
  logicalCores: number;
}

/** The thread count chosen and why (shown by benchmarks and useful in bug reports). */
export interface ThreadsPlan {
  threads: number;
  reason: string;
}

/** XNNPACK's pool in tfjs 4.22 holds at most 8 pre-started workers. */
export const MAX_WASM_THREADS = 8;

/** Decides how many threads the wasm backend gets: `requested` (default: every logical core), capped at 8, or 1 where threads cannot work. */
export function planWasmThreads(env: ThreadsEnv, requested?: number): ThreadsPlan {
  if (requested !== undefined && (!Number.isInteger(requested) || requested < 1)) {
    throw new Error(`wasm threads must be a positive integer, got ${requested}`);
  }
  // A page that is not isolated has no SharedArrayBuffer either: name the cause, not the symptom.
  if (!env.node && !env.isolated) {
    return { threads: 1, reason: 'the page is not cross-origin isolated (no COOP/COEP headers), so it gets no shared memory' };
  }
  if (!env.hasSharedArrayBuffer) return { threads: 1, reason: 'this browser offers no SharedArrayBuffer' };
  const want = requested ?? Math.max(1, env.logicalCores);
  const threads = Math.min(want, MAX_WASM_THREADS);
  return { threads, reason: threads === want ? `${threads} thread(s)` : `${threads} threads (tfjs's pool holds ${MAX_WASM_THREADS})` };
}

/** The thread count asked for by the WASM_THREADS environment variable (Node: CLI, benchmarks, tests), else undefined (every core). */
export function wasmThreadsRequested(): number | undefined {
  const v = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.WASM_THREADS;
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`WASM_THREADS must be a positive integer, got "${v}"`);
  return n;
}

/** The current environment (browser page, worker or Node). */
export function currentThreadsEnv(): ThreadsEnv {
  const g = globalThis as {
    process?: { versions?: { node?: string } };
    crossOriginIsolated?: boolean;
    navigator?: { hardwareConcurrency?: number };
  };
  return {
    node: Boolean(g.process?.versions?.node),
    isolated: g.crossOriginIsolated,
    hasSharedArrayBuffer: typeof SharedArrayBuffer === 'function',
    logicalCores: g.navigator?.hardwareConcurrency ?? 1,
  };
}

/** In a browser: tfjs sizes its pool from navigator.hardwareConcurrency / 2, so it is shown as 2 × threads during start-up. */
function browserHooks(threads: number): InitHooks {
  const nav = (globalThis as { navigator?: object }).navigator;
  return {
    install: () => {
      if (nav) Object.defineProperty(nav, 'hardwareConcurrency', { value: 2 * threads, configurable: true });
    },
    undo: () => {
      if (nav) delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
    },
  };
}

const WRAPPED = Symbol('threads');

/**
 * Makes the next start of tf's 'wasm' backend use `plan.threads` threads: sets the count, and wraps
 * the backend's factory so the start-up sees what tfjs needs (then everything is put back).
 * Call after importing @tensorflow/tfjs-backend-wasm and before tf.setBackend('wasm').
 */
export function enableWasmThreads(tf: TF, wasm: WasmThreadsModule, plan: ThreadsPlan, env: ThreadsEnv = currentThreadsEnv()): void {
  try {
    wasm.getThreadsCount();
    return; // already started: its pool cannot change any more
  } catch {
    // not started yet
  }
  wasm.setThreadsCount(plan.threads);
  const factory = tf.findBackendFactory('wasm') as ((() => Promise<unknown>) & { [WRAPPED]?: boolean }) | null;
  if (!factory || factory[WRAPPED] || plan.threads < 2) return;
  const hooks = env.node ? nodeThreadsHooks(plan.threads) : browserHooks(plan.threads);
  if (env.node) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  const wrapped = Object.assign(
    async () => {
      hooks.install();
      try {
        return await factory();
      } finally {
        hooks.undo();
      }
    },
    { [WRAPPED]: true },
  );
  tf.removeBackend('wasm');
  tf.registerBackend('wasm', wrapped as never, 2);
}
