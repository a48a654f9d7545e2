import { describe, it, expect } from 'vitest';
import { readSubmission, validateSubmission } from '../../../src/submission/read-submission';
import { buildSubmission, progressFromSubmission, submissionFileName } from '../../../src/submission/build-submission';
import { emptyProgress, withAnswer, withCheck, withStudent } from '../../../src/progress/progress';

const now = new Date('2026-11-28T12:00:00Z');

function sample() {
  let p = withStudent(emptyProgress(now), ' s42 ', 'Ada');
  p = withAnswer(p, 'q1.1c', 'log2(10)', now);
  p = withAnswer(p, 'q1.1d.losses', ['3.3219', '0.3219', '1.737'], now);
  p = withAnswer(
    p,
    'q1.2d.jacobian',
    [
      ['1', '2', '3'],
      ['4', '5', '6'],
      ['7', '8', '9'],
    ],
    now,
  );
  p = withCheck(p, 'q1.1c', { status: 'correct', marks: 1, maxMarks: 1 }, now);
  return buildSubmission(p, { kind: 'homework', seed: 0 }, now);
}

describe('readSubmission', () => {
  it('reads back what buildSubmission wrote, answers exactly as typed', () => {
    const sub = sample();
    const read = readSubmission(JSON.stringify(sub));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value).toEqual(sub);
    expect(read.value.student.id).toBe('s42');
    expect(progressFromSubmission(read.value).answers['q1.1d.losses']).toEqual(['3.3219', '0.3219', '1.737']);
  });

  it.each([
    ['not JSON', '{"format":', /not valid JSON/],
    ['an array', '[]', /JSON object/],
    ['another format', JSON.stringify({ format: 'x' }), /not a submission file/],
    ['a future version', JSON.stringify({ ...sample(), version: 2 }), /Unsupported submission version 2/],
    ['no student id', JSON.stringify({ ...sample(), student: { id: '  ', name: 'x' } }), /no student id/],
    ['a bad seed', JSON.stringify({ ...sample(), variant: { kind: 'student', seed: -1 } }), /seed/],
    ['an unknown key', JSON.stringify({ ...sample(), answers: { 'rm -rf': '1' } }), /Unknown answer key/],
    ['a number as answer', JSON.stringify({ ...sample(), answers: { 'q1.1c': 3.32 } }), /not text/],
    ['a bad timestamp', JSON.stringify({ ...sample(), createdAt: 'yesterday' }), /timestamp/],
    ['deep nesting', `{"a":${'['.repeat(100)}${']'.repeat(100)}}`, /nested more than/],
    ['a malformed run', JSON.stringify({ ...sample(), runs: [{ format: 'dlcv-hw1-run', version: 1 }] }), /Run 1/],
  ])('rejects %s with a reason', (_name, text, reason) => {
    const read = readSubmission(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(reason);
  });

  it('does not copy prototype keys', () => {
    const text = JSON.stringify(sample()).replace('"answers":{', '"answers":{"__proto__":{"polluted":"yes"},');
    const read = readSubmission(text);
    expect(read.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects files over the size limit', () => {
    const read = readSubmission(' '.repeat(5 * 1024 * 1024 + 1));
    expect(read.ok).toBe(false);
  });
});

describe('readSubmission: advisory fields and the name never cost the answers', () => {
  /** `sample()` with fields replaced, read back; it must be read, answers intact. */
  function readWith(fields: Record<string, unknown>, exerciseIds?: ReadonlySet<string>) {
    const base = sample();
    const read = readSubmission(JSON.stringify({ ...base, ...fields }), { exerciseIds });
    expect(read.ok, read.ok ? '' : read.error).toBe(true);
    if (!read.ok) throw new Error(read.error);
    expect(read.value.answers).toEqual(base.answers);
    return read;
  }

  it('reads a well-formed file without notes', () => {
    expect(readWith({}).notes).toEqual([]);
  });

  it.each([
    [
      'status "Correct" with a capital C',
      { results: { 'q1.1c': { status: 'Correct', marks: 1, maxMarks: 1 } } },
      /results of "q1\.1c": status "Correct" is not one of correct/,
    ],
    ['marks as a string', { results: { 'q1.1c': { status: 'correct', marks: '1', maxMarks: 1 } } }, /marks "1" is not a number/],
    ['marks "NaN"', { results: { 'q1.1c': { status: 'correct', marks: 'NaN', maxMarks: 1 } } }, /marks "NaN"/],
    [
      'marks above maxMarks',
      { results: { 'q1.1c': { status: 'correct', marks: 3, maxMarks: 1 } } },
      /marks 3 is not a number from 0 to maxMarks/,
    ],
    ['a missing maxMarks', { results: { 'q1.1c': { status: 'correct', marks: 1 } } }, /maxMarks missing/],
    ['a result that is a number', { results: { 'q1.1c': 5 } }, /results of "q1\.1c": 5 is not an object/],
    ['results that is a list', { results: [1, 2] }, /results is a list, not an object/],
    [
      'a result under an empty key',
      { results: { '': { status: 'correct', marks: 1, maxMarks: 1 } } },
      /results entry "" has no exercise id/,
    ],
    ['attempts 2.5', { attempts: { 'q1.1c': 2.5 } }, /attempts of "q1\.1c" is 2\.5, not a whole number/],
    ['attempts -1', { attempts: { 'q1.1c': -1 } }, /attempts of "q1\.1c" is -1/],
    ['attempts "2"', { attempts: { 'q1.1c': '2' } }, /attempts of "q1\.1c" is "2"/],
    ['attempts null', { attempts: { 'q1.1c': null } }, /attempts of "q1\.1c" is null/],
    ['attempts under a key that is no exercise id', { attempts: { 'rm -rf': 1 } }, /attempts entry "rm -rf" is not an exercise id/],
    ['attempts that is text', { attempts: 'many' }, /attempts is "many", not an object/],
    ['attempts that is null', { attempts: null }, /attempts is null, not an object/],
  ])('drops %s with a note and keeps the answers', (_name, fields, note) => {
    const read = readWith(fields);
    expect(read.notes).toHaveLength(1);
    expect(read.notes[0]).toMatch(note);
    const field = Object.keys(fields)[0] as 'attempts' | 'results';
    expect(read.value[field]).toEqual({});
    expect(read.value[field === 'attempts' ? 'results' : 'attempts']).toEqual(sample()[field === 'attempts' ? 'results' : 'attempts']);
  });

  it('keeps the good entries next to a dropped one', () => {
    const good = { status: 'partial', marks: 0.5, maxMarks: 1 };
    const read = readWith({
      attempts: { 'q1.1c': 2, 'q1.1d': 2.5 },
      results: { 'q1.1c': good, 'q1.1d': { status: 'Correct', marks: 1, maxMarks: 1 } },
    });
    expect(read.value.attempts).toEqual({ 'q1.1c': 2 });
    expect(read.value.results).toEqual({ 'q1.1c': good });
    expect(read.notes).toHaveLength(2);
  });

  it('drops entries naming no exercise of the book when given the exercise ids', () => {
    const ids = new Set(['q1.1c']);
    const read = readWith(
      { attempts: { 'q1.1c': 1, 'q1.9z': 1 }, results: { 'q1.9z': { status: 'correct', marks: 1, maxMarks: 1 } } },
      ids,
    );
    expect(read.value.attempts).toEqual({ 'q1.1c': 1 });
    expect(read.notes).toEqual([
      expect.stringMatching(/attempts entry "q1\.9z" names no exercise/),
      expect.stringMatching(/results entry "q1\.9z" names no exercise/),
    ]);
  });

  it('drops a NaN or infinite mark given as a parsed object', () => {
    const sub = {
      ...sample(),
      results: {
        'q1.1c': { status: 'correct', marks: Number.NaN, maxMarks: 1 },
        'q1.1d': { status: 'correct', marks: 1, maxMarks: Infinity },
      },
    };
    const read = validateSubmission(sub);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.results).toEqual({});
    expect(read.notes).toEqual([expect.stringMatching(/marks NaN/), expect.stringMatching(/maxMarks Infinity/)]);
  });

  it('drops a prototype key in attempts without polluting prototypes', () => {
    const text = JSON.stringify(sample()).replace('"attempts":{', '"attempts":{"__proto__":{"polluted":"yes"},');
    const read = readSubmission(text);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.notes[0]).toMatch(/"__proto__" is not an exercise id/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps at most 20 notes and counts the rest', () => {
    const attempts = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`q1.${i % 10}x${i}`, 1.5]));
    const read = readWith({ attempts });
    expect(read.notes).toHaveLength(20);
    expect(read.notes[19]).toBe('31 more entries of attempts or results were dropped.');
  });

  it('reads a file without student.name (only the id is required)', () => {
    const base = sample();
    for (const student of [{ id: 's42' }, { id: 's42', name: null }]) {
      const read = readWith({ student });
      expect(read.value.student).toEqual({ id: 's42', name: '' });
      expect(read.notes).toEqual([]);
    }
    expect(base.student.name).toBe('Ada');
  });

  it('reads a name that is not text as empty, and cuts a long one, each with a note', () => {
    const notText = readWith({ student: { id: 's42', name: 42 } });
    expect(notText.value.student.name).toBe('');
    expect(notText.notes).toEqual([expect.stringMatching(/student\.name is not text \(42\)/)]);
    const long = readWith({ student: { id: 's42', name: 'a'.repeat(250) } });
    expect(long.value.student.name).toBe('a'.repeat(200));
    expect(long.notes).toEqual([expect.stringMatching(/longer than 200 characters/)]);
  });

  it('still rejects a malformed answer, id or variant next to well-formed advisory fields', () => {
    for (const fields of [
      { answers: { 'q1.1c': 3.32 } },
      { student: { name: 'Ada' } },
      { student: { id: 'x'.repeat(101) } },
      { variant: { kind: 'student' } },
    ]) {
      expect(readSubmission(JSON.stringify({ ...sample(), ...fields })).ok).toBe(false);
    }
  });
});

describe('buildSubmission', () => {
  it('refuses to build without a student id', () => {
    expect(() => buildSubmission(emptyProgress(now), { kind: 'homework', seed: 0 }, now)).toThrow(/student id/);
  });

  it('names the file after the id and date, safe for file systems', () => {
    const sub = { ...sample(), student: { id: 'a/b c', name: '' } };
    expect(submissionFileName(sub)).toBe('hw1-a_b_c-2026-11-28.json');
  });
});
