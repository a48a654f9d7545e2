/** Reads a run file the student picked: JSON, then the run-record checks; the error says what is wrong. */
import { type RunRecord, validateRunRecord } from '../record/run-record';

/** Largest run file accepted (a run record with 100,000 steps is about 3 MB). */
export const MAX_RUN_FILE_BYTES = 8 * 1024 * 1024;

/** The run in `text`, or why it cannot be used. */
export function parseRunFile(text: string, fileName = 'the file'): { ok: true; value: RunRecord } | { ok: false; error: string } {
  if (text.length > MAX_RUN_FILE_BYTES)
    return { ok: false, error: `${fileName} is larger than ${MAX_RUN_FILE_BYTES / 1024 / 1024} MB; a run record is much smaller.` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: `${fileName} is not JSON; export a run with "Export JSON" and import that file.` };
  }
  const r = validateRunRecord(data);
  return r.ok ? r : { ok: false, error: `${fileName} is not a valid run record: ${r.error}.` };
}
