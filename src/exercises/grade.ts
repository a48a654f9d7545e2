/** Grades one part: parse the raw answer, then check it against the part's spec with its kind's module. Never throws. */
import { isBlank } from './could-not-read';
import { noAnswer, unreadable } from './feedback';
import { kindOf } from './kinds';
import type { GradeOptions } from './kinds/kind';
import type { Feedback, PartSpec, RawAnswer } from './types';

export type { GradeOptions } from './kinds/kind';

/**
 * Feedback for `raw` against `spec`. Unreadable answers (status `unreadable`, message "Could not read…", or
 * "No answer yet." when blank) cost no attempt; marks are all-or-nothing; text parts are saved for the instructor.
 */
export function grade(spec: PartSpec, raw: RawAnswer | undefined, opts: GradeOptions = {}): Feedback {
  if (raw === undefined || isBlank(raw)) return noAnswer(spec);
  if (typeof raw !== 'string' && !Array.isArray(raw)) return unreadable(spec, 'Could not read the answer: it is not text');
  const kind = kindOf(spec);
  if (!kind) return unreadable(spec, 'Could not read the answer: unknown kind of question');
  try {
    return kind.grade(spec, raw, opts);
  } catch (e) {
    return unreadable(spec, `Could not read the answer: an internal error occurred (${e instanceof Error ? e.message : String(e)}).`);
  }
}
