/** Grades a shape answer: dimensions equal in order; the reversed (transposed) shape gets a named message. */
import { correct, unreadable, wrong } from './feedback';
import { parseShape } from './parse-shape';
import { singleText } from './raw-text';
import type { Feedback, PartSpec, RawAnswer } from './types';

type ShapeSpec = Extract<PartSpec, { kind: 'shape' }>;

/** Shape dimensions as `K×Da`. */
export function formatShape(dims: readonly string[]): string {
  return dims.join('×');
}

/** Built-in mistake id `transposed`. Unknown names are unreadable only when the spec lists `symbols`. */
export function gradeShape(spec: ShapeSpec, raw: RawAnswer): Feedback {
  const text = singleText(raw);
  if (text === undefined) return unreadable(spec, 'Could not read the answer: expected one shape such as K x Da');
  const known = [...new Set([...(spec.symbols ?? []), ...spec.answer, ...(spec.mistakes ?? []).flatMap((m) => m.value)])]
    .filter((s) => !/^\d+$/.test(s));
  const parsed = parseShape(text, known, spec.symbols !== undefined);
  if (!parsed.ok) return unreadable(spec, parsed.error);
  const dims = parsed.value;
  if (sameDims(dims, spec.answer)) return correct(spec, `: ${formatShape(dims)}.`);
  const mistake = spec.mistakes?.find((m) => sameDims(dims, m.value));
  if (mistake) return wrong(spec, mistake.message, { mistake: mistake.id });
  if (dims.length > 1 && sameDims([...dims].reverse(), spec.answer)) {
    return wrong(spec, `Not right: ${formatShape(dims)} looks transposed (the dimensions are in the wrong order).`, { mistake: 'transposed' });
  }
  if (dims.length !== spec.answer.length) {
    return wrong(spec, `Not right: expected ${spec.answer.length} dimensions, got ${dims.length}.`);
  }
  return wrong(spec, `Not right: ${formatShape(dims)} is not the expected shape.`);
}

function sameDims(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
