/** Normalises a raw answer to one comparable line of text, for counting common and shared answers. */
import type { RawAnswer } from '../exercises/types';

/** Lower-cased, whitespace-collapsed text; vector cells joined by ", ", matrix rows by "; ". */
export function normaliseAnswer(raw: RawAnswer | undefined): string {
  if (raw === undefined) return '';
  if (typeof raw === 'string') return cell(raw);
  return raw.map((c) => (Array.isArray(c) ? c.map(cell).join(', ') : cell(c))).join(raw.some(Array.isArray) ? '; ' : ', ');
}

function cell(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}
