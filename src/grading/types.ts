/** Types of the instructor's regrade: graded submissions, flags and item grades. Plain JSON. */
import type { RubricCriterion } from '../exercises/kinds/text';
import type { Feedback, PartKind, RawAnswer, Variant } from '../exercises/types';
import type { RunRecord } from '../record/run-record';

/** Why a submission deserves a second look; none of them changes a mark by itself. */
export type FlagKind =
  | 'seed-mismatch'
  | 'variant-kind'
  | 'run-metrics'
  | 'unknown-key'
  | 'duplicate'
  | 'shared-wrong-answer'
  | 'grader-error'
  /** The reader dropped a malformed entry of a field that is never graded (attempts, results, student.name). */
  | 'read-note'
  /** The student id begins with a character a spreadsheet runs as a formula, so the CSV cannot write it verbatim. */
  | 'unsafe-id';

export interface Flag {
  kind: FlagKind;
  message: string;
  /** The answer key or run id the flag is about, when there is one. */
  key?: string;
}

/** How an item's marks were decided: all by the auto-grader, all by hand, or both. */
export type ItemStatus = 'auto' | 'manual' | 'mixed';

/** One graded answer key: what was typed, the reference for this variant, and the feedback. */
export interface GradedAnswer {
  key: string;
  item: string;
  kind: PartKind;
  raw: RawAnswer | undefined;
  /** The reference answer as display text ('' for free text). */
  reference: string;
  feedback: Feedback;
}

/** One gradebook column for one student. */
export interface ItemGrade {
  id: string;
  title: string;
  /** Marks awarded so far (auto marks, plus manual marks once applied). */
  marks: number;
  maxMarks: number;
  /** Marks the auto-grader decides. */
  autoMax: number;
  /** Marks left to manual grading (free text, or an item without an auto-grader yet). */
  manualMax: number;
  status: ItemStatus;
  /** True while some manual marks are still to be given. */
  pending: boolean;
  /** Set when a manual grade or override was applied. */
  manual?: { marks: number; comment: string; rubric: string[]; override: boolean };
  /** The criteria of the share left to hand marking, from the parts this submission was graded with (`handCriteria`); they add up to `manualMax`. */
  rubric: RubricCriterion[];
}

/** A submission regraded from its raw answers and run records. */
export interface GradedSubmission {
  /** The file (or archive entry) it came from. */
  source: string;
  studentId: string;
  name: string;
  createdAt: string;
  /** The variant the student's file declared. */
  declaredVariant: Variant;
  /** The variant the regrade used: recomputed from the id and the course salt. */
  variant: Variant;
  items: ItemGrade[];
  answers: GradedAnswer[];
  /** Answers under keys without an auto-grader (free text, Q2 parts pending exercises), for manual grading. */
  manualAnswers: { key: string; item: string; raw: RawAnswer }[];
  runs: RunRecord[];
  total: number;
  maxTotal: number;
  flags: Flag[];
}
