import { describe, expect, it } from 'vitest';
import { grade } from '../../../../src/exercises/grade';
import { isPartKind, KINDS, kindOf } from '../../../../src/exercises/kinds';
import type { PartSpec } from '../../../../src/exercises/types';
import { EXERCISES } from '../../../../src/homework/catalog';
import { homeworkVariant } from '../../../../src/exercises/variant';

describe('kindOf', () => {
  it('finds the module of every registered kind and nothing for an unknown one', () => {
    for (const name of Object.keys(KINDS)) expect(isPartKind(name), name).toBe(true);
    expect(isPartKind('essay')).toBe(false);
    expect(isPartKind('toString')).toBe(false);
    expect(kindOf({ kind: 'essay', key: 'x', marks: 1 } as unknown as PartSpec)).toBeNull();
  });

  it('gives, for every part of the homework, an example answer that grades right and one that grades wrong', async () => {
    const runsFree = EXERCISES.filter((e) => !e.usesRuns);
    for (const ex of runsFree) {
      for (const spec of await ex.parts(homeworkVariant)) {
        const kind = kindOf(spec)!;
        if (spec.kind === 'text') {
          expect(grade(spec, kind.exampleRight(spec)).status, spec.key).toBe('manual');
          continue;
        }
        expect(grade(spec, kind.exampleRight(spec)).status, spec.key).toBe('correct');
        expect(grade(spec, kind.exampleWrong(spec, 2)).status, spec.key).toBe('wrong');
      }
    }
  });
});
