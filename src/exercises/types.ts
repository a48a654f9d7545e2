/** Shared types of the exercise engine: parse (raw text → value) and grade (value, spec → marks). */

/** What the student typed, unparsed: one string, a vector of strings, or matrix rows of strings. */
export type RawAnswer = string | string[] | string[][];

/** The outcome of reading a raw answer: a value, or a "could not read" reason (costs no attempt). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** A variant: `homework` uses the homework's numbers; `student` derives numbers from `seed`. */
export interface Variant {
  kind: 'homework' | 'student';
  /** 32-bit unsigned seed; 0 for the homework variant. */
  seed: number;
}

export type Tolerance = { rel?: number; abs?: number };

/** A named common mistake: when the student's value matches `value`, say `message`. */
export interface NumberMistake {
  id: string;
  value: number;
  message: string;
}
export interface ArrayMistake {
  id: string;
  value: number[] | number[][];
  message: string;
}
export interface FormulaMistake {
  id: string;
  expr: string;
  message: string;
}
export interface ChoiceMistake {
  id: string;
  chosen: string[];
  message: string;
}

export interface FormulaVariable {
  name: string;
  /** Sample domain [lo, hi]; `integer: true` samples integers; `values` picks from a list. */
  lo?: number;
  hi?: number;
  integer?: boolean;
  values?: number[];
  /** Tie to another variable: this one takes `name`'s value at points where variable `when` equals `is`
   *  (e.g. y_j = y_k where the Kronecker delta d is 1). */
  equals?: { name: string; when: string; is: number };
}

export type { PartSpec, PartKind, InputDef } from './kinds';

export type FeedbackStatus = 'correct' | 'partial' | 'wrong' | 'unreadable' | 'manual';

/** The result of grading one part. `message` begins with "Correct" exactly when status is correct. */
export interface Feedback {
  key: string;
  status: FeedbackStatus;
  marks: number;
  maxMarks: number;
  message: string;
  /** id of a named mistake the answer matched. */
  mistake?: string;
  /** Per-cell correctness of a vector (flat) or a matrix (rows). */
  cells?: boolean[] | boolean[][];
}
