import { describe, expect, it } from 'vitest';
import { describedBy, noteIds, partNotes } from '../../../../../components/exercise/kinds/part-notes';
import { grade } from '../../../../../src/exercises/grade';
import { inputExample } from '../../../../../src/exercises/input-example';
import { homeworkVariant } from '../../../../../src/exercises/variant';
import type { InputDef } from '../../../../../src/exercises/types';
import { EXERCISES } from '../../../../../src/homework/catalog';

const uid = (key: string) => `ex-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;

describe('partNotes', () => {
  it('shows the example escaped and an empty polite live region for the preview', () => {
    const html = partNotes({ key: 'q.x', kind: 'formula', label: 'L', example: '<b>y & p</b>' }, uid);
    expect(html).toContain('<p class="ex-example" id="ex-q-x-example">e.g. <code>&lt;b&gt;y &amp; p&lt;/b&gt;</code></p>');
    expect(html).toContain('<div class="ex-preview" id="ex-q-x-preview" data-preview aria-live="polite"></div>');
  });

  it('has no example line where the kind has none, and the input is described by what is there', () => {
    const choice: InputDef = { key: 'q.c', kind: 'choice', label: 'C', multiple: false, options: [] };
    expect(partNotes(choice, uid)).not.toContain('ex-example');
    expect(describedBy(choice, uid)).toBe(` aria-describedby="${noteIds('q.c', uid).preview}"`);
    const number: InputDef = { key: 'q.n', kind: 'number', label: 'N' };
    expect(describedBy(number, uid)).toBe(` aria-describedby="${noteIds('q.n', uid).example} ${noteIds('q.n', uid).preview}"`);
  });
});

describe('the example shown with each input of the book', () => {
  it('is never a right answer of the homework variant', async () => {
    let shown = 0;
    for (const def of EXERCISES) {
      const specs = await def.parts(homeworkVariant);
      for (const input of def.inputs) {
        const example = inputExample(input);
        const spec = specs.find((s) => s.key === input.key);
        if (example === null || !spec) continue;
        shown++;
        expect(grade(spec, example).status, `${input.key}: e.g. ${example}`).not.toBe('correct');
      }
    }
    expect(shown).toBeGreaterThan(10);
  });
});
