/**
 * Reads a shape answer (`K x Da`, `(K, Da)`, `K×Da`, `[K, Da]`, `K by Da`, `3x4`, `K \times D_a`, `K × Dₐ`,
 * `ℝ^{K×Da}`, `\mathbb{R}^{K \times D_a}`, numpy's `(K,)`) into dimension tokens.
 */
import { couldNotRead } from './could-not-read';
import { normaliseMath } from './expr/normalise';
import type { Parsed } from './types';

const MAX_SHAPE_LENGTH = 200;

/**
 * Dimension tokens: integers as canonical digits (`01` → `1`), symbols spelled as in `symbols`
 * (matched ignoring case and `_`, so `da` and `D_a` read as `Da`). When `strict`, an unknown symbol cannot
 * be read; otherwise it is kept as typed. `x` between dimensions is a separator.
 */
export function parseShape(raw: string, symbols: readonly string[] = [], strict = symbols.length > 0): Parsed<string[]> {
  if (typeof raw !== 'string') return { ok: false, error: 'Could not read the answer: expected a shape such as K x Da' };
  const text = raw.normalize('NFC').trim();
  if (text === '') return { ok: false, error: 'Could not read the answer: it is empty' };
  if (text.length > MAX_SHAPE_LENGTH) return { ok: false, error: couldNotRead(text, 'the answer is too long') };
  const normalised = normaliseMath(text);
  if (!normalised.ok) return { ok: false, error: couldNotRead(text, normalised.reason) };
  const known = new Map(symbols.map((s) => [key(s), s] as const));
  const body = withoutBrackets(withoutSpace(normalised.text.trim()));
  const chunks = body.split(/[\s,×*·⋅✕;]+/).filter((c) => c !== '' && !/^(?:x|X|by|BY|By)$/.test(c));
  if (chunks.length === 0) return { ok: false, error: couldNotRead(text, 'no dimensions found (write e.g. K x Da)') };
  const dims: string[] = [];
  for (const chunk of chunks) {
    const resolved = resolveChunk(chunk, known) ?? (!strict && /^\p{L}[\p{L}\p{N}_]*$/u.test(chunk) ? [chunk] : undefined);
    if (!resolved) {
      const hint = strict && symbols.length > 0 ? ` (use numbers or ${symbols.join(', ')})` : '';
      return { ok: false, error: couldNotRead(text, `unknown dimension "${chunk}"${hint}`) };
    }
    dims.push(...resolved);
  }
  return { ok: true, value: dims };
}

/** `ℝ^{…}`, `R^(…)`, `ℝ^K` → what follows the space's name. */
function withoutSpace(text: string): string {
  if (!text.startsWith('ℝ') && !text.startsWith('R')) return text;
  let i = 1;
  while (text[i] === ' ') i++;
  if (text[i] === '^') return text.slice(i + 1).trim();
  return text[i] === '(' || text[i] === '[' || text[i] === '{' ? text.slice(i) : text;
}

/** `(K, Da)` → `K, Da`: one opening bracket at the start and one closing at the end dropped, without regular expressions. */
function withoutBrackets(text: string): string {
  let start = 0;
  let end = text.length;
  if ('([{'.includes(text[0] ?? ' ')) start++;
  if (end > start && ')]}'.includes(text[end - 1])) end--;
  return text.slice(start, end).trim();
}

function key(symbol: string): string {
  return symbol.replace(/_/g, '').toLowerCase();
}

/**
 * One chunk as dimensions: an integer, a known symbol, or known parts joined by `x` (`3x4`, `KxDa`). Each
 * sub-chunk is resolved once (memoised), so a hostile `1x1x…x1xZ` costs O(n³) at most, never exponential time.
 */
function resolveChunk(chunk: string, known: ReadonlyMap<string, string>, memo = new Map<string, string[] | null>()): string[] | undefined {
  const seen = memo.get(chunk);
  if (seen !== undefined) return seen ?? undefined;
  let result: string[] | null = null;
  if (/^\d+$/.test(chunk)) result = [String(Number(chunk))];
  else if (known.has(key(chunk))) result = [known.get(key(chunk)) as string];
  else {
    for (let i = 1; i < chunk.length - 1 && result === null; i++) {
      if (chunk[i] !== 'x' && chunk[i] !== 'X') continue;
      const left = resolveChunk(chunk.slice(0, i), known, memo);
      const right = left && resolveChunk(chunk.slice(i + 1), known, memo);
      if (left && right) result = [...left, ...right];
    }
  }
  memo.set(chunk, result);
  return result ?? undefined;
}
