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
export interface Superseded { name: string; studentId: string; createdAt: string; keptName: string }

export interface Batch {
  graded: GradedSubmission[];
  rejected: Rejected[];
  superseded: Superseded[];
}

/** Reads submissions from files; each unreadable one is rejected with its reason. */
export function readBatch(files: readonly InputFile[]): { submissions: { name: string; sub: Submission }[]; rejected: Rejected[] } {
  const unpacked = unpackFiles(files);
  const rejected = unpacked.rejected.slice();
  const submissions: { name: string; sub: Submission }[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const f of unpacked.files) {
    let text: string;
    try {
      text = decoder.decode(f.bytes);
    } catch {
      rejected.push({ name: f.name, reason: 'The file is not UTF-8 text.' });
      continue;
    }
    const r = readSubmission(text);
    if (r.ok) submissions.push({ name: f.name, sub: r.value });
    else rejected.push({ name: f.name, reason: r.error });
  }
  return { submissions, rejected };
}

/** Keeps each student's latest file (by createdAt, then by order given); the others are returned as superseded. */
export function dedupe(subs: readonly { name: string; sub: Submission }[]): { kept: { name: string; sub: Submission; others: Superseded[] }[]; superseded: Superseded[] } {
  const byId = new Map<string, { name: string; sub: Submission; order: number }[]>();
  subs.forEach((s, order) => {
    const id = s.sub.student.id.trim().toLowerCase();
    const list = byId.get(id) ?? [];
    list.push({ ...s, order });
    byId.set(id, list);
  });
  const kept: { name: string; sub: Submission; others: Superseded[]; order: number }[] = [];
  const superseded: Superseded[] = [];
  for (const list of byId.values()) {
    const sorted = list.slice().sort((a, b) => Date.parse(b.sub.createdAt) - Date.parse(a.sub.createdAt) || b.order - a.order);
    const [latest, ...rest] = sorted;
    const others = rest.map((r) => ({ name: r.name, studentId: r.sub.student.id, createdAt: r.sub.createdAt, keptName: latest.name }));
    superseded.push(...others);
    kept.push({ name: latest.name, sub: latest.sub, others, order: latest.order });
  }
  kept.sort((a, b) => a.order - b.order);
  return { kept: kept.map(({ order: _o, ...k }) => k), superseded };
}

/** Reads, deduplicates and regrades every file; never throws for any input bytes. */
export async function loadBatch(files: readonly InputFile[], course: CourseSettings, catalog: readonly ExerciseDef[] = EXERCISES): Promise<Batch> {
  const { submissions, rejected } = readBatch(files);
  const { kept, superseded } = dedupe(submissions);
  const graded: GradedSubmission[] = [];
  for (const k of kept) {
    const g = await gradeSubmission(k.sub, course, catalog, k.name);
    if (k.others.length > 0) {
      const names = k.others.map((o) => o.name).join(', ');
      g.flags.push({ kind: 'duplicate', message: `${k.others.length} older file(s) of this student were not graded: ${names}.` });
    }
    graded.push(g);
  }
  return { graded, rejected, superseded };
}
