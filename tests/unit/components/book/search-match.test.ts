import { describe, expect, it } from 'vitest';
import { isRealHit, markedWords, sameWord } from '../../../../components/book/search-match';

describe('markedWords', () => {
  it('reads the highlighted words as lower-case text', () => {
    expect(markedWords('the <mark>Cross-Entropy</mark> of a <mark>papaya</mark>')).toEqual(['cross', 'entropy', 'papaya']);
    expect(markedWords('no highlight')).toEqual([]);
  });
});

describe('sameWord', () => {
  it('takes plurals and stems, and refuses a shorter prefix of a nonsense word', () => {
    expect(sameWord('papayas', 'papaya')).toBe(true);
    expect(sameWord('regularisation', 'regularise')).toBe(true);
    expect(sameWord('jacobian', 'jacobians')).toBe(true);
    expect(sameWord('asdfgh', 'assume')).toBe(false);
    expect(sameWord('zzz', 'z')).toBe(false);
    expect(sameWord('blorptastic', 'binary')).toBe(false);
  });
});

describe('isRealHit', () => {
  it('keeps a page whose excerpt highlights a typed word and drops prefix fall-backs', () => {
    expect(isRealHit('softmax jacobian', ['the <mark>softmax</mark> layer'])).toBe(true);
    expect(isRealHit('xyzzy', ['(<mark>x</mark>, y = x.to(device))'])).toBe(false);
    expect(isRealHit('asdfgh', ['<mark>as</mark> a function'], 'Binary classification')).toBe(false);
    expect(isRealHit('papayas', ['no marks here'], '1.1 Binary classification of papayas')).toBe(true);
  });
});
