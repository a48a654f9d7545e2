/** What each exercise kind does on the page: its static HTML, and reading, writing, pasting into and marking its fields. */
import type { Feedback, RawAnswer } from '../../../src/exercises/types';

/** The page side of one exercise kind, for its input description `I`. */
export interface PageInput<I> {
  /** Static HTML of the input (every text escaped); `uid` makes an element id from a key. */
  render(input: I, label: string, uid: (key: string) => string): string;
  /** What is typed in the part, exactly as typed. */
  read(part: HTMLElement): RawAnswer;
  /** Shows a saved raw answer (or clears the part for `undefined`). */
  write(part: HTMLElement, raw: RawAnswer | undefined): void;
  /** Fills cells from a pasted grid starting at `target`; false when this kind takes pastes as plain text. */
  paste(part: HTMLElement, target: HTMLInputElement, grid: string[][]): boolean;
  /** Marks right and wrong cells from the feedback (kinds without cells do nothing). */
  mark(part: HTMLElement, feedback: Feedback): void;
}

/** Escapes text for HTML text and attribute values. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
