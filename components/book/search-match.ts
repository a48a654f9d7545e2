/**
 * Pagefind answers a word it does not know with pages matching a shorter prefix of it (a nonsense word
 * finds every page with a word starting "as…"); this keeps only the hits where a highlighted word is
 * close to a word the reader typed. Pure: excerpts are read as text, never as HTML.
 */

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);

/** The words Pagefind highlighted (`<mark>…</mark>`) in an excerpt. */
export function markedWords(excerpt: string): string[] {
  const out: string[] = [];
  for (const m of excerpt.matchAll(/<mark>([^<]{0,200})<\/mark>/g)) out.push(...words(m[1]));
  return out;
}

const commonPrefix = (a: string, b: string): number => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/** Whether `found` is `typed` or a form of it: they share all of a short word, or most of a long one (plurals, stems). */
export function sameWord(typed: string, found: string): boolean {
  const need = typed.length <= 4 ? typed.length : Math.max(4, Math.ceil(typed.length * 0.6));
  return commonPrefix(typed, found) >= need;
}

/** Whether a hit (its excerpts and title) really matches `query`: some typed word is highlighted, or in the title, as itself or a form of it. */
export function isRealHit(query: string, excerpts: readonly string[], title = ''): boolean {
  const typed = words(query);
  const found = [...excerpts.flatMap(markedWords), ...words(title)];
  return typed.length === 0 || typed.some((t) => found.some((f) => sameWord(t, f)));
}
