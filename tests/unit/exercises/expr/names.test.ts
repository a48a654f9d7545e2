import { describe, expect, it } from 'vitest';
import { looseKey, Names, nameOf } from '../../../../src/exercises/expr/names';

describe('looseKey', () => {
  it('ignores underscores, spells Greek and hats either way, keeps case', () => {
    expect(looseKey('y_k')).toBe(looseKey('yk'));
    expect(looseKey('delta_kj')).toBe(looseKey('δ_kj'));
    expect(looseKey('deltakj')).toBe(looseKey('δ_kj'));
    expect(looseKey('yhat_k')).toBe(looseKey('ŷ_k'));
    expect(looseKey('y_hat_k')).toBe(looseKey('ŷ_k'));
    expect(looseKey('y_hat')).toBe('ŷ');
    expect(looseKey('K')).not.toBe(looseKey('k'));
    expect(looseKey('ŷ')).not.toBe(looseKey('y'));
  });
});

describe('nameOf', () => {
  it('reads an alias key as the tokenizer will see it', () => {
    expect(nameOf('\\delta_{kj}')).toBe('δ_kj');
    expect(nameOf('\\hat y')).toBe('ŷ');
    expect(nameOf('y_k + 1')).toBeUndefined();
    expect(nameOf('\\foo')).toBeUndefined();
  });
});

describe('Names', () => {
  const q12c = new Names(['y_k', 'y_j', 'd'], { ŷ_k: 'y_k', ŷ_j: 'y_j', '\\delta_{kj}': 'd', q: 'missing' });

  it('resolves exact names, aliases (LaTeX keys too) and loose spellings', () => {
    expect(q12c.variable('y_k')).toBe('y_k');
    expect(q12c.variable('ŷ_k')).toBe('y_k');
    expect(q12c.variable('δ_kj')).toBe('d');
    expect(q12c.variable('delta_kj')).toBe('d');
    expect(q12c.variable('yk')).toBe('y_k');
    expect(q12c.variable('yhat_j')).toBe('y_j');
    expect(q12c.variable('q')).toBeUndefined();
    expect(q12c.variable('z')).toBeUndefined();
  });

  it('drops a hat only when no name carries one', () => {
    const plain = new Names(['y_k', 'y_j']);
    expect(plain.variable('ŷ_k')).toBe('y_k');
    const bce = new Names(['y', 'p'], { ŷ: 'p' });
    expect(bce.variable('ŷ')).toBe('p');
    expect(bce.variable('ŷ_k')).toBeUndefined();
  });

  it('gives up on a loose spelling two variables share', () => {
    expect(new Names(['y_k', 'yk']).variable('y__k')).toBeUndefined();
  });

  it('splits a name glued from known names', () => {
    const names = new Names(['y', 'p', 'y_k', 'y_j']);
    expect(names.glued('yp')).toEqual(['y', 'p']);
    expect(names.glued('ylog')).toEqual(['y', 'log']);
    expect(names.glued('y_ky_j')).toEqual(['y_k', 'y_j']);
    expect(names.glued('y')).toBeUndefined();
    expect(names.glued('yq')).toBeUndefined();
    expect(names.glued('y'.repeat(1000))).toBeUndefined();
  });
});
