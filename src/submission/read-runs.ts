import type { Parsed } from '../exercises/types';
import type { RunRecord } from '../record/run-record';
import { validateRunRecord } from '../record/validate-run-record';
import { LIMITS } from './limits';

/** Reads the `runs` array of a submission: each record validated, then deep-copied without prototype keys. */
export function readRuns(v: unknown): Parsed<RunRecord[]> {
  if (!Array.isArray(v)) return { ok: false, error: 'runs must be a list.' };
  if (v.length > LIMITS.maxRuns) return { ok: false, error: `A submission holds at most ${LIMITS.maxRuns} runs.` };
  const out: RunRecord[] = [];
  for (let i = 0; i < v.length; i++) {
    const r = validateRunRecord(v[i]);
    if (!r.ok) return { ok: false, error: `Run ${i + 1}: ${r.error}.` };
    out.push(JSON.parse(JSON.stringify(r.value), (key, value) => (key === '__proto__' ? undefined : value)) as RunRecord);
  }
  return { ok: true, value: out };
}
