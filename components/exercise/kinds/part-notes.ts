/** The notes under an input: one example of accepted input (static) and the slot of the live preview (filled as one types). */
import type { InputDef } from '../../../src/exercises/types';
import { inputExample } from '../../../src/exercises/input-example';
import { esc } from './page-input';

/** Ids of the example and the preview of the input with key `key`. */
export function noteIds(key: string, uid: (key: string) => string): { example: string; preview: string } {
  return { example: `${uid(key)}-example`, preview: `${uid(key)}-preview` };
}

/** `aria-describedby` naming the example (when the input has one) and the preview. */
export function describedBy(input: InputDef, uid: (key: string) => string): string {
  const ids = noteIds(input.key, uid);
  return ` aria-describedby="${esc(inputExample(input) === null ? ids.preview : `${ids.example} ${ids.preview}`)}"`;
}

/** The example line ("e.g. …") and the empty preview slot, a polite live region. */
export function partNotes(input: InputDef, uid: (key: string) => string): string {
  const ids = noteIds(input.key, uid);
  const example = inputExample(input);
  return (
    (example === null ? '' : `<p class="ex-example" id="${esc(ids.example)}">e.g. <code>${esc(example)}</code></p>`) +
    `<div class="ex-preview" id="${esc(ids.preview)}" data-preview aria-live="polite"></div>`
  );
}
