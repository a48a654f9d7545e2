import { describe, expect, it } from 'vitest';
import { parseChoice } from '../../../src/exercises/parse-choice';

const OPTIONS = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

describe('parseChoice', () => {
  it('reads ids in option order without duplicates', () => {
    expect(parseChoice(['c', 'a', 'c'], OPTIONS, true)).toEqual({ ok: true, value: ['a', 'c'] });
    expect(parseChoice('c, a', OPTIONS, true)).toEqual({ ok: true, value: ['a', 'c'] });
    expect(parseChoice('b', OPTIONS, false)).toEqual({ ok: true, value: ['b'] });
  });

  it('rejects unknown ids, nothing chosen, and several for a single choice', () => {
    expect(parseChoice(['z'], OPTIONS, true)).toEqual({ ok: false, error: 'Could not read "z": this is not one of the options' });
    expect(parseChoice(['__proto__'], OPTIONS, true)).toMatchObject({ ok: false });
    expect(parseChoice([], OPTIONS, true)).toMatchObject({ ok: false, error: expect.stringMatching(/nothing is chosen/) });
    expect(parseChoice(['a', 'b'], OPTIONS, false)).toMatchObject({ ok: false, error: expect.stringMatching(/only one/) });
  });
});
