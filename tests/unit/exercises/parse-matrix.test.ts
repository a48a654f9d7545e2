import { describe, expect, it } from 'vitest';
import { parseMatrix } from '../../../src/exercises/parse-matrix';
import { FIX as math } from '../../helpers/math-fixtures';

describe('parseMatrix', () => {
  it('reads rows of boxes, row texts and pasted text', () => {
    const expected = {
      ok: true,
      value: [
        [1, 2],
        [3, 4],
      ],
    };
    expect(
      parseMatrix([
        ['1', '2'],
        ['3', '4'],
      ]),
    ).toEqual(expected);
    expect(parseMatrix(['1, 2', '3 4'])).toEqual(expected);
    expect(parseMatrix('[[1,2],[3,4]]')).toEqual(expected);
    expect(parseMatrix('1\t2\n3\t4')).toEqual(expected);
    expect(
      parseMatrix([
        ['[[1,2],[3,4]]', ''],
        ['', ''],
      ]),
    ).toEqual(expected);
  });

  it('reads the softmax Jacobian fixture pasted as JSON', () => {
    const jac = math.softmax[0].jacobian_dyk_dzj;
    expect(parseMatrix(JSON.stringify(jac))).toEqual({ ok: true, value: jac });
  });

  it('names the cell it could not read and rejects ragged rows', () => {
    expect(
      parseMatrix([
        ['1', '2'],
        ['3', 'foo'],
      ]),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/^Could not read row 2, column 2 \("foo"\): unknown symbol "foo"/) });
    expect(
      parseMatrix([
        ['1', '2'],
        ['', ''],
      ]),
    ).toEqual({ ok: false, error: 'Could not read row 2, column 1: it is empty' });
    expect(parseMatrix('1 2\n3')).toEqual({ ok: false, error: 'Could not read the answer: row 2 has 1 entries but row 1 has 2' });
    expect(
      parseMatrix([
        ['', ''],
        ['', ''],
      ]),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/empty/) });
  });
});
