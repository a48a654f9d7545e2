/** The papayas of exercises 1.1c and 1.1d that the BCE explorer may plot: only those the student has checked. */
import type { Variant } from '../exercises/types';
import { onePapaya, threePapayas } from '../homework/q1-1-variants';

/** One exercise papaya as the explorer plots it. */
export interface ExplorerPoint {
  exercise: 'q1.1c' | 'q1.1d';
  label: string;
  y: 0 | 1;
  p: number;
}

/** The student's own papayas (variant `v`) of every exercise with at least one counted attempt in `attempts`. */
export function bceExplorerPoints(v: Variant, attempts: Readonly<Record<string, number>>): ExplorerPoint[] {
  const tried = (id: string) => (attempts[id] ?? 0) > 0;
  const points: ExplorerPoint[] = [];
  if (tried('q1.1c')) {
    const [y, p] = onePapaya(v);
    points.push({ exercise: 'q1.1c', label: '1.1c', y, p });
  }
  if (tried('q1.1d')) {
    threePapayas(v).forEach(([y, p], i) => points.push({ exercise: 'q1.1d', label: `1.1d papaya ${i + 1}`, y, p }));
  }
  return points;
}
