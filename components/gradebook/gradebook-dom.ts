/** Display text of the instructor page: answers and marks. */

/** A raw answer as display text: vectors as "a, b", matrix rows separated by " | ". */
export function rawText(raw: unknown): string {
  if (raw === undefined) return '(no answer)';
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw)) return raw.map((c) => (Array.isArray(c) ? c.join(', ') : String(c))).join(Array.isArray(raw[0]) ? ' | ' : ', ');
  return String(raw);
}

export { fmtMarks } from '../../src/grading/format-marks';
