/** Reads a choice answer (one option id, a list of ids, or ids separated by commas) into a validated set. */
import { couldNotRead } from './could-not-read';
import type { Parsed } from './types';

/** The chosen option ids, deduplicated in option order; unknown ids, or several for a single choice, cannot be read. */
export function parseChoice(raw: string | string[], options: readonly { id: string }[], multiple: boolean): Parsed<string[]> {
  const ids = new Set(options.map((o) => o.id));
  const pieces =
    typeof raw === 'string'
      ? ids.has(raw.trim())
        ? [raw.trim()]
        : raw.split(/[,;\s]+/)
      : Array.isArray(raw)
        ? raw.map((r) => (typeof r === 'string' ? r.trim() : ''))
        : [];
  const chosen = new Set(pieces.map((p) => p.trim()).filter((p) => p !== ''));
  if (chosen.size === 0) return { ok: false, error: 'Could not read the answer: nothing is chosen' };
  for (const id of chosen) {
    if (!ids.has(id)) return { ok: false, error: couldNotRead(id, 'this is not one of the options') };
  }
  if (!multiple && chosen.size > 1) return { ok: false, error: 'Could not read the answer: choose only one option' };
  return { ok: true, value: options.map((o) => o.id).filter((id) => chosen.has(id)) };
}
