/** Grades a choice answer: full marks for exactly the correct set; named mistakes by chosen set. */
import { correct, unreadable, wrong } from './feedback';
import { parseChoice } from './parse-choice';
import type { Feedback, PartSpec, RawAnswer } from './types';

type ChoiceSpec = Extract<PartSpec, { kind: 'choice' }>;

/** Built-in mistake id `incomplete`: only right options chosen, but not all of them. */
export function gradeChoice(spec: ChoiceSpec, raw: RawAnswer): Feedback {
  const ids = typeof raw === 'string' ? raw : (raw as unknown[]).flat().filter((c): c is string => typeof c === 'string');
  const parsed = parseChoice(ids, spec.options, spec.multiple);
  if (!parsed.ok) return unreadable(spec, parsed.error);
  const chosen = new Set(parsed.value);
  const right = new Set(spec.correct);
  if (sameSet(chosen, right)) return correct(spec);
  const mistake = spec.mistakes?.find((m) => sameSet(chosen, new Set(m.chosen)));
  if (mistake) return wrong(spec, mistake.message, { mistake: mistake.id });
  if (spec.multiple && [...chosen].every((id) => right.has(id))) {
    return wrong(spec, 'Not complete: what you chose is right, but something is missing.', { mistake: 'incomplete' });
  }
  return wrong(spec, spec.multiple ? 'Not right: at least one of your choices is wrong.' : 'Not right.');
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
