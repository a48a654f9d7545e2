/** The "Answer keys" table of ../shared/homework.md: key → canonical answer text, and the numbers in it. */
import { readFileSync } from 'node:fs';

const text = readFileSync('../shared/homework.md', 'utf8');
const section = text.slice(text.indexOf('## Answer keys'));

/** Canonical answer text by key (rows naming several keys, `a, b, c`, give one entry per key). */
export const ANSWER_KEYS: Map<string, string> = new Map(
  section
    .split('\n')
    .filter((l) => l.startsWith('| q'))
    .flatMap((l) => {
      const [keys, , answer] = l
        .split('|')
        .slice(1)
        .map((c) => c.trim());
      return keys.split(',').map((k) => [k.trim(), answer] as [string, string]);
    }),
);

/** The decimal numbers in a key's canonical answer (the typographic minus − read as a sign). */
export function canonicalNumbers(key: string): number[] {
  const answer = ANSWER_KEYS.get(key) ?? '';
  return (answer.replace(/−/g, '-').match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
}

/** The marks of an exercise id in the homework's Question 1 tables. */
export function homeworkMarks(id: string): number {
  const row = text.split('\n').find((l) => l.startsWith(`| ${id} |`));
  return row ? Number(row.split('|')[2]) : NaN;
}
