/** Choice answers: radio buttons (one option) or checkboxes (several), read and written as comma-separated ids. */
import type { ChoiceInput } from '../../../src/exercises/kinds/choice';
import { esc, type PageInput } from './page-input';

/** The options of a choice. */
export const choiceInput: PageInput<ChoiceInput> = {
  render: (input, label, uid) =>
    `<fieldset><legend>${esc(label)}</legend>` +
    input.options
      .map(
        (o) =>
          `<label class="choice"><input type="${input.multiple ? 'checkbox' : 'radio'}" name="${esc(uid(input.key))}" value="${esc(o.id)}"><span>${esc(o.label)}</span></label>`,
      )
      .join('') +
    '</fieldset>',
  read: (part) => [...part.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value).join(','),
  write(part, raw) {
    const chosen = new Set((typeof raw === 'string' ? raw.split(',') : []).map((s) => s.trim()));
    part.querySelectorAll<HTMLInputElement>('input').forEach((i) => (i.checked = chosen.has(i.value)));
  },
  paste: () => false,
  mark: () => undefined,
};
