import type { RawAnswer, Variant } from '../exercises/types';
import type { StoredResult } from '../progress/progress';
import type { RunRecord } from '../record/run-record';

export const SUBMISSION_FORMAT = 'dlcv-hw1-submission';
export const SUBMISSION_VERSION = 1;

export type { StoredResult };

/** The submission file a student hands in (documented in docs/submission-format.md). */
export interface Submission {
  format: typeof SUBMISSION_FORMAT;
  version: typeof SUBMISSION_VERSION;
  student: { id: string; name: string };
  variant: Variant;
  /** Answers exactly as typed, under the homework's answer keys. */
  answers: Record<string, RawAnswer>;
  /** Checked attempts per exercise id (unreadable answers are not counted). */
  attempts: Record<string, number>;
  /** Advisory results per exercise id. */
  results: Record<string, StoredResult>;
  /** Training runs the student chose to hand in. */
  runs: RunRecord[];
  /** ISO 8601 time the file was written. */
  createdAt: string;
  app: { name: string; version: string };
}
