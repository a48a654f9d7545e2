/**
 * Picks the fastest working tfjs backend: webgpu → webgl → wasm → cpu by default. The book's kernel
 * table of that backend (kernels/wasm-kernels.ts, webgpu-kernels.ts, cpu-kernels.ts) is registered
 * first. Works in browsers and in Node (where webgpu needs a `navigator.gpu`, e.g. from the `webgpu`
 * package, and webgl is unavailable).
 */
import { type BookKernelConfig, registerBookKernels } from '../tensor/kernel-table';
import { type ProbeResult, probeWebgl, probeWebgpu } from './backend-probe';
import type { TF } from '../tensor/tf-types';

/** Backend names in the default order of preference. */
export const DEFAULT_BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

/** Options for selectBackend. */
export interface SelectOptions {
  /** Backends to try, in order (default DEFAULT_BACKENDS). */
  preferred?: string[];
  /** Folder (ending in '/') or URL prefix holding the tfjs-backend-wasm .wasm files. */
  wasmPaths?: string;
  /** Try GPU backends that run on a software renderer only after wasm (what `auto` does). */
  avoidSoftware?: boolean;
  /** Probes of the GPU backends (default: the real WebGPU adapter and WebGL renderer). */
  probes?: { webgpu?: () => Promise<ProbeResult>; webgl?: () => ProbeResult };
}

/** The backend chosen, what it runs on, and why each one tried or passed over before it was not used. */
export interface BackendChoice {
  name: string;
  failures: { name: string; reason: string }[];
  /** GPU backends passed over because they run on a software renderer. */
  skipped?: { name: string; reason: string }[];
  /** The GPU adapter or WebGL renderer of the chosen backend, when it is a GPU backend. */
  adapter?: string;
  /** True when the chosen GPU backend runs on a software renderer. */
  software?: boolean;
  /** wasm: the threads it runs on, and why not more (e.g. the page is not cross-origin isolated). */
  threads?: { count: number; reason: string };
  /** wasm: whether the book's SIMD kernels run, on how many helper threads, and what went wrong. */
  simdKernels?: import('./kernels/wasm-simd/runtime').SimdStatus;
}

/** The order to try: with `avoidSoftware`, GPU backends on a software renderer move after wasm (just before cpu). */
export function tryOrder(order: string[], software: ReadonlySet<string>, avoidSoftware: boolean): string[] {
  if (!avoidSoftware || software.size === 0) return order;
  const rest = order.filter((n) => !software.has(n) && n !== 'cpu');
  const late = order.filter((n) => software.has(n));
  return [...rest, ...late, ...order.filter((n) => n === 'cpu')];
}

function nodeCwd(): string | null {
  const proc = (globalThis as { process?: { versions?: { node?: string }; cwd?: () => string } }).process;
  return proc?.versions?.node && proc.cwd ? proc.cwd() : null;
}

/** Makes the backend's package register itself (webgpu and wasm are loaded on demand). */
async function loadBackendPackage(tf: TF, name: string, opts: SelectOptions): Promise<void> {
  if (name === 'webgpu' && !tf.findBackendFactory('webgpu')) {
    if (!(globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu) throw new Error('navigator.gpu is not available (no WebGPU)');
    await import('@tensorflow/tfjs-backend-webgpu');
  }
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const cwd = nodeCwd();
    const paths = opts.wasmPaths ?? (cwd ? `${cwd}/node_modules/@tensorflow/tfjs-backend-wasm/dist/` : undefined);
    if (paths) wasm.setWasmPaths(paths);
    const threads = await import('./threads');
    const plan = threads.planWasmThreads(threads.currentThreadsEnv(), threads.wasmThreadsRequested());
    threads.enableWasmThreads(tf, wasm, plan);
    wasmPlan = plan;
  }
  registerBookKernels(tf, await bookKernelTable(name));
}

/** The book's kernel table for backend `name` (empty for webgl, which keeps tfjs's kernels). */
export async function bookKernelTable(name: string): Promise<readonly BookKernelConfig[]> {
  if (name === 'wasm') return (await import('./kernels/wasm-kernels')).WASM_KERNELS;
  if (name === 'webgpu') return (await import('./kernels/webgpu-kernels')).WEBGPU_KERNELS;
  if (name === 'cpu') return (await import('./kernels/cpu-kernels')).CPU_KERNELS;
  return [];
}

/** The thread plan of the wasm backend's start (its pool is fixed from then on). */
let wasmPlan: { threads: number; reason: string } | null = null;

async function wasmThreads(): Promise<BackendChoice['threads']> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const count = wasm.getThreadsCount();
  return { count, reason: count === wasmPlan?.threads ? wasmPlan.reason : `${count} thread(s)` };
}

async function probe(name: string, opts: SelectOptions): Promise<ProbeResult | null> {
  if (name === 'webgpu') return (opts.probes?.webgpu ?? probeWebgpu)();
  if (name === 'webgl') return (opts.probes?.webgl ?? probeWebgl)();
  return null;
}

/** Tries each preferred backend in order and switches tf to the first that initialises. */
export async function selectBackend(tf: TF, opts: SelectOptions = {}): Promise<BackendChoice> {
  const preferred = opts.preferred ?? [...DEFAULT_BACKENDS];
  const failures: { name: string; reason: string }[] = [];
  const probes = new Map<string, ProbeResult>();
  for (const name of preferred) {
    const p = await probe(name, opts);
    if (p) probes.set(name, p);
  }
  const software = new Set([...probes].filter(([, p]) => p.ok && p.software).map(([n]) => n));
  const order = tryOrder(preferred, software, opts.avoidSoftware ?? false);
  const passedOver = (chosen: string) =>
    preferred
      .filter((n) => software.has(n) && order.indexOf(n) > order.indexOf(chosen) && preferred.indexOf(n) < preferred.indexOf(chosen))
      .map((n) => ({
        name: n,
        reason: `runs on a software renderer (${(probes.get(n) as { adapter: string }).adapter}), much slower than ${chosen} here`,
      }));
  for (const name of order) {
    const p = probes.get(name);
    if (p && !p.ok) {
      failures.push({ name, reason: p.reason });
      continue;
    }
    try {
      await loadBackendPackage(tf, name, opts);
      if (!tf.findBackendFactory(name)) throw new Error('backend is not registered (its package is not loaded)');
      const ok = await tf.setBackend(name);
      if (!ok) throw new Error('initialisation failed');
      await tf.ready();
      if (tf.getBackend() !== name) throw new Error(`tf switched to ${tf.getBackend()} instead`);
      const skipped = passedOver(name);
      if (p) return { name, failures, skipped, adapter: p.adapter, software: p.software };
      if (name !== 'wasm') return { name, failures, skipped };
      const threads = await wasmThreads();
      const simdKernels = await (await import('./kernels/wasm-simd/runtime')).prepareSimdKernels(
        tf.backend() as never,
        threads?.count ?? 1,
      );
      return { name, failures, skipped, threads, simdKernels };
    } catch (e) {
      failures.push({ name, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  throw new Error(`no tfjs backend could be initialised: ${failures.map((f) => `${f.name}: ${f.reason}`).join('; ')}`);
}
