import { describe, expect, it } from 'vitest';
import { classMapping, RUSSIAN_WILDLIFE_CLASSES } from '../../../src/data/class-mapping';

describe('classMapping', () => {
  it('applies the homework order to the Russian Wildlife folders, whatever their listing order', () => {
    const shuffled = [
      'people',
      'dog',
      'birds',
      'amur_tiger',
      'wild_boar',
      'amur_leopard',
      'sika_deer',
      'roe_deer',
      'brown_bear',
      'black_bear',
    ];
    const m = classMapping(shuffled);
    expect(m.scheme).toBe('russian-wildlife');
    expect(m.classes).toEqual([...RUSSIAN_WILDLIFE_CLASSES]);
    expect(m.classes.indexOf('people')).toBe(9);
    expect(m.classes.indexOf('amur_leopard')).toBe(0);
  });

  it('matches case-insensitively and keeps the folder spelling', () => {
    const names = RUSSIAN_WILDLIFE_CLASSES.map((c) => (c === 'dog' ? 'Dog' : c.toUpperCase()));
    const m = classMapping([...names].reverse());
    expect(m.scheme).toBe('russian-wildlife');
    expect(m.classes[5]).toBe('Dog');
    expect(m.classes[0]).toBe('AMUR_LEOPARD');
  });

  it('sorts like ImageFolder for any other set (a subset or an extra class)', () => {
    expect(classMapping(['dog', 'birds', 'amur_tiger'])).toEqual({ classes: ['amur_tiger', 'birds', 'dog'], scheme: 'sorted' });
    const extra = classMapping([...RUSSIAN_WILDLIFE_CLASSES, 'fox']);
    expect(extra.scheme).toBe('sorted');
    expect(extra.classes[extra.classes.length - 1]).toBe('wild_boar');
    expect(classMapping(['b', 'B', 'a']).classes).toEqual(['B', 'a', 'b']);
  });

  it('rejects duplicate and empty names', () => {
    expect(() => classMapping(['a', 'a'])).toThrow(/unique/);
    expect(() => classMapping(['a', ''])).toThrow(/non-empty/);
  });
});
