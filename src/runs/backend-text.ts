/** The training widget's backend line: which backend runs, on what, why `auto` chose it, and why the others were not used. */
import type { BackendChoice } from '../train/backends';

/** One line on the backend: the one that runs (and its adapter), the software renderers `auto` passed over, and the failures. */
export function backendText(choice: BackendChoice, auto: boolean): string {
  const parts = [`Backend: ${choice.name}.`];
  if (choice.adapter) {
    parts.push(
      choice.software
        ? `It runs on ${choice.adapter}, a software renderer on the CPU: expect slow training${auto ? ' (nothing faster started here)' : '; wasm is usually faster on such a machine'}.`
        : `GPU: ${choice.adapter}.`,
    );
  }
  const skipped = choice.skipped ?? [];
  if (auto) {
    const why = skipped.length
      ? `auto chose ${choice.name} over ${skipped.map((s) => `${s.name}, which ${s.reason}`).join('; ')}.`
      : `auto chose the first backend that started${choice.failures.length ? '' : ', the fastest kind'}.`;
    parts.push(why[0].toUpperCase() + why.slice(1));
  }
  if (choice.threads)
    parts.push(
      choice.threads.count > 1
        ? `It trains on ${choice.threads.count} CPU threads.`
        : `It trains on one CPU thread: ${choice.threads.reason}.`,
    );
  const simd = choice.simdKernels;
  if (simd && !simd.running) parts.push(`The book's faster wasm kernels are off (${simd.problem}), so training is slower.`);
  else if (simd?.problem) parts.push(`The book's faster wasm kernels run on one thread only (${simd.problem}).`);
  if (choice.failures.length) parts.push(`Not available: ${choice.failures.map((f) => `${f.name} (${f.reason})`).join('; ')}.`);
  return parts.join(' ');
}
