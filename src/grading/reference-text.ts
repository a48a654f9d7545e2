/** The reference answer of one part as display text, for the instructor's detail view and feedback files. */
import { formatNumber, formatVector } from '../exercises/format-number';
import type { PartSpec } from '../exercises/types';

/** `spec`'s answer for this variant as text ('' for free text, which has no reference). */
export function referenceText(spec: PartSpec): string {
  switch (spec.kind) {
    case 'number':
      return formatNumber(spec.answer);
    case 'vector':
      return formatVector(spec.answer);
    case 'matrix':
      return `[${spec.answer.map((row) => formatVector(row)).join(', ')}]`;
    case 'shape':
      return spec.answer.join(' × ');
    case 'formula':
      return spec.answer;
    case 'choice':
      return spec.options.filter((o) => spec.correct.includes(o.id)).map((o) => o.label).join('; ');
    case 'text':
      return '';
  }
}
