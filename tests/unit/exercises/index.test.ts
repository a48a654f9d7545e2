import { describe, expect, it } from 'vitest';
import * as engine from '../../../src/exercises/index';

describe('index', () => {
  it('re-exports a working grade and parsers', () => {
    expect(engine.grade({ kind: 'number', key: 'k', marks: 1, answer: 31 }, '3*4 + 4 + 3*4 + 3').status).toBe('correct');
    expect(engine.parseShape('K x Da', ['K', 'Da'])).toEqual({ ok: true, value: ['K', 'Da'] });
    expect(engine.variantFor('a', { perStudentVariants: true, salt: 's' }).kind).toBe('student');
  });
});
