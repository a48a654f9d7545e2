import { describe, expect, it } from 'vitest';
import { FUNCTIONS, lookupFunction } from '../../../../src/exercises/expr/builtins';

describe('lookupFunction', () => {
  it('finds functions case-insensitively and through aliases', () => {
    expect(lookupFunction('LOG')).toBe('log');
    expect(lookupFunction('log_2')).toBe('log2');
    expect(lookupFunction('Sqrt')).toBe('sqrt');
  });

  it('finds nothing on the prototype chain', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(lookupFunction(name)).toBeUndefined();
  });

  it('has the functions the course needs, matching Math', () => {
    expect(FUNCTIONS.get('log2')!.apply([8])).toBe(3);
    expect(FUNCTIONS.get('max')!.apply([1, 5, 2])).toBe(5);
    expect([...FUNCTIONS.keys()].sort()).toEqual(['abs', 'cos', 'exp', 'ln', 'log', 'log10', 'log2', 'max', 'min', 'sin', 'sqrt', 'tan']);
  });
});
