import { describe, expect, it } from 'vitest';
import { parseRunFile } from '../../../src/runs/import-run';
import { makeRun } from '../../helpers/submissions';

describe('parseRunFile', () => {
  it('accepts an exported run record', () => {
    const r = makeRun(3);
    const out = parseRunFile(JSON.stringify(r));
    expect(out).toEqual({ ok: true, value: r });
  });
  it('says why a file is refused', () => {
    expect(parseRunFile('{nope', 'a.json')).toEqual({ ok: false, error: expect.stringContaining('a.json is not JSON') });
    const bad = { ...makeRun(3), epochs: [{ epoch: 1 }] };
    const out = parseRunFile(JSON.stringify(bad), 'b.json');
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error).toMatch(/^b\.json is not a valid run record: epochs\[0\]/);
    expect(parseRunFile('x'.repeat(9 * 1024 * 1024)).ok).toBe(false);
  });
});
