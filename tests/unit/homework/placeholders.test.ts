import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { grade } from '../../../src/exercises/grade';
import type { PartSpec, Variant } from '../../../src/exercises/types';
import { homeworkVariant, seedFor } from '../../../src/exercises/variant';
import { EXERCISES } from '../../../src/homework/catalog';
import { inputExample } from '../../../src/exercises/input-example';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const VARIANTS: Variant[] = [
  homeworkVariant,
  ...Array.from({ length: 400 }, (_, i) => ({ kind: 'student' as const, seed: seedFor(`S-${200000 + i}`, 'fall-2026') })),
];

/** The examples an input shows: the text after "e.g." of its placeholder and its prompt's example, split at " or ". */
function examples(input: (typeof EXERCISES)[number]['inputs'][number]): string[] {
  const placeholder =
    'placeholder' in input && typeof input.placeholder === 'string' ? (input.placeholder.match(/e\.g\.\s*(.+)$/)?.[1] ?? '') : '';
  return [placeholder, inputExample(input) ?? '']
    .flatMap((t) => t.split(/\s+or\s+/))
    .map((s) => s.trim())
    .filter(Boolean);
}

describe('answer placeholders', () => {
  it("never show an answer that is correct for the homework or any student variant (placeholders and the prompt's examples)", async () => {
    const checked: string[] = [];
    for (const def of EXERCISES) {
      for (const input of def.inputs) {
        const shown = examples(input);
        if (shown.length === 0 || !['number', 'formula', 'shape', 'vector'].includes(input.kind)) continue;
        for (const v of VARIANTS) {
          const parts = (await def.parts(v, { runs: [] })) as PartSpec[];
          const part = parts.find((p) => p.key === input.key);
          if (!part) continue;
          for (const ex of shown)
            expect(grade(part, ex).status, `${input.key} placeholder "${ex}" for variant ${v.kind} ${v.seed}`).not.toBe('correct');
        }
        checked.push(input.key);
      }
    }
    const lineInputs = EXERCISES.flatMap((d) => d.inputs)
      .filter((i) => ['number', 'formula', 'shape', 'vector'].includes(i.kind))
      .map((i) => i.key);
    expect(checked).toEqual(lineInputs);
  });
});
