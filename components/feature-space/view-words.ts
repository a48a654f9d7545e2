/** The feature-space view in words (pure, no DOM): the Points choices a data set offers, what is shown, and the class centroids as text. */
import { classCentroids, nearestClasses } from '../../src/tsne/view-math';

/** Names of the splits a point can belong to. */
const SPLIT_WORDS: Record<string, string> = { train: 'train', val: 'validation' };

/** One option of the Points selector. */
export interface SplitChoice {
  value: string;
  text: string;
}

/** The Points options for these splits: "all" first, then each split present; none when fewer than two splits are present (nothing to choose). */
export function splitChoices(splits: ArrayLike<string> | undefined): SplitChoice[] {
  if (!splits) return [];
  const present = new Set(Array.from(splits));
  const known = Object.keys(SPLIT_WORDS).filter((s) => present.has(s));
  if (present.size < 2) return [];
  return [
    { value: 'all', text: known.map((s) => SPLIT_WORDS[s]).join(' and ') || 'all' },
    ...known.map((s) => ({ value: s, text: `${SPLIT_WORDS[s]} only` })),
  ];
}

/** The points a view contains in words: "500 points (validation images)" when they are all one split, else "500 points". */
export function pointsText(total: number, splits: ArrayLike<string> | undefined): string {
  const present = splits ? new Set(Array.from(splits)) : new Set<string>();
  const only = present.size === 1 ? SPLIT_WORDS[[...present][0]] : undefined;
  return `${total} point${total === 1 ? '' : 's'}${only ? ` (${only} images)` : ''}`;
}

/** What the view shows now: "Showing all 500 points." or "Showing 120 of 500 points (train only; 2 classes hidden)." */
export function shownText(shown: number, total: number, split: string, hiddenClasses: number): string {
  const why = [
    split !== 'all' && SPLIT_WORDS[split] ? `${SPLIT_WORDS[split]} only` : '',
    hiddenClasses > 0 ? `${hiddenClasses} class${hiddenClasses === 1 ? '' : 'es'} hidden` : '',
  ].filter(Boolean);
  if (shown === total && why.length === 0) return `Showing all ${total.toLocaleString('en')} points.`;
  return `Showing ${shown.toLocaleString('en')} of ${total.toLocaleString('en')} points${why.length ? ` (${why.join('; ')})` : ''}.`;
}

const num = (v: number) => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2)).replace('-', '−');

/**
 * The picture in words: per class shown, its number of points, the centre of its points (view coordinates: the farthest
 * point lies at distance 1 from the middle; x to the right, y up, z towards the viewer before rotating) and its two nearest classes.
 */
export function centroidLines(
  points: ArrayLike<number>,
  n: number,
  dims: 2 | 3,
  labels: ArrayLike<number>,
  classes: readonly string[],
  visible?: (i: number) => boolean,
): string[] {
  const centroids = classCentroids(points, n, dims, labels, visible);
  const near = new Map(nearestClasses(centroids, 2).map((c) => [c.label, c.nearest]));
  const name = (c: number) => classes[c] ?? `class ${c}`;
  return centroids.map((c) => {
    const axes = ['x', 'y', 'z']
      .slice(0, dims)
      .map((a, i) => `${a} ${num(c.centre[i])}`)
      .join(', ');
    const nearest = near.get(c.label) ?? [];
    const tail =
      nearest.length === 0 ? 'no other class shown' : `nearest ${nearest.map((o) => `${name(o.label)} (${num(o.distance)})`).join(', ')}`;
    return `${name(c.label)}: ${c.count} point${c.count === 1 ? '' : 's'}, centre at ${axes}; ${tail}.`;
  });
}
