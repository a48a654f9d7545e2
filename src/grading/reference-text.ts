/** The reference answer of one part as display text, for the instructor's detail view and feedback files. */
import { kindOf } from '../exercises/kinds';
import type { PartSpec } from '../exercises/types';

/** `spec`'s answer for this variant as text ('' for free text, which has no reference, or a kind this grader does not know). */
export function referenceText(spec: PartSpec): string {
  return kindOf(spec)?.reference(spec) ?? '';
}
