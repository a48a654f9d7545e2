/**
 * What a spreadsheet would run as a formula, for the CSV exports. Free text (names, notes) that begins with
 * =, +, -, @, tab or CR gets a leading `'`. Ids and e-mail addresses are the keys an LMS matches rows on, so
 * they are written verbatim (`-12` stays `-12`) unless they could only be an injection: see `isVerbatimKey`.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** `text` with a leading `'` when a spreadsheet would read it as a formula. */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * True when an id or e-mail can be written as is: it does not begin with =, +, @, tab, CR or LF, and when it
 * begins with `-` the rest holds only letters, digits, `.`, `_`, `-` and `@` (so `-12` or `-ab.c` pass, while
 * `-1+cmd|' /C calc'!A0` does not). No real student id or address begins otherwise.
 */
export function isVerbatimKey(key: string): boolean {
  if (/^[=+@\t\r\n]/.test(key)) return false;
  return !key.startsWith('-') || /^-[A-Za-z0-9._@-]*$/.test(key);
}

/** An id or e-mail cell's text: verbatim when `isVerbatimKey`, otherwise neutralised (the grader flags such ids). */
export function keyText(key: string): string {
  return isVerbatimKey(key) ? key : `'${key}`;
}
