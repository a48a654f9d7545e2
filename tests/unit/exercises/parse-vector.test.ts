import { describe, expect, it } from 'vitest';
import { cellError, parseVector } from '../../../src/exercises/parse-vector';
import { FIX as math } from '../../helpers/math-fixtures';

describe('parseVector', () => {
  it('reads boxes, pasted rows and pasted columns', () => {
    expect(parseVector(['1', '2.5', '-3'])).toEqual({ ok: true, value: [1, 2.5, -3] });
    expect(parseVector('1, 2.5, -3')).toEqual({ ok: true, value: [1, 2.5, -3] });
    expect(parseVector('1\n2.5\n-3')).toEqual({ ok: true, value: [1, 2.5, -3] });
    expect(parseVector([['1'], ['2.5'], ['-3']])).toEqual({ ok: true, value: [1, 2.5, -3] });
    expect(parseVector(['1, 2.5, -3', '', ''])).toEqual({ ok: true, value: [1, 2.5, -3] });
  });

  it('reads the q1.2d gradient printed with String()', () => {
    const r = parseVector(math.ce_grad[0].dL_dz.map(String));
    expect(r).toEqual({ ok: true, value: math.ce_grad[0].dL_dz });
  });

  it('names the entry it could not read', () => {
    expect(parseVector(['1', '3..2', '3'])).toEqual({ ok: false, error: 'Could not read entry 2 ("3..2"): unexpected "." at position 3' });
    expect(parseVector(['1', '', '3'])).toEqual({ ok: false, error: 'Could not read entry 2: it is empty' });
    expect(parseVector('1, foo')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Could not read entry 2 \("foo"\): unknown symbol "foo"/),
    });
    expect(parseVector('[[1,2],[3,4]]')).toMatchObject({ ok: false, error: expect.stringMatching(/not a table of 2 rows/) });
    expect(parseVector([])).toMatchObject({ ok: false, error: expect.stringMatching(/^Could not read/) });
  });
});

describe('cellError', () => {
  it('quotes the cell or says it is empty', () => {
    expect(cellError('entry 1', 'x', 'unknown symbol "x"')).toBe('Could not read entry 1 ("x"): unknown symbol "x"');
    expect(cellError('entry 1', ' ', 'it is empty')).toBe('Could not read entry 1: it is empty');
  });
});
