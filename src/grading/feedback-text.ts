/** The per-student feedback file: marks per item, each answer as typed with its reference and feedback, comments, flags. */
import type { RawAnswer } from '../exercises/types';
import { marksOf } from './format-marks';
import type { GradedSubmission } from './types';

const showRaw = (raw: RawAnswer | undefined): string => {
  if (raw === undefined) return '(no answer)';
  if (typeof raw === 'string') return raw.trim() === '' ? '(blank)' : raw;
  return raw.map((c) => (Array.isArray(c) ? `[${c.join(', ')}]` : c)).join(Array.isArray(raw[0]) ? ' ' : ', ');
};

const indent = (text: string): string => text.replace(/\r?\n/g, '\n      ');

export interface FeedbackOptions {
  /** Include the reference answers (default true, as `npm run grade` writes them; the student edition's instructor page passes false). */
  withReference?: boolean;
  /** Include the instructor's flags (default false: flags are for the instructor). */
  withFlags?: boolean;
}

/** Plain-text feedback for one student. */
export function feedbackText(g: GradedSubmission, course = 'Homework 1', opts: FeedbackOptions = {}): string {
  const withRef = opts.withReference ?? true;
  const lines: string[] = [
    `${course}: feedback for ${g.name || '(no name)'} (${g.studentId})`,
    `Total: ${marksOf(g.total, g.maxTotal)}${g.items.some((i) => i.pending) ? ' (some parts are still to be graded by hand)' : ''}`,
    '',
  ];
  for (const it of g.items) {
    lines.push(`${it.id} ${it.title}: ${marksOf(it.marks, it.maxMarks)}${it.pending ? ' (pending manual grading)' : ''}`);
    for (const a of g.answers.filter((x) => x.item === it.id)) {
      lines.push(`  ${a.key}`, `    Your answer: ${indent(showRaw(a.raw))}`);
      if (withRef && a.reference !== '') lines.push(`    Reference:   ${a.reference}`);
      lines.push(`    Feedback:    ${a.feedback.message} (${marksOf(a.feedback.marks, a.feedback.maxMarks)})`);
    }
    for (const m of g.manualAnswers.filter((x) => x.item === it.id && !g.answers.some((a) => a.key === x.key))) {
      lines.push(`  ${m.key}`, `    Your answer: ${indent(showRaw(m.raw))}`);
    }
    if (it.manual?.comment) lines.push(`  Comment: ${indent(it.manual.comment)}`);
  }
  if (opts.withFlags && g.flags.length > 0) {
    lines.push('', 'Flags:');
    for (const f of g.flags) lines.push(`  - ${f.kind}: ${f.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A safe file name for a student's feedback (`feedback-<id>.txt`). */
export function feedbackFileName(g: GradedSubmission): string {
  const id =
    g.studentId
      .replace(/[^A-Za-z0-9_@.-]+/g, '_')
      .replace(/^\.+/, '_')
      .slice(0, 60) || 'student';
  return `feedback-${id}.txt`;
}

/** Every student's feedback as named text files; names that collide get `-2`, `-3`, … */
export function feedbackFiles(
  graded: readonly GradedSubmission[],
  course = 'Homework 1',
  opts: FeedbackOptions = {},
): { name: string; text: string }[] {
  const used = new Set<string>();
  return graded.map((g) => {
    const base = feedbackFileName(g);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = base.replace(/\.txt$/, `-${n}.txt`);
    used.add(name.toLowerCase());
    return { name, text: feedbackText(g, course, opts) };
  });
}
