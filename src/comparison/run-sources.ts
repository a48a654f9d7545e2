/** The runs the comparison reads: those kept in this browser and those handed in, one entry per id, and the default selection. */
import { latestRun } from '../record/latest-run';
import { RUN_QUESTIONS, type RunQuestion } from '../record/questions';
import { type RunRecord, validateRunRecord } from '../record/run-record';

/** The homework questions whose runs the comparison is about, in order. */
export const HOMEWORK_QUESTIONS = RUN_QUESTIONS;
export type HomeworkQuestion = RunQuestion;

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

/** Why a run is ticked by default: it is the handed-in run the exercises are checked against, or (none handed in for its question) the latest finished one listed. */
export interface DefaultPick {
  question: HomeworkQuestion;
  id: string;
  handedIn: boolean;
}

/** The runs ticked by default, question by question: the handed-in run the exercises read (latestRun of `handedIn`), else the latest finished run of `runs`. */
export function defaultPicks(runs: readonly RunRecord[], handedIn: readonly RunRecord[] = []): DefaultPick[] {
  const handed = latestPerQuestion(handedIn);
  const listed = latestPerQuestion(runs);
  return HOMEWORK_QUESTIONS.flatMap((question): DefaultPick[] => {
    const h = handed[question];
    const l = listed[question];
    return h ? [{ question, id: h.id, handedIn: true }] : l ? [{ question, id: l.id, handedIn: false }] : [];
  });
}

/** Ids ticked by default (see defaultPicks). */
export function defaultSelection(runs: readonly RunRecord[], handedIn: readonly RunRecord[] = []): string[] {
  return defaultPicks(runs, handedIn).map((p) => p.id);
}

/** The sentence that says which runs are ticked by default and why. */
export function defaultSelectionText(picks: readonly DefaultPick[]): string {
  if (picks.length === 0) return 'No finished run is listed, so none is ticked by default.';
  const handed = picks.filter((p) => p.handedIn);
  const other = picks.filter((p) => !p.handedIn);
  const list = (ps: readonly DefaultPick[]) => ps.map((p) => `${p.question}: ${p.id}`).join('; ');
  return [
    handed.length > 0 ? `Ticked by default: your handed-in runs, the ones the exercises below are checked against (${list(handed)}).` : '',
    other.length > 0
      ? `${handed.length > 0 ? 'Also ticked' : 'Ticked by default'}, with no run handed in for ${other.length === 1 ? 'its question' : 'their questions'}: the latest finished run (${list(other)}), which the exercises do not read until you hand it in.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}
