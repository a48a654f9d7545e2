/**
 * The widget's feature-space section: the class-centroid table of a feature set (what q2.3.features
 * is checked against), and t-SNE of it in the two <hw-feature-space> views (2-D: train and
 * validation; 3-D: validation), with the settings the student chose; each view has its own progress and Cancel.
 */
import type { FeatureSpaceSummary } from '../../src/record/run-record';
import type { TsneOptions } from '../../src/tsne/tsne';
import type { FeatureSpaceData } from '../feature-space/feature-data';
import { part } from '../lib/part';
import { type FeatureSet, valOnly } from './feature-set';

/** What <hw-feature-space> offers (components/feature-space/hw-feature-space.ts). */
interface FeatureSpaceElement extends HTMLElement {
  compute(
    features: Float32Array,
    n: number,
    d: number,
    options: TsneOptions,
    rest: Omit<FeatureSpaceData, 'embedding' | 'dims' | 'kl' | 'trustworthiness'>,
  ): Promise<boolean>;
}

/** One t-SNE picture as the run record keeps it. */
export type TsneSummary = NonNullable<FeatureSpaceSummary['tsne']>[number];

/** Reads the t-SNE settings; a bad one is named. */
export function tsneSettings(
  root: HTMLElement,
): { ok: true; perplexity: number; iterations: number; seed: number } | { ok: false; error: string } {
  const num = (sel: string) => Number(part<HTMLInputElement>(root, sel).value);
  const perplexity = num('[data-perplexity]');
  const iterations = num('[data-iterations]');
  const seed = num('[data-tsne-seed]');
  if (!(perplexity >= 2 && perplexity <= 100)) return { ok: false, error: 'The perplexity must be a number from 2 to 100 (30 is usual).' };
  if (!Number.isInteger(iterations) || iterations < 250 || iterations > 5000)
    return { ok: false, error: 'Iterations must be a whole number from 250 to 5,000 (the first 250 are early exaggeration).' };
  if (!Number.isInteger(seed) || seed < 0) return { ok: false, error: 'The t-SNE seed must be a whole number from 0.' };
  return { ok: true, perplexity, iterations, seed };
}

/** Writes the table of each class's nearest class by centroid distance. */
export function renderCentroids(el: HTMLElement, s: FeatureSpaceSummary, classes: readonly string[]): void {
  const dist = s.classCentroidDistances;
  const table = document.createElement('table');
  table.createCaption().textContent = `Class centroids of the ${s.points} feature vectors (${s.featureSize}-D): each class's nearest other class`;
  const head = table.createTHead().insertRow();
  for (const h of ['Class number', 'Class', 'Nearest class', 'Centroid distance']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  dist.forEach((row, c) => {
    let near = c === 0 ? 1 : 0;
    row.forEach((v, j) => {
      if (j !== c && v < row[near]) near = j;
    });
    const tr = body.insertRow();
    for (const v of [String(c), classes[c], `${near} (${classes[near]})`, row[near].toFixed(3)]) tr.insertCell().textContent = v;
  });
  el.replaceChildren(table);
}

/** Draws both views from a feature set, titled with `subject` (the run or weights and whether pretrained); resolves with the pictures drawn (cancelled ones are left out). */
export async function drawViews(
  root: HTMLElement,
  f: FeatureSet,
  classes: string[],
  images: { pixels: Uint8Array; imageSize: number; channels: 1 | 3 } | null,
  settings: { perplexity: number; iterations: number; seed: number },
  subject: string,
): Promise<TsneSummary[]> {
  const out: TsneSummary[] = [];
  const view2 = part<FeatureSpaceElement>(root, '[data-view-2d] hw-feature-space');
  const view3 = part<FeatureSpaceElement>(root, '[data-view-3d] hw-feature-space');
  await customElements.whenDefined('hw-feature-space');
  const val = valOnly(f);
  for (const [view, set, dims] of [
    [view2, f, 2],
    [view3, val, 3],
  ] as const) {
    const n = set.labels.length;
    const options: TsneOptions = {
      dims,
      perplexity: Math.min(settings.perplexity, Math.max(2, Math.floor((n - 1) / 3))),
      iterations: settings.iterations,
      seed: settings.seed,
    };
    const done = await view.compute(set.features, n, set.d, options, {
      labels: set.labels,
      classes,
      splits: set.splits,
      images: images ? { ...images, index: set.index } : undefined,
      subject: `${dims === 2 ? 'train and validation' : 'validation'} features of ${subject}`,
    });
    if (!done) continue;
    const faith = view.querySelector('[data-faithfulness]')?.textContent ?? '';
    const kl = Number(/KL divergence ([\d.]+)/.exec(faith)?.[1] ?? NaN);
    const tw = /trustworthiness \(k = 10\) ([\d.]+)/.exec(faith)?.[1];
    out.push({
      dims,
      perplexity: options.perplexity!,
      iterations: settings.iterations,
      seed: settings.seed,
      kl: Number.isFinite(kl) ? kl : 0,
      trustworthiness: tw ? Number(tw) : null,
      points: n,
    });
  }
  return out;
}
