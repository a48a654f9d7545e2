/** Grades one part: parse the raw answer, then check it against the part's spec. Never throws. */
import { isBlank } from './could-not-read';
import { manual, noAnswer, unreadable } from './feedback';
import { gradeMatrix, gradeVector } from './grade-array';
import { gradeChoice } from './grade-choice';
import { gradeFormula } from './grade-formula';
import { gradeNumber } from './grade-number';
import { gradeShape } from './grade-shape';
import type { Feedback, PartSpec, RawAnswer } from './types';

export interface GradeOptions {
  /** Seed of the formula sample points (default: derived from the part's key, so grading is reproducible). */
  formulaSeed?: number;
}

/**
 * Feedback for `raw` against `spec`. Unreadable answers (status `unreadable`, message "Could not read…", or
 * "No answer yet." when blank) cost no attempt; marks are all-or-nothing; text parts are saved for the instructor.
 */
export function grade(spec: PartSpec, raw: RawAnswer | undefined, opts: GradeOptions = {}): Feedback {
  if (raw === undefined || isBlank(raw)) return noAnswer(spec);
  if (typeof raw !== 'string' && !Array.isArray(raw)) return unreadable(spec, 'Could not read the answer: it is not text');
  try {
    switch (spec.kind) {
      case 'number': return gradeNumber(spec, raw);
      case 'vector': return gradeVector(spec, raw);
      case 'matrix': return gradeMatrix(spec, raw);
      case 'shape': return gradeShape(spec, raw);
      case 'formula': return gradeFormula(spec, raw, opts.formulaSeed);
      case 'choice': return gradeChoice(spec, raw);
      case 'text': return manual(spec);
    }
  } catch (e) {
    return unreadable(spec, `Could not read the answer: an internal error occurred (${e instanceof Error ? e.message : String(e)}).`);
  }
  return unreadable(spec, 'Could not read the answer: unknown kind of question');
}
