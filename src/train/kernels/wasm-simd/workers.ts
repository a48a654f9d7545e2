/**
 * Helper threads for the SIMD product on a threaded wasm backend: each worker instantiates the same
 * module on the backend's shared memory and waits on a control block there (Atomics); a product's
 * columns are split between the calling thread and the workers. Workers are browser Workers from a
 * blob URL, or worker_threads in Node (unref'd, so they never keep a process alive).
 */

/** Int32 slots of a worker's control block. */
const SEQ = 0;
const STOP = 1;
const ARGS = 2; // gemm's 7 arguments
const DONE = 10;
const FAILED = 11;
const SLOTS = 16;

/** The worker's whole program (plain ES5-style script, no imports: it runs from a string). */
export const WORKER_SOURCE = `(function () {
  var port = typeof self !== 'undefined' && typeof self.postMessage === 'function' ? self : require('node:worker_threads').parentPort;
  function run(d) {
    var c = new Int32Array(d.memory.buffer, d.ctrl, ${SLOTS});
    var inst;
    try { inst = new WebAssembly.Instance(d.module, { env: { memory: d.memory } }); }
    catch (e) { port.postMessage('failed: ' + e); return; }
    port.postMessage('ready');
    var seq = 0;
    for (;;) {
      Atomics.wait(c, ${SEQ}, seq);
      seq = Atomics.load(c, ${SEQ});
      if (Atomics.load(c, ${STOP}) === 1) return;
      try { inst.exports.gemm(c[${ARGS}], c[${ARGS + 1}], c[${ARGS + 2}], c[${ARGS + 3}], c[${ARGS + 4}], c[${ARGS + 5}], c[${ARGS + 6}]); }
      catch (e) { Atomics.store(c, ${FAILED}, 1); }
      Atomics.store(c, ${DONE}, seq);
    }
  }
  if (typeof self !== 'undefined' && port === self) self.onmessage = function (e) { run(e.data); };
  else port.once('message', run);
})();`;

interface WorkerLike {
  postMessage(m: unknown): void;
  terminate(): unknown;
}

/** A started helper: its control block (an Int32Array view on the shared heap) and handle. */
interface Helper {
  ctrl: number;
  worker: WorkerLike;
  seq: number;
}

/** The helpers of one backend. */
export interface GemmPool {
  memory: WebAssembly.Memory;
  helpers: Helper[];
  broken: string | null;
}

type Listener = (message: unknown) => void;

let live = 0;

/** Helper threads started and not yet stopped, in this process or page (for tests and diagnostics). */
export function liveHelpers(): number {
  return live;
}

/** A helper from WORKER_SOURCE: worker_threads where Node's builtins are (its global Worker may be a shim), else a Worker from a blob URL. */
function spawn(onMessage: Listener, onError: (e: unknown) => void): WorkerLike {
  const get = (globalThis as { process?: { getBuiltinModule?: (n: string) => unknown } }).process?.getBuiltinModule;
  if (get) {
    const { Worker } = get('node:worker_threads') as typeof import('node:worker_threads');
    const w = new Worker(WORKER_SOURCE, { eval: true });
    w.on('message', onMessage);
    w.on('error', onError);
    w.unref();
    return w;
  }
  const g = globalThis as { Worker?: new (url: string) => WorkerLike & { onmessage: unknown; onerror: unknown } };
  if (typeof g.Worker !== 'function') throw new Error('this environment has no Worker');
  const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  const w = new g.Worker(url);
  // the URL is revoked once the worker answers (it has loaded its script by then) or fails
  w.onmessage = (e: { data: unknown }) => {
    URL.revokeObjectURL(url);
    onMessage(e.data);
  };
  w.onerror = (e: { message?: string }) => {
    URL.revokeObjectURL(url);
    onError(new Error(e.message ?? 'worker error'));
  };
  return w;
}

/** Starts `count` helpers on `memory` (shared) with control blocks from `malloc`; resolves once all run the module, or rejects. */
export async function startGemmPool(
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
  count: number,
  malloc: (bytes: number) => number,
  timeoutMs = 10_000,
): Promise<GemmPool> {
  const pool: GemmPool = { memory, helpers: [], broken: null };
  const spawned: Helper[] = [];
  const started = Array.from(
    { length: count },
    () =>
      new Promise<Helper>((resolve, reject) => {
        const ctrl = (malloc(SLOTS * 4 + 64) + 63) & ~63;
        new Int32Array(memory.buffer, ctrl, SLOTS).fill(0);
        const timer = setTimeout(() => reject(new Error('a SIMD helper thread did not start')), timeoutMs);
        try {
          const helper: Helper = {
            ctrl,
            seq: 0,
            worker: spawn(
              (m) => {
                clearTimeout(timer);
                if (m === 'ready') resolve(helper);
                else reject(new Error(`a SIMD helper thread failed: ${String(m)}`));
              },
              (e) => {
                clearTimeout(timer);
                pool.broken = `a SIMD helper thread stopped: ${e instanceof Error ? e.message : String(e)}`;
                reject(new Error(pool.broken));
              },
            ),
          };
          live++;
          spawned.push(helper);
          helper.worker.postMessage({ module, memory, ctrl });
        } catch (e) {
          clearTimeout(timer);
          reject(e);
        }
      }),
  );
  try {
    await Promise.all(started);
  } catch (e) {
    pool.helpers = spawned; // every helper that started, also those that answered, is stopped
    stopGemmPool(pool);
    throw e;
  }
  pool.helpers = spawned;
  return pool;
}

/** Stops the helpers (they leave their wait loop and are terminated). */
export function stopGemmPool(pool: GemmPool): void {
  for (const h of pool.helpers) {
    const c = new Int32Array(pool.memory.buffer, h.ctrl, SLOTS);
    Atomics.store(c, STOP, 1);
    Atomics.add(c, SEQ, 1);
    Atomics.notify(c, SEQ);
    h.worker.terminate();
    live--;
  }
  pool.helpers = [];
}

/** Column ranges (multiples of 4) of n columns for `parts` threads, the first for the caller. */
export function splitColumns(n: number, parts: number): [number, number][] {
  const quads = n / 4;
  const out: [number, number][] = [];
  for (let p = 0, at = 0; p < parts; p++) {
    const next = Math.round((quads * (p + 1)) / parts) * 4;
    if (next > at) out.push([at, next]);
    at = next;
  }
  return out;
}

/** Runs gemm over `ranges` of columns: the helpers take ranges 1…, the caller `own(range 0)`; waits for all (spinning: a page's main thread may not block). */
export function parallelGemm(
  pool: GemmPool,
  args: [number, number, number, number, number],
  ranges: [number, number][],
  own: (j0: number, j1: number) => void,
): void {
  const used = pool.helpers.slice(0, ranges.length - 1);
  used.forEach((h, i) => {
    const c = new Int32Array(pool.memory.buffer, h.ctrl, SLOTS);
    c.set([...args, ...ranges[i + 1]], ARGS);
    h.seq = Atomics.add(c, SEQ, 1) + 1;
    Atomics.notify(c, SEQ);
  });
  own(...ranges[0]);
  const t0 = performance.now();
  for (const h of used) {
    const c = new Int32Array(pool.memory.buffer, h.ctrl, SLOTS);
    for (let spins = 0; Atomics.load(c, DONE) !== h.seq; spins++) {
      if ((spins & 0xfff) === 0 && performance.now() - t0 > 30_000) {
        pool.broken = 'a SIMD helper thread did not answer for 30 s';
        throw new Error(pool.broken);
      }
    }
    if (Atomics.load(c, FAILED) === 1) {
      pool.broken = 'a SIMD helper thread failed in the matrix product';
      throw new Error(pool.broken);
    }
  }
}
