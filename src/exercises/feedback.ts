/** Builders for `Feedback` that keep the DOM contract: the message begins with "Correct" exactly when correct. */
import type { Feedback, PartSpec } from './types';

/** Full marks; `detail` follows "Correct" (e.g. ": 3.3219."). */
export function correct(spec: PartSpec, detail = '.'): Feedback {
  return { key: spec.key, status: 'correct', marks: spec.marks, maxMarks: spec.marks, message: `Correct${detail}` };
}

/** No marks; the message is guaranteed not to begin with "Correct". */
export function wrong(spec: PartSpec, message: string, extra: Partial<Pick<Feedback, 'mistake' | 'cells'>> = {}): Feedback {
  return { key: spec.key, status: 'wrong', marks: 0, maxMarks: spec.marks, message: notCorrect(message), ...extra };
}

/** Cannot be read (no attempt counted); the message should begin "Could not read". */
export function unreadable(spec: PartSpec, message: string): Feedback {
  return { key: spec.key, status: 'unreadable', marks: 0, maxMarks: spec.marks, message: notCorrect(message) };
}

/** Nothing typed yet. */
export function noAnswer(spec: PartSpec): Feedback {
  return { key: spec.key, status: 'unreadable', marks: 0, maxMarks: spec.marks, message: 'No answer yet.' };
}

/** Saved for the instructor to mark by hand. */
export function manual(spec: PartSpec): Feedback {
  return { key: spec.key, status: 'manual', marks: 0, maxMarks: spec.marks, message: 'Saved for the instructor.' };
}

/** `message`, prefixed when it would otherwise begin with "Correct" (a spec author's mistake message could). */
export function notCorrect(message: string): string {
  return /^\s*correct/i.test(message) ? `Not quite: ${message}` : message;
}
