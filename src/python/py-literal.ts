/** JSON-like values as Python literals, so a generated script carries its settings as plain data. */

/** A value that has a Python literal. */
export type PyValue = null | boolean | number | string | PyValue[] | { [k: string]: PyValue };

/** The Python literal of `v` (numbers round-trip exactly: JavaScript's shortest form parses to the same double in Python). */
export function pyLiteral(v: PyValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return "float('nan')";
    if (!Number.isFinite(v)) return v > 0 ? "float('inf')" : "-float('inf')";
    return Object.is(v, -0) ? '-0.0' : String(v);
  }
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(pyLiteral).join(', ')}]`;
  return `{${Object.entries(v)
    .map(([k, x]) => `${JSON.stringify(k)}: ${pyLiteral(x)}`)
    .join(', ')}}`;
}
