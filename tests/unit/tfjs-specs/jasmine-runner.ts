/**
 * Runs tfjs-core's own jasmine specs (shipped in @tensorflow/tfjs-core/dist) inside a Vitest test:
 * one jasmine-core env whose describe/it/expect are made global before the spec files are imported,
 * executed as many times as asked (tfjs's kernels, then the book's), each run reporting every spec's outcome.
 */
import { createRequire } from 'node:module';

/** A test environment as tfjs-core's jasmine_util registers it (the backend its describeWithFlags suites run on). */
export interface TestEnv {
  name: string;
  backendName: string;
  flags?: Record<string, unknown>;
  isDataSync?: boolean;
}

/** One spec's outcome: passed, failed (with the first failure's message) or pending (disabled upstream with xit). */
export interface SpecOutcome {
  status: 'passed' | 'failed' | 'pending';
  message: string;
}

/** Outcomes by spec file, then by the spec's full name. */
export type RunResult = Map<string, Map<string, SpecOutcome>>;

interface JasmineSpecResult {
  id: string;
  fullName: string;
  status: string;
  failedExpectations: { message: string }[];
}
interface JasmineEnv {
  configure(c: object): void;
  addReporter(r: { suiteStarted(r: { id: string }): void; suiteDone(): void; specDone(r: JasmineSpecResult): void }): void;
  execute(runnables?: string[]): Promise<void>;
  topSuite(): { id: string; children: { id: string; description: string }[] };
}
type Jasmine = { getEnv(): JasmineEnv; DEFAULT_TIMEOUT_INTERVAL: number };
type JasmineRequire = { core(r: JasmineRequire): Jasmine; interface(j: Jasmine, env: JasmineEnv): Record<string, unknown> };

const CORE = '@tensorflow/tfjs-core/dist/';

/** The loaded specs: run(beforeEach) executes them all once more and returns every spec's outcome by file. */
export interface LoadedSpecs {
  files: string[];
  run(beforeEach?: () => Promise<void>): Promise<RunResult>;
  running(): string;
}

type Describe = (name: string, body: () => void) => void;

/**
 * Imports `files` (paths under tfjs-core's dist, e.g. 'ops/conv2d_test.js') with `envs` as jasmine_util's
 * only test environments. Their top-level suites are recorded, and each run replays them into a fresh
 * jasmine env (an env executed twice does not run its beforeAll hooks again).
 */
export async function loadSpecs(files: string[], envs: TestEnv[]): Promise<LoadedSpecs> {
  const jr = createRequire(import.meta.url)('jasmine-core/lib/jasmine-core/jasmine.js') as JasmineRequire;
  const g = globalThis as unknown as Record<string, unknown>;
  const recorded: { file: string; name: string; body: () => void }[] = [];
  let loading = '';
  g.describe = ((name, body) => {
    recorded.push({ file: loading, name, body });
  }) as Describe;
  for (const name of ['it', 'beforeAll', 'afterAll', 'beforeEach', 'afterEach'])
    g[name] = () => {
      throw new Error(`${loading}: ${name} outside a describe`);
    };
  const util = (await import(/* @vite-ignore */ `${CORE}jasmine_util.js`)) as { setTestEnvs(e: TestEnv[]): void };
  util.setTestEnvs(envs);
  for (const file of files) {
    loading = file;
    await import(/* @vite-ignore */ `${CORE}${file}`);
  }
  let running = '';
  return {
    files,
    running: () => running,
    async run(hook) {
      const jasmine = jr.core(jr);
      jasmine.DEFAULT_TIMEOUT_INTERVAL = 60_000;
      const env = jasmine.getEnv();
      env.configure({ random: false, failSpecWithNoExpectations: false, stopOnSpecFailure: false });
      Object.assign(globalThis, jr.interface(jasmine, env));
      if (hook) (g.beforeEach as (f: () => Promise<void>) => void)(hook);
      const suiteFile = new Map<string, string>();
      for (const { file, name, body } of recorded) {
        (g.describe as Describe)(name, body);
        suiteFile.set(env.topSuite().children.at(-1)?.id ?? '', file);
      }
      const result: RunResult = new Map(files.map((f) => [f, new Map()]));
      const open: string[] = [];
      env.addReporter({
        suiteStarted: (r) => {
          open.push(r.id);
          running = suiteFile.get(open[0]) ?? '';
        },
        suiteDone: () => {
          open.pop();
        },
        specDone(r) {
          const status = r.status === 'passed' ? 'passed' : r.status === 'failed' ? 'failed' : 'pending';
          const specs = result.get(suiteFile.get(open[0]) ?? '');
          specs?.set(specs.has(r.fullName) ? `${r.fullName} [${r.id}]` : r.fullName, {
            status,
            message: r.failedExpectations[0]?.message ?? '',
          });
        },
      });
      await env.execute();
      return result;
    },
  };
}

/** Specs that pass in `stock` but not in `book` (by file, then name), with the book's failure message. */
export function regressions(stock: RunResult, book: RunResult): { file: string; spec: string; message: string }[] {
  const out: { file: string; spec: string; message: string }[] = [];
  for (const [file, specs] of stock) {
    for (const [spec, s] of specs) {
      const b = book.get(file)?.get(spec);
      if (s.status === 'passed' && b?.status !== 'passed')
        out.push({ file, spec, message: b ? b.message : "not run with the book's kernels" });
    }
  }
  return out;
}

/** Counts of passed, failed and pending specs of one file in one run. */
export function tally(specs: Map<string, SpecOutcome>): Record<SpecOutcome['status'], number> {
  const t = { passed: 0, failed: 0, pending: 0 };
  for (const s of specs.values()) t[s.status]++;
  return t;
}
