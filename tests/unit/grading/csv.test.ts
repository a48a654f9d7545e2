import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canvasRows, csvCell, gradebookCsv, gradebookRows, moodleRows, toCsv } from '../../../src/grading/csv';
import { GRADED_ITEMS } from '../../../src/homework/structure';
import { gradedOf } from '../../helpers/graded';

/** A small RFC 4180 reader used only to check round trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  return rows;
}

describe('csvCell', () => {
  it('neutralises text cells that a spreadsheet would run as formulas', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(s).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
  it('writes numbers as numbers, negative ones included', () => {
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(2.5)).toBe('2.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
  });
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('plain')).toBe('plain');
  });
});

describe('toCsv', () => {
  it('round-trips any text through an RFC 4180 reader (safe cells only gain a leading quote)', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
      const back = parseCsv(toCsv(rows));
      const expected = rows.map((r) => r.map((s) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s)));
      expect(back).toEqual(expected);
    }), { seed: 42, numRuns: 300 });
  });
  it('ends every row with CRLF', () => {
    expect(toCsv([['a', 1], ['b', 2]])).toBe('a,1\r\nb,2\r\n');
  });
});

describe('gradebookRows', () => {
  it('has one column per graded item, the total and the flags', () => {
    const g = gradedOf('s1', { 'q1.1a': 1, 'q2.2': 7 });
    g.flags.push({ kind: 'seed-mismatch', message: 'x' }, { kind: 'seed-mismatch', message: 'y' });
    const [header, row] = gradebookRows([g]);
    expect(header).toHaveLength(2 + GRADED_ITEMS.length + 3);
    expect(header[2]).toBe('q1.1a (1)');
    expect(row[0]).toBe('s1');
    expect(row[2]).toBe(1);
    expect(row[2 + GRADED_ITEMS.length]).toBe(8);
    expect(row.at(-1)).toBe('seed-mismatch');
  });
  it('neutralises a hostile name but keeps it readable', () => {
    const g = gradedOf('s1', {});
    g.name = '=cmd|" /C calc"!A0';
    const text = gradebookCsv([g]);
    expect(parseCsv(text)[1][1]).toBe(`'=cmd|" /C calc"!A0`);
  });
});

describe('canvasRows', () => {
  it('puts Student, ID, SIS User ID, SIS Login ID, Section first and a Points Possible row second', () => {
    const rows = canvasRows([gradedOf('s1', { 'q1.1a': 1 })], { assignment: 'HW1', assignmentId: '123' });
    expect(rows[0]).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', 'HW1 (123)']);
    expect(String(rows[1][0]).trim()).toBe('Points Possible');
    expect(rows[1].at(-1)).toBe(55);
    expect(rows[2]).toEqual(['Name s1', '', 's1', '', '', 1]);
  });
  it('adds one column per item when asked', () => {
    const rows = canvasRows([gradedOf('s1', {})], { perItem: true });
    expect(rows[0]).toHaveLength(5 + GRADED_ITEMS.length + 1);
    expect(rows[1].slice(5, 5 + GRADED_ITEMS.length)).toEqual(GRADED_ITEMS.map((i) => i.marks));
  });
});

describe('moodleRows', () => {
  it('fills the email column only for email-like ids', () => {
    const rows = moodleRows([gradedOf('s1', { 'q1.1b': 1 }), gradedOf('ann@uni.edu', {})]);
    expect(rows[0]).toEqual(['ID number', 'Email address', 'Full name', 'Homework 1']);
    expect(rows[1]).toEqual(['s1', '', 'Name s1', 1]);
    expect(rows[2][1]).toBe('ann@uni.edu');
  });
});

describe('gradebookCsv', () => {
  it('writes the chosen layout', () => {
    const gs = [gradedOf('s1', {})];
    expect(gradebookCsv(gs, 'canvas').startsWith('Student,ID,')).toBe(true);
    expect(gradebookCsv(gs, 'moodle').startsWith('ID number,')).toBe(true);
    expect(gradebookCsv(gs).startsWith('Student ID,Name,')).toBe(true);
  });
});
