/** Grades a shape answer: dimensions equal in order; the reversed (transposed) shape gets a named message. */
import { correct, unreadable, wrong } from './feedback';
import { parseShape } from './parse-shape';
import { singleText } from './raw-text';
import type { Feedback, Parsed, PartSpec, RawAnswer } from './types';

type ShapeSpec = Extract<PartSpec, { kind: 'shape' }>;

/** Shape dimensions as `K×Da`. */
export function formatShape(dims: readonly string[]): string {
  return dims.join('×');
}

/**
 * Built-in mistake ids: `transposed`; `one-dim` (numpy's 1-D shape `(K,)` where the homework writes a column K×1 or a
 * row 1×K). Unknown names are unreadable only when the spec lists `symbols`.
 */
export function gradeShape(spec: ShapeSpec, raw: RawAnswer): Feedback {
  const text = singleText(raw);
  if (text === undefined) return unreadable(spec, 'Could not read the answer: expected one shape such as K x Da');
  const parsed = parseShapeAnswer(spec, text);
  if (!parsed.ok) return unreadable(spec, parsed.error);
  const dims = parsed.value;
  if (sameDims(dims, spec.answer)) return correct(spec, `: ${formatShape(dims)}.`);
  const mistake = spec.mistakes?.find((m) => sameDims(dims, m.value));
  if (mistake) return wrong(spec, mistake.message, { mistake: mistake.id });
  if (isOneDim(dims, spec.answer)) {
    const column = spec.answer[1] === '1';
    return wrong(
      spec,
      `Not right: ${dims[0]} alone is a 1-D (numpy) shape; this homework writes a vector as a ${column ? 'column' : 'row'}, with 1 as its ${column ? 'second' : 'first'} dimension.`,
      { mistake: 'one-dim' },
    );
  }
  if (dims.length > 1 && sameDims([...dims].reverse(), spec.answer)) {
    return wrong(spec, `Not right: ${formatShape(dims)} looks transposed (the dimensions are in the wrong order).`, {
      mistake: 'transposed',
    });
  }
  if (dims.length !== spec.answer.length) {
    return wrong(spec, `Not right: expected ${spec.answer.length} dimensions, got ${dims.length}.`);
  }
  return wrong(spec, `Not right: ${formatShape(dims)} is not the expected shape.`);
}

/** `text` read as a shape with the spelling of `spec`'s symbols (strict when it lists them). */
export function parseShapeAnswer(spec: ShapeSpec, text: string): Parsed<string[]> {
  const known = [...new Set([...(spec.symbols ?? []), ...spec.answer, ...(spec.mistakes ?? []).flatMap((m) => m.value)])].filter(
    (s) => !/^\d+$/.test(s),
  );
  return parseShape(text, known, spec.symbols !== undefined);
}

function isOneDim(dims: readonly string[], answer: readonly string[]): boolean {
  if (dims.length !== 1 || answer.length !== 2) return false;
  return (answer[1] === '1' && answer[0] === dims[0]) || (answer[0] === '1' && answer[1] === dims[0]);
}

function sameDims(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
