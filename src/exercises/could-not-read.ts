/** Builds "Could not read …" messages: the page shows them and does not count an attempt. */

const MAX_QUOTE = 40;

/** `text` shortened to at most 40 characters for quoting in a message. */
export function clip(text: string): string {
  const trimmed = text.trim();
  return trimmed.length <= MAX_QUOTE ? trimmed : `${trimmed.slice(0, MAX_QUOTE - 1)}…`;
}

/** `Could not read "<text>": <reason>`, with long text clipped. */
export function couldNotRead(text: string, reason: string): string {
  return `Could not read "${clip(text)}": ${reason}`;
}

/** True when a raw answer (string, list or rows of strings) has no non-blank cell. */
export function isBlank(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  if (typeof raw === 'string') return raw.trim() === '';
  if (Array.isArray(raw)) return raw.every((cell) => isBlank(cell));
  return false;
}
