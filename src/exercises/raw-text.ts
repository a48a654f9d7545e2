/** Extracts the single text of a one-box answer from any raw answer shape. */
import type { RawAnswer } from './types';

/** The one string of `raw` (a string, or a list/grid holding exactly one non-blank box); undefined otherwise. */
export function singleText(raw: RawAnswer): string | undefined {
  if (typeof raw === 'string') return raw;
  const cells = (raw as unknown[]).flat().filter((c): c is string => typeof c === 'string' && c.trim() !== '');
  return cells.length === 1 ? cells[0] : undefined;
}
