import { describe, expect, it } from 'vitest';
import { inputExample } from '../../../src/exercises/input-example';
import { parseFormula } from '../../../src/exercises/parse-formula';
import { parseMatrix } from '../../../src/exercises/parse-matrix';
import { parseNumber } from '../../../src/exercises/parse-number';
import { parseShape } from '../../../src/exercises/parse-shape';
import { parseVector } from '../../../src/exercises/parse-vector';
import type { InputDef } from '../../../src/exercises/types';
import { EXERCISES } from '../../../src/homework/catalog';

const alternatives = (example: string): string[] => example.split(' or ');

describe('inputExample', () => {
  it('gives each kind a default example that its reader accepts', () => {
    const inputs: InputDef[] = [
      { key: 'n', kind: 'number', label: 'N' },
      { key: 'f', kind: 'formula', label: 'F' },
      { key: 's', kind: 'shape', label: 'S' },
      { key: 'v', kind: 'vector', label: 'V', length: 3 },
      { key: 'm', kind: 'matrix', label: 'M', rows: 2, cols: 2 },
    ];
    const reads: Record<string, (text: string) => { ok: boolean }> = {
      number: parseNumber,
      formula: (t) => parseFormula(t, { variables: ['y', 'p'] }),
      shape: (t) => parseShape(t, ['Dx', 'm']),
      vector: parseVector,
      matrix: parseMatrix,
    };
    for (const input of inputs) {
      const example = inputExample(input);
      expect(example, input.kind).not.toBeNull();
      for (const text of alternatives(example ?? '')) expect(reads[input.kind](text).ok, `${input.kind}: ${text}`).toBe(true);
    }
  });

  it('has no example for choices and free text unless the definition gives one', () => {
    expect(inputExample({ key: 'c', kind: 'choice', label: 'C', multiple: false, options: [] })).toBeNull();
    expect(inputExample({ key: 't', kind: 'text', label: 'T' })).toBeNull();
    expect(inputExample({ key: 't', kind: 'text', label: 'T', example: 'Because…' })).toBe('Because…');
  });

  it("prefers the definition's own example", () => {
    expect(inputExample({ key: 'n', kind: 'number', label: 'N', example: '3/7' })).toBe('3/7');
    expect(inputExample({ key: 'n', kind: 'number', label: 'N', example: '  ' })).toBe('log2(7) or 0.25');
  });

  it('never shows an answer of the homework as the example of a formula', async () => {
    const { homeworkVariant } = await import('../../../src/exercises/variant');
    const { grade } = await import('../../../src/exercises/grade');
    for (const ex of EXERCISES.filter((e) => !e.usesRuns)) {
      const parts = await ex.parts(homeworkVariant);
      for (const input of ex.inputs) {
        const example = inputExample(input);
        const spec = parts.find((p) => p.key === input.key);
        if (example === null || spec === undefined || spec.kind === 'text' || spec.kind === 'choice') continue;
        for (const text of alternatives(example)) expect(grade(spec, text).status, `${input.key}: ${text}`).not.toBe('correct');
      }
    }
  });
});
