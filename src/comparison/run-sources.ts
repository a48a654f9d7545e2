/** The runs the comparison reads: those kept in this browser and those handed in, one entry per id, and the default selection. */
import { latestRun } from '../homework/run-context';
import { type RunRecord, validateRunRecord } from '../train/run-record';

/** The homework questions whose runs the comparison is about, in order. */
export const HOMEWORK_QUESTIONS = ['q2.2', 'q2.3', 'q2.4'] as const;
export type HomeworkQuestion = (typeof HOMEWORK_QUESTIONS)[number];

/** One run with where it was found. */
export interface ListedRun {
  run: RunRecord;
  /** Kept in this browser's run store (trained in the page or imported). */
  stored: boolean;
  /** In the submission (the copy the grader and the exercises read). */
  handedIn: boolean;
}

/** The runs that pass the run-record checks, and for each one that does not, its id (if any) and the problem; nothing is changed in the store. */
export function readableRuns(runs: readonly unknown[]): { runs: RunRecord[]; problems: string[] } {
  const ok: RunRecord[] = [];
  const problems: string[] = [];
  for (const r of runs) {
    const v = validateRunRecord(r);
    if (v.ok) ok.push(v.value);
    else {
      const id = typeof (r as { id?: unknown })?.id === 'string' ? (r as { id: string }).id : 'a run without an id';
      problems.push(`${id}: ${v.error}`);
    }
  }
  return { runs: ok, problems };
}

/** Merges the stored and handed-in runs by id (the handed-in copy wins, as the exercises read it), newest first. */
export function mergeRuns(stored: readonly RunRecord[], handedIn: readonly RunRecord[]): ListedRun[] {
  const byId = new Map<string, ListedRun>();
  for (const run of stored) if (!byId.has(run.id)) byId.set(run.id, { run, stored: true, handedIn: false });
  for (const run of handedIn) {
    const seen = byId.get(run.id);
    byId.set(run.id, { run, stored: seen?.stored ?? false, handedIn: true });
  }
  return [...byId.values()].sort((a, b) => (a.run.createdAt < b.run.createdAt ? 1 : a.run.createdAt > b.run.createdAt ? -1 : 0));
}

/** The latest run with test results for each homework question (as the exercises pick them), question by question; absent questions are left out. */
export function latestPerQuestion(runs: readonly RunRecord[]): Partial<Record<HomeworkQuestion, RunRecord>> {
  const out: Partial<Record<HomeworkQuestion, RunRecord>> = {};
  for (const q of HOMEWORK_QUESTIONS) {
    const r = latestRun(q, runs);
    if (r) out[q] = r;
  }
  return out;
}

/** Ids ticked by default: the latest finished run of each question. */
export function defaultSelection(runs: readonly RunRecord[]): string[] {
  return Object.values(latestPerQuestion(runs)).map((r) => r.id);
}
