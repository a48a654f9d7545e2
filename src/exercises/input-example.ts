/** One example of accepted input for each input of an exercise, in the book's notation but never its answer. */
import type { InputDef } from './types';

/** The kinds' neutral examples: they show the notation, not an answer of the homework. */
const DEFAULTS: Readonly<Record<InputDef['kind'], string | null>> = {
  number: 'log2(7) or 0.25',
  vector: '0.1, 0.2, 0.7',
  matrix: '[[0.1, 0.2], [0.3, 0.4]]',
  shape: 'Dx × m',
  formula: '2y(1 − p) or \\frac{y}{p}',
  choice: null,
  text: null,
};

/** The example shown with `input`'s prompt: the definition's own `example`, else its kind's default; null for choice and text. */
export function inputExample(input: InputDef): string | null {
  if (input.kind === 'choice') return null;
  if ('example' in input && typeof input.example === 'string' && input.example.trim() !== '') return input.example;
  return DEFAULTS[input.kind] ?? null;
}
