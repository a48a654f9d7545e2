import type { FeedbackStatus, RawAnswer } from '../exercises/types';
import type { RunRecord } from '../record/run-record';

/** The advisory result the student's page computed; the instructor's regrade ignores it. */
export interface StoredResult {
  status: FeedbackStatus;
  marks: number;
  maxMarks: number;
}

/** A student's progress in the book: what they typed, checked and handed in. Plain JSON. */
export interface Progress {
  version: 1;
  student: { id: string; name: string } | null;
  answers: Record<string, RawAnswer>;
  /** Checked attempts per exercise id. */
  attempts: Record<string, number>;
  /** Last result per exercise id (advisory). */
  results: Record<string, StoredResult>;
  /** Hints revealed per exercise id. */
  hints: Record<string, number>;
  /** Training runs the student keeps for the submission. */
  runs: RunRecord[];
  updatedAt: string;
}

/** A fresh, empty progress. */
export function emptyProgress(now = new Date()): Progress {
  return { version: 1, student: null, answers: {}, attempts: {}, results: {}, hints: {}, runs: [], updatedAt: now.toISOString() };
}

/** Sets the student's id and name (trimmed). */
export function withStudent(p: Progress, id: string, name: string, now = new Date()): Progress {
  return { ...p, student: { id: id.trim(), name: name.trim() }, updatedAt: now.toISOString() };
}

/** Stores a raw answer under its key; an empty answer removes the key. */
export function withAnswer(p: Progress, key: string, raw: RawAnswer, now = new Date()): Progress {
  const answers = { ...p.answers };
  if (isEmptyAnswer(raw)) delete answers[key];
  else answers[key] = raw;
  return { ...p, answers, updatedAt: now.toISOString() };
}

/** Records the result of a Check; unreadable answers do not count as an attempt. */
export function withCheck(p: Progress, exerciseId: string, result: StoredResult, now = new Date()): Progress {
  const counts = result.status !== 'unreadable';
  return {
    ...p,
    attempts: counts ? { ...p.attempts, [exerciseId]: (p.attempts[exerciseId] ?? 0) + 1 } : p.attempts,
    results: counts ? { ...p.results, [exerciseId]: result } : p.results,
    updatedAt: now.toISOString(),
  };
}

/** Counts one more revealed hint of an exercise. */
export function withHint(p: Progress, exerciseId: string, shown: number, now = new Date()): Progress {
  return { ...p, hints: { ...p.hints, [exerciseId]: Math.max(p.hints[exerciseId] ?? 0, shown) }, updatedAt: now.toISOString() };
}

/** Adds or replaces (by id) a run record kept for the submission. */
export function withRun(p: Progress, run: RunRecord, now = new Date()): Progress {
  return { ...p, runs: [...p.runs.filter((r) => r.id !== run.id), run], updatedAt: now.toISOString() };
}

/** Removes a kept run record. */
export function withoutRun(p: Progress, runId: string, now = new Date()): Progress {
  return { ...p, runs: p.runs.filter((r) => r.id !== runId), updatedAt: now.toISOString() };
}

/** True for an answer with nothing typed in it. */
export function isEmptyAnswer(raw: RawAnswer): boolean {
  if (typeof raw === 'string') return raw.trim() === '';
  return raw.every((c) => (Array.isArray(c) ? c.every((x) => x.trim() === '') : c.trim() === ''));
}
