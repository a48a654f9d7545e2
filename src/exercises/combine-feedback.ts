import type { Feedback, FeedbackStatus } from './types';
import { round } from './round';

/** One exercise's overall result from its parts' feedback; any unreadable part makes it unreadable (no attempt). */
export function combineFeedback(
  parts: Feedback[],
  labels: Map<string, string> = new Map(),
): { status: FeedbackStatus; marks: number; maxMarks: number; message: string } {
  const maxMarks = round(
    parts.reduce((s, f) => s + f.maxMarks, 0),
    3,
  );
  const name = (f: Feedback): string => labels.get(f.key) || f.key;
  const unreadable = parts.filter((f) => f.status === 'unreadable');
  if (unreadable.length > 0) {
    const lines = unreadable.map((f) => (parts.length > 1 ? labelled(name(f), f.message) : f.message));
    const first = lines[0].startsWith('Could not read') ? '' : 'Could not read your answer. ';
    return { status: 'unreadable', marks: 0, maxMarks, message: `${first}${lines.join('\n')}\nThis check did not count as an attempt.` };
  }
  const marks = round(
    parts.reduce((s, f) => s + f.marks, 0),
    3,
  );
  const graded = parts.filter((f) => f.status !== 'manual');
  if (graded.length === 0) {
    return { status: 'manual', marks: 0, maxMarks, message: 'Saved for the instructor, who marks this answer by hand.' };
  }
  const allRight = graded.every((f) => f.status === 'correct');
  const manualNote = graded.length < parts.length ? '\nThe free-text part is saved for the instructor.' : '';
  if (allRight) {
    const detail =
      parts.length > 1 ? `\n${graded.map((f) => labelled(name(f), f.message)).join('\n')}` : ` ${stripCorrect(graded[0].message)}`;
    return {
      status: 'correct',
      marks,
      maxMarks,
      message: `Correct — ${marks} of ${maxMarks} ${maxMarks === 1 ? 'mark' : 'marks'}.${detail}${manualNote}`.trimEnd(),
    };
  }
  const status: FeedbackStatus = marks > 0 ? 'partial' : 'wrong';
  const lines = parts.length > 1 ? graded.map((f) => labelled(name(f), f.message)) : [graded[0].message];
  return {
    status,
    marks,
    maxMarks,
    message: `Not yet — ${marks} of ${maxMarks} ${maxMarks === 1 ? 'mark' : 'marks'}.\n${lines.join('\n')}${manualNote}`,
  };
}

/** "label: message", without a colon after a label that ends in its own punctuation ("…computed naively? Not right."). */
function labelled(label: string, message: string): string {
  return /[?!:]$/.test(label) ? `${label} ${message}` : `${label}: ${message}`;
}

function stripCorrect(message: string): string {
  return message.replace(/^Correct[.!:—\s-]*/, '');
}
