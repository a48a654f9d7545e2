import { describe, expect, it } from 'vitest';
import { parseNumberList } from '../../../src/math/parse-list';

describe('parseNumberList', () => {
  it('reads comma- or space-separated numbers in optional brackets', () => {
    expect(parseNumberList('[1000, 1001, 999]')).toEqual({ ok: true, values: [1000, 1001, 999] });
    expect(parseNumberList('1000 1001 999')).toEqual({ ok: true, values: [1000, 1001, 999] });
  });

  it('keeps expressions with spaces whole when commas separate the entries', () => {
    const r = parseNumberList('log2(8) * 2, 1');
    expect(r).toEqual({ ok: true, values: [6, 1] });
  });

  it('explains empty, too long and unreadable input', () => {
    expect(parseNumberList('  ').ok).toBe(false);
    expect(parseNumberList('1,2,3', 4, 6).ok).toBe(false);
    const bad = parseNumberList('1, x, 3');
    expect(bad.ok === false && bad.error).toContain('"x"');
  });
});
