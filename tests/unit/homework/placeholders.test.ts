import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { grade } from '../../../src/exercises/grade';
import type { PartSpec, Variant } from '../../../src/exercises/types';
import { homeworkVariant, seedFor } from '../../../src/exercises/variant';
import { EXERCISES } from '../../../src/homework/catalog';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const VARIANTS: Variant[] = [homeworkVariant, ...Array.from({ length: 400 }, (_, i) => ({ kind: 'student' as const, seed: seedFor(`S-${200000 + i}`, 'fall-2026') }))];

/** The examples a placeholder shows: the text after "e.g.", split at " or ". */
function examples(placeholder: string): string[] {
  const m = placeholder.match(/e\.g\.\s*(.+)$/);
  return m ? m[1].split(/\s+or\s+/).map((s) => s.trim()).filter(Boolean) : [];
}

describe('answer placeholders', () => {
  it('never show an answer that is correct for the homework or any student variant', async () => {
    const checked: string[] = [];
    for (const def of EXERCISES) {
      for (const input of def.inputs) {
        const shown = 'placeholder' in input && typeof input.placeholder === 'string' ? examples(input.placeholder) : [];
        if (shown.length === 0 || !['number', 'formula'].includes(input.kind)) continue;
        for (const v of VARIANTS) {
          const parts = (await def.parts(v, { runs: [] })) as PartSpec[];
          const part = parts.find((p) => p.key === input.key);
          if (!part) continue;
          for (const ex of shown) expect(grade(part, ex).status, `${input.key} placeholder "${ex}" for variant ${v.kind} ${v.seed}`).not.toBe('correct');
        }
        checked.push(input.key);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['q1.1c', 'q1.2c']));
  });
});
