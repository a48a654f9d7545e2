/**
 * Declares the Vitest tests that run tfjs-core's specs for every tfjs kernel the book replaces on one
 * backend: once with tfjs's kernels, once with the book's table registered (as selectBackend sets it
 * up), failing where a spec passes with tfjs's kernels and not with the book's. Specs that fail with
 * tfjs's kernels too are printed as "fails stock", not hidden.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BookKernelConfig, registerBookKernels, unregisterBookKernels } from '../../../src/tensor/kernel-table';
import { countKernelCalls } from './kernel-calls';
import { type RunResult, type TestEnv, loadSpecs, regressions, tally } from './jasmine-runner';
import { SPECS_BY_KERNEL, specFilesFor } from './spec-files';

/** The backend, its book table, how to start it, and what to redo on each fresh backend the specs make (ENGINE.reset()). */
export interface BackendUnderTest {
  env: TestEnv;
  table: readonly BookKernelConfig[];
  start(): Promise<void>;
  eachFresh?(): Promise<void>;
}

/** The "fails stock" report of one file: the counts of both runs, then each spec that fails with tfjs's kernels. */
export function report(file: string, stock: RunResult, book: RunResult): string {
  const s = stock.get(file) ?? new Map();
  const failsStock = [...s].filter(([, o]) => o.status === 'failed').map(([n]) => `\n  fails stock: ${n}`);
  return `${file}: stock ${JSON.stringify(tally(s))}, book's ${JSON.stringify(tally(book.get(file) ?? new Map()))}${failsStock.join('')}`;
}

/** Declares the comparison's tests for `b`. */
export function compareOnBackend(b: BackendUnderTest): void {
  const backend = b.env.backendName;
  const replaced = b.table.map((k) => k.kernelName).filter((n) => n in SPECS_BY_KERNEL);
  const files = specFilesFor(replaced);
  let stock: RunResult = new Map();
  let book: RunResult = new Map();
  let calls = new Map<string, number>();

  beforeAll(async () => {
    await b.start();
    const specs = await loadSpecs(files, [b.env]);
    unregisterBookKernels(tf, b.table);
    stock = await specs.run();
    registerBookKernels(tf, b.table);
    const counter = countKernelCalls(tf, backend, replaced, specs.running);
    try {
      book = await specs.run(b.eachFresh);
    } finally {
      counter.restore();
    }
    calls = counter.counts;
    await b.start();
  }, 600_000);

  afterAll(() => {
    console.log(files.map((f) => report(f, stock, book)).join('\n'));
  });

  describe(`tfjs-core's specs on ${backend}, tfjs's kernels vs the book's`, () => {
    for (const file of files) {
      it(`${file}: every spec that passes with tfjs's kernels passes with the book's`, () => {
        expect(tally(stock.get(file) ?? new Map()).passed).toBeGreaterThan(0);
        expect(regressions(new Map([[file, stock.get(file) ?? new Map()]]), book)).toEqual([]);
      });
    }
    for (const name of replaced) {
      it(`each spec file listed for ${name} calls the book's ${name} on ${backend}`, () => {
        expect(SPECS_BY_KERNEL[name].filter((f) => !calls.get(`${f} ${name}`))).toEqual([]);
      });
    }
  });
}
