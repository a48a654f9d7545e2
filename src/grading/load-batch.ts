/** Loads and regrades a batch of files: unpack archives, read each submission, resolve duplicate ids, grade. */
import type { CourseSettings } from '../course/course';
import type { ExerciseDef } from '../exercises/exercise';
import { EXERCISES } from '../homework/catalog';
import { readSubmission } from '../submission/read-submission';
import type { Submission } from '../submission/types';
import { gradeSubmission } from './grade-submission';
import type { GradedSubmission } from './types';
import { unpackFiles, type InputFile, type Rejected } from './unpack-files';

export type { InputFile, Rejected } from './unpack-files';

/** An older file of a student whose latest file was graded instead. */
export interface Superseded {
  name: string;
  studentId: string;
  createdAt: string;
  keptName: string;
}

export interface Batch {
  graded: GradedSubmission[];
  rejected: Rejected[];
  superseded: Superseded[];
}

/** A file read as a submission, with the reader's notes on what it dropped from the advisory fields. */
export interface ReadFile {
  name: string;
  sub: Submission;
  notes: string[];
}

/** Reads submissions from files; each unreadable one is rejected with its reason. `exerciseIds` as in readSubmission. */
export function readBatch(
  files: readonly InputFile[],
  exerciseIds: ReadonlySet<string> = new Set(EXERCISES.map((e) => e.id)),
): { submissions: ReadFile[]; rejected: Rejected[] } {
  const unpacked = unpackFiles(files);
  const rejected = unpacked.rejected.slice();
  const submissions: ReadFile[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const f of unpacked.files) {
    let text: string;
    try {
      text = decoder.decode(f.bytes);
    } catch {
      rejected.push({ name: f.name, reason: 'The file is not UTF-8 text.' });
      continue;
    }
    const r = readSubmission(text, { exerciseIds });
    if (r.ok) submissions.push({ name: f.name, sub: r.value, notes: r.notes });
    else rejected.push({ name: f.name, reason: r.error });
  }
  return { submissions, rejected };
}

/** Keeps each student's latest file (by createdAt, then by order given); the others are returned as superseded. Ids match trimmed and case-insensitively. */
export function dedupe<T extends { name: string; sub: Submission }>(
  subs: readonly T[],
): { kept: (T & { others: Superseded[] })[]; superseded: Superseded[] } {
  const byId = new Map<string, number[]>();
  subs.forEach((s, order) => {
    const id = s.sub.student.id.trim().toLowerCase();
    byId.set(id, [...(byId.get(id) ?? []), order]);
  });
  const kept: { order: number; others: Superseded[] }[] = [];
  const superseded: Superseded[] = [];
  for (const list of byId.values()) {
    const [latest, ...rest] = list.slice().sort((a, b) => Date.parse(subs[b].sub.createdAt) - Date.parse(subs[a].sub.createdAt) || b - a);
    const others = rest.map((r) => ({
      name: subs[r].name,
      studentId: subs[r].sub.student.id,
      createdAt: subs[r].sub.createdAt,
      keptName: subs[latest].name,
    }));
    superseded.push(...others);
    kept.push({ order: latest, others });
  }
  kept.sort((a, b) => a.order - b.order);
  return { kept: kept.map((k) => ({ ...subs[k.order], others: k.others })), superseded };
}

/** Reads, deduplicates and regrades every file; never throws for any input bytes. */
export async function loadBatch(
  files: readonly InputFile[],
  course: CourseSettings,
  catalog: readonly ExerciseDef[] = EXERCISES,
): Promise<Batch> {
  const { submissions, rejected } = readBatch(files, new Set([...EXERCISES, ...catalog].map((e) => e.id)));
  const { kept, superseded } = dedupe(submissions);
  const graded: GradedSubmission[] = [];
  for (const k of kept) {
    const g = await gradeSubmission(k.sub, course, catalog, k.name);
    g.flags.push(...k.notes.map((message) => ({ kind: 'read-note' as const, message })));
    if (k.others.length > 0) {
      const names = k.others.map((o) => o.name).join(', ');
      g.flags.push({ kind: 'duplicate', message: `${k.others.length} older file(s) of this student were not graded: ${names}.` });
    }
    graded.push(g);
  }
  return { graded, rejected, superseded };
}
