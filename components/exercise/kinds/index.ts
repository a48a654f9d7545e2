/** The page side of every exercise kind, one line a kind; the mapped type makes a kind missing here a compile error. */
import type { InputDef, PartKind } from '../../../src/exercises/types';
import { choiceInput } from './choice';
import { matrixInput, vectorInput } from './grid';
import { lineInput, textInput } from './line';
import type { PageInput } from './page-input';

const PAGE_INPUTS: { [K in PartKind]: PageInput<Extract<InputDef, { kind: K }>> } = {
  number: lineInput('text'),
  formula: lineInput(),
  shape: lineInput(),
  text: textInput,
  vector: vectorInput,
  matrix: matrixInput,
  choice: choiceInput,
};

/** The page side of kind `kind`; an unknown kind is an error (never a silent text box). */
export function pageInput(kind: string | undefined): PageInput<InputDef> {
  if (!kind || !Object.hasOwn(PAGE_INPUTS, kind))
    throw new Error(`unknown exercise kind "${kind ?? ''}": add it to src/exercises/kinds and components/exercise/kinds`);
  return PAGE_INPUTS[kind as PartKind] as PageInput<InputDef>;
}
