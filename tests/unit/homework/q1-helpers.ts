/** Helpers for the Question 1 exercise tests: find exercises and parts, and grade raw answers. */
import type { ExerciseDef } from '../../../src/exercises/exercise';
import { grade } from '../../../src/exercises/grade';
import { inputExample } from '../../../src/exercises/input-example';
import type { Feedback, InputDef, PartSpec, RawAnswer, Variant } from '../../../src/exercises/types';
import { seedFor } from '../../../src/exercises/variant';
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
    case 'number':
      return f(part.answer);
    case 'vector':
      return part.answer.map(f);
    case 'matrix':
      return part.answer.map((r) => r.map(f));
    case 'shape':
      return part.answer.join(' x ');
    case 'formula':
      return part.answer;
    case 'choice':
      return part.correct;
    case 'text':
      return '';
  }
}

/** The accepted-input examples an input shows (`inputExample`, split at " or "), each as the raw answer it would be typed as. */
export function typedExamples(input: InputDef): RawAnswer[] {
  const shown = inputExample(input);
  if (shown === null) return [];
  const pieces = shown
    .split(' or ')
    .map((s) => s.trim())
    .filter(Boolean);
  return input.kind === 'vector' ? pieces.map((p) => p.split(',').map((c) => c.trim())) : pieces;
}

/** The numbers written in `text` that could state a value: decimals, and whole numbers of two digits or more ("log base 2" is not one). */
export function statedNumbers(text: string): number[] {
  return (text.replace(/−/g, '-').match(/-?\d+\.\d+|\d{2,}/g) ?? []).map(Number);
}

/** Seeds as real students get them (ids through a course salt). */
export const STUDENT_SEEDS: number[] = Array.from({ length: 400 }, (_, i) => seedFor(`S-${300000 + i}`, 'fall-2026'));

/** Every example of `list`'s inputs that grades as correct, or cannot be read, for one of `variants` (none should). */
export async function examplesThatAreAnswers(list: readonly ExerciseDef[], variants: readonly Variant[]): Promise<string[]> {
  const hits: string[] = [];
  for (const def of list) {
    for (const v of variants) {
      const parts = await def.parts(v);
      for (const input of def.inputs) {
        const part = parts.find((p) => p.key === input.key);
        for (const raw of part ? typedExamples(input) : []) {
          const status = grade(part!, raw).status;
          if (status === 'correct' || status === 'unreadable')
            hits.push(`${input.key} example ${JSON.stringify(raw)} is ${status} (seed ${v.seed})`);
        }
      }
    }
  }
  return hits;
}

/** Named-mistake messages and hints of `list` that spell out a number of the expected answer for one of `variants`. */
export async function messagesThatGiveAway(list: readonly ExerciseDef[], variants: readonly Variant[]): Promise<string[]> {
  const hits: string[] = [];
  for (const def of list) {
    for (const v of variants) {
      for (const part of await def.parts(v)) {
        const values = part.kind === 'number' ? [part.answer] : part.kind === 'vector' ? part.answer : [];
        const texts = [
          ...(part.kind === 'number' || part.kind === 'vector' ? (part.mistakes ?? []).map((m) => m.message) : []),
          ...(def.hints ?? []),
        ];
        for (const text of texts) {
          const stated = statedNumbers(text).find((n) =>
            values.some((x) => Math.abs(n - x) <= 5e-4 || Math.abs(n - x) <= 5e-3 * Math.abs(x)),
          );
          if (stated !== undefined) hits.push(`${part.key} (seed ${v.seed}): "${text}" states ${stated}`);
        }
      }
    }
  }
  return hits;
}
