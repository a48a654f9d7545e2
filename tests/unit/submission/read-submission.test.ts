import { describe, it, expect } from 'vitest';
import { readSubmission } from '../../../src/submission/read-submission';
import { buildSubmission, progressFromSubmission, submissionFileName } from '../../../src/submission/build-submission';
import { emptyProgress, withAnswer, withCheck, withStudent } from '../../../src/progress/progress';

const now = new Date('2026-11-28T12:00:00Z');

function sample() {
  let p = withStudent(emptyProgress(now), ' s42 ', 'Ada');
  p = withAnswer(p, 'q1.1c', 'log2(10)', now);
  p = withAnswer(p, 'q1.1d.losses', ['3.3219', '0.3219', '1.737'], now);
  p = withAnswer(p, 'q1.2d.jacobian', [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9']], now);
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

describe('buildSubmission', () => {
  it('refuses to build without a student id', () => {
    expect(() => buildSubmission(emptyProgress(now), { kind: 'homework', seed: 0 }, now)).toThrow(/student id/);
  });

  it('names the file after the id and date, safe for file systems', () => {
    const sub = { ...sample(), student: { id: 'a/b c', name: '' } };
    expect(submissionFileName(sub)).toBe('hw1-a_b_c-2026-11-28.json');
  });
});
