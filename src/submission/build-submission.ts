import type { Variant } from '../exercises/types';
import type { Progress } from '../progress/progress';
import { emptyProgress } from '../progress/progress';
import { SUBMISSION_FORMAT, SUBMISSION_VERSION, type Submission } from './types';

export const APP = { name: 'dlcv-hw1-book', version: '0.1.0' } as const;

/** Builds the submission file's object from a student's progress. Throws if no student is set. */
export function buildSubmission(progress: Progress, variant: Variant, now = new Date()): Submission {
  if (!progress.student || progress.student.id.trim() === '') throw new Error('Enter your student id before downloading a submission.');
  return {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    student: { ...progress.student },
    variant: { ...variant },
    answers: structuredClone(progress.answers),
    attempts: { ...progress.attempts },
    results: structuredClone(progress.results),
    runs: structuredClone(progress.runs),
    createdAt: now.toISOString(),
    app: { ...APP },
  };
}

/** Restores progress from a (validated) submission, e.g. on another computer. */
export function progressFromSubmission(sub: Submission, now = new Date()): Progress {
  return {
    ...emptyProgress(now),
    student: { ...sub.student },
    answers: structuredClone(sub.answers),
    attempts: { ...sub.attempts },
    results: structuredClone(sub.results),
    runs: structuredClone(sub.runs),
  };
}

/** A file name for the download: `hw1-<id>-<date>.json`, safe on every file system. */
export function submissionFileName(sub: Submission): string {
  const id = sub.student.id.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40) || 'student';
  return `hw1-${id}-${sub.createdAt.slice(0, 10)}.json`;
}
