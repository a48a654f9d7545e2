/** Helpers for the Question 1 exercise tests: find exercises and parts, and grade raw answers. */
import type { ExerciseDef } from '../../../src/exercises/exercise';
import { grade } from '../../../src/exercises/grade';
import type { Feedback, PartSpec, RawAnswer, Variant } from '../../../src/exercises/types';
import { ANSWER_KEYS } from '../../helpers/answer-keys';

export const HOMEWORK: Variant = { kind: 'homework', seed: 0 };
export const student = (seed: number): Variant => ({ kind: 'student', seed });

/** The exercise `id` of `list` (throws when missing, so a test fails loudly). */
export function byId(list: readonly ExerciseDef[], id: string): ExerciseDef {
  const ex = list.find((e) => e.id === id);
  if (!ex) throw new Error(`no exercise ${id}`);
  return ex;
}

/** The part with answer key `key` for `variant`. */
export async function partOf(list: readonly ExerciseDef[], key: string, variant: Variant = HOMEWORK): Promise<PartSpec> {
  const id = key.split('.').slice(0, 2).join('.');
  const part = (await byId(list, id).parts(variant)).find((p) => p.key === key);
  if (!part) throw new Error(`no part ${key}`);
  return part;
}

/** Grades `raw` for `key` of `variant`. */
export async function gradeKey(list: readonly ExerciseDef[], key: string, raw: RawAnswer, variant: Variant = HOMEWORK): Promise<Feedback> {
  return grade(await partOf(list, key, variant), raw);
}

/** The first `code` span of a key's canonical answer in homework.md (e.g. the BCE formula). */
export function canonicalCode(key: string): string {
  const m = /`([^`]+)`/.exec(ANSWER_KEYS.get(key) ?? '');
  return m ? m[1] : '';
}

/** The answer keys of homework.md that start with `prefix`. */
export function keysWithPrefix(prefix: string): string[] {
  return [...ANSWER_KEYS.keys()].filter((k) => k.startsWith(prefix));
}

/** Any part's reference answer, as 4-decimal strings shaped like the raw answer a student would type. */
export function typedAnswer(part: PartSpec): RawAnswer {
  const f = (x: number) => x.toFixed(4);
  switch (part.kind) {
    case 'number': return f(part.answer);
    case 'vector': return part.answer.map(f);
    case 'matrix': return part.answer.map((r) => r.map(f));
    case 'shape': return part.answer.join(' x ');
    case 'formula': return part.answer;
    case 'choice': return part.correct;
    case 'text': return '';
  }
}
