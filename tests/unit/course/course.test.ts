import { describe, it, expect } from 'vitest';
import { readCourse } from '../../../src/course/course';

describe('readCourse', () => {
  it('reads per-student variants with a salt', () => {
    const r = readCourse('{"perStudentVariants": true, "salt": "fall-2026"}');
    expect(r).toEqual({ ok: true, value: { name: 'Deep Learning for Computer Vision', perStudentVariants: true, salt: 'fall-2026' } });
  });
  it.each([
    ['{', /not valid JSON/],
    ['[]', /JSON object/],
    ['{"perStudentVariants": "yes"}', /true or false/],
    ['{"perStudentVariants": true}', /non-empty salt/],
  ])('rejects %s', (text, reason) => {
    const r = readCourse(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(reason);
  });
});
