import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isVerbatimKey } from '../../../src/grading/cell-safety';
import { canvasRows, csvCell, gradebookCsv, gradebookRows, keyCell, moodleRows, toCsv } from '../../../src/grading/csv';
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
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
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
  it('writes ids and e-mails verbatim, negative-looking ones included', () => {
    for (const id of ['-12', 's42', 'ann@uni.edu', 'a+b@uni.edu', '-ab.c_d', '12345', 'Ölçer']) expect(csvCell(keyCell(id))).toBe(id);
    expect(csvCell(keyCell(''))).toBe('');
  });
  it('neutralises ids that can only be a formula injection', () => {
    for (const id of ['=1+1', '+4412', '@SUM(A1)', '\tx', '\rx', '\nx', '-1+cmd|A0', "-2+3+cmd|' /C calc'!A0", '- 1']) {
      expect(isVerbatimKey(id), JSON.stringify(id)).toBe(false);
      expect(csvCell(keyCell(id)).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell(keyCell('=HYPERLINK("x")'))).toBe(`"'=HYPERLINK(""x"")"`);
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
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const back = parseCsv(toCsv(rows));
        const expected = rows.map((r) => r.map((s) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s)));
        expect(back).toEqual(expected);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
  it('ends every row with CRLF', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b', 2],
      ]),
    ).toBe('a,1\r\nb,2\r\n');
  });
});

describe('gradebookRows', () => {
  it('has one column per graded item, the total, the flags and the notes', () => {
    const g = gradedOf('s1', { 'q1.1a': 1, 'q2.2': 7 });
    g.flags.push({ kind: 'seed-mismatch', message: 'x' }, { kind: 'seed-mismatch', message: 'y' });
    const [header, row] = gradebookRows([g]);
    expect(header).toHaveLength(2 + GRADED_ITEMS.length + 4);
    expect(header[2]).toBe('q1.1a (1)');
    expect(header.slice(-2)).toEqual(['Flags', 'Notes']);
    expect(row[0]).toEqual(keyCell('s1'));
    expect(row[2]).toBe(1);
    expect(row[2 + GRADED_ITEMS.length]).toBe(8);
    expect(row.at(-2)).toBe('seed-mismatch');
    expect(row.at(-1)).toBe('');
  });
  it("puts the reader's notes in the Notes column, neutralised, and keeps -12 as the id", () => {
    const g = gradedOf('-12', {});
    g.flags.push(
      { kind: 'read-note', message: 'results of "q1.1c": status "Correct" is not one of correct; dropped.' },
      { kind: 'read-note', message: '=2+2 dropped.' },
    );
    const rows = parseCsv(gradebookCsv([g]));
    expect(rows[1][0]).toBe('-12');
    expect(rows[1].at(-2)).toBe('read-note');
    expect(rows[1].at(-1)).toBe(g.flags.map((f) => f.message).join(' '));
    g.flags.reverse();
    expect(parseCsv(gradebookCsv([g]))[1].at(-1)).toBe(`'=2+2 dropped. ${g.flags[1].message}`);
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
    expect(rows[2]).toEqual(['Name s1', '', keyCell('s1'), '', '', 1]);
  });
  it('writes the SIS User ID verbatim (-12 stays -12) and keeps the name neutralised', () => {
    const g = gradedOf('-12', { 'q1.1a': 1 });
    g.name = '-Ann';
    const evil = gradedOf('=1+1', {});
    const rows = parseCsv(gradebookCsv([g, evil], 'canvas'));
    expect(rows[2].slice(0, 3)).toEqual(["'-Ann", '', '-12']);
    expect(rows[3][2]).toBe("'=1+1");
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
    expect(rows[1]).toEqual([keyCell('s1'), keyCell(''), 'Name s1', 1]);
    expect(rows[2][1]).toEqual(keyCell('ann@uni.edu'));
  });
  it('writes the ID number and e-mail verbatim and neutralises the full name', () => {
    const a = gradedOf('-12', {});
    const b = gradedOf('-ann.lee@uni.edu', {});
    b.name = '+Lee';
    const rows = parseCsv(gradebookCsv([a, b], 'moodle'));
    expect(rows[1].slice(0, 3)).toEqual(['-12', '', 'Name -12']);
    expect(rows[2].slice(0, 3)).toEqual(['-ann.lee@uni.edu', '-ann.lee@uni.edu', "'+Lee"]);
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
