/** What every exercise kind provides: its grading, its reference text and example answers, typed by its part spec. */
import type { Feedback, RawAnswer } from '../types';

/** Options of grading that only some kinds read. */
export interface GradeOptions {
  /** Seed of the formula sample points (default: derived from the part's key, so grading is reproducible). */
  formulaSeed?: number;
}

/** One kind of exercise input (`S`: its part spec for a variant; `I`: its static input description for the page). */
export interface ExerciseKind<
  S extends { kind: string; key: string; marks: number },
  I extends { kind: S['kind']; key: string; label: string },
> {
  /** Feedback for a non-blank raw answer (parse, then check against `spec`). */
  grade(spec: S, raw: RawAnswer, opts: GradeOptions): Feedback;
  /** `spec`'s answer as display text, for the instructor's detail view and feedback files ('' where there is none). */
  reference(spec: S): string;
  /** An answer as a student would type it that grades as correct (grader tests, benchmarks, e2e hand-ins). */
  exampleRight(spec: S): RawAnswer;
  /** A readable answer that grades as wrong, varied by `k` (a small positive integer). */
  exampleWrong(spec: S, k: number): RawAnswer;
  /** Never called: carries the input type `I` so the registry can derive `InputDef`. */
  readonly input?: I;
}

/** A one-line typed input (number, formula, shape) or a free text box. */
export interface LineInput<K extends string> {
  key: string;
  kind: K;
  label: string;
  placeholder?: string;
  /** One example of accepted input shown with the prompt (default: the kind's own neutral example). */
  example?: string;
}
