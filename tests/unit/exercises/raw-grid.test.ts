import { describe, expect, it } from 'vitest';
import { rawToGrid } from '../../../src/exercises/raw-grid';

describe('rawToGrid', () => {
  it('keeps boxes and splits pasted text', () => {
    expect(rawToGrid(['1', '2'])).toEqual([['1', '2']]);
    expect(rawToGrid([['1'], ['2']])).toEqual([['1'], ['2']]);
    expect(rawToGrid('1, 2')).toEqual([['1', '2']]);
  });

  it('splits text pasted whole into the first box', () => {
    expect(rawToGrid(['1, 2, 3', '', ''])).toEqual([['1', '2', '3']]);
    expect(
      rawToGrid([
        ['1 2', ''],
        ['', ''],
      ]),
    ).toEqual([['1', '2']]);
    expect(rawToGrid(['', '1, 2'])).toEqual([['', '1, 2']]);
  });
});
