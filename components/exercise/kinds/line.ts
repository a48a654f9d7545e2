/** One-line answers (number, formula, shape) and the free text box: one field, read and written as a string. */
import type { RawAnswer } from '../../../src/exercises/types';
import type { LineInput } from '../../../src/exercises/kinds/kind';
import { esc, type PageInput } from './page-input';
import { describedBy, partNotes } from './part-notes';

function field(part: HTMLElement): HTMLInputElement | HTMLTextAreaElement | null {
  return part.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
}

const readWrite = {
  read: (part: HTMLElement): RawAnswer => field(part)?.value ?? '',
  write(part: HTMLElement, raw: RawAnswer | undefined): void {
    const f = field(part);
    if (f) f.value = typeof raw === 'string' ? raw : '';
  },
  paste: () => false,
  mark: () => undefined,
};

/** A one-line text field with its example and preview; `inputmode` as the number kind wants it (`text`, so signs and `e` stay on phone keyboards). */
export function lineInput<K extends 'number' | 'formula' | 'shape'>(inputmode?: string): PageInput<LineInput<K>> {
  return {
    render: (typed, label, uid) => {
      const input: LineInput<'number' | 'formula' | 'shape'> = typed;
      return (
        `<label for="${esc(uid(input.key))}">${esc(label)}</label>` +
        `<input id="${esc(uid(input.key))}" class="wide" type="text" spellcheck="false" autocomplete="off" placeholder="${esc(input.placeholder ?? '')}"${inputmode ? ` inputmode="${esc(inputmode)}"` : ''}${describedBy(input, uid)}>` +
        partNotes(input, uid)
      );
    },
    ...readWrite,
  };
}

/** The free text box of a written answer. */
export const textInput: PageInput<LineInput<'text'>> = {
  render: (input, label, uid) =>
    `<label for="${esc(uid(input.key))}">${esc(label)}</label><textarea id="${esc(uid(input.key))}" rows="6" maxlength="20000"></textarea>`,
  ...readWrite,
};
