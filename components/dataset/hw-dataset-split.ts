import { classDistribution, classFractionRange, randomSplitPerClass, SPLIT_NAMES } from '../../src/data/class-distribution';
import { stratifiedSplit } from '../../src/data/split';
import { DATASET_CHANGE, datasetEvents, getActiveDataset, type ActiveDataset } from '../book/active-dataset';
import { table } from './load-report-view';
import { pct, valShareSentence } from './split-wording';
import { whenVisible } from '../lib/when-visible';
import { part } from '../lib/part';

/** The stratified split of the active data set for a seed, drawn as grouped bars with a table of counts and shares. */
class HwDatasetSplit extends HTMLElement {
  private data: ActiveDataset | null = null;
  private draw: typeof import('../charts/class-distribution-chart').renderClassDistribution | null = null;

  connectedCallback(): void {
    const seed = part<HTMLInputElement>(this, '[data-seed]');
    seed.addEventListener('input', () => this.update());
    for (const r of this.querySelectorAll<HTMLInputElement>('input[name=split-measure]')) r.addEventListener('change', () => this.update());
    datasetEvents.addEventListener(DATASET_CHANGE, (ev) => {
      this.data = (ev as CustomEvent<ActiveDataset | null>).detail;
      this.update();
    });
    whenVisible(this, async () => {
      const [{ renderClassDistribution }, data] = await Promise.all([import('../charts/class-distribution-chart'), getActiveDataset()]);
      this.draw = renderClassDistribution;
      this.data ??= data;
      this.update();
    });
  }

  private seed(): number | null {
    const raw = part<HTMLInputElement>(this, '[data-seed]').value.trim();
    const err = part(this, '[data-error]');
    const n = Number(raw);
    if (raw === '' || !Number.isInteger(n) || n < 0 || n > 4294967295) {
      err.textContent = `The seed must be a whole number from 0 to 4294967295${raw === '' ? '' : `, not "${raw}"`}.`;
      return null;
    }
    err.textContent = '';
    return n;
  }

  private update(): void {
    if (!this.draw) return;
    const summary = part(this, '[data-summary]');
    const d = this.data;
    if (!d) {
      summary.textContent = 'No data set is available to split.';
      return;
    }
    const seed = this.seed();
    if (seed === null) return;
    const { classes } = d.manifest;
    const split = stratifiedSplit(d.dataset.labels, classes.length, seed);
    const dist = classDistribution(split.perClass, classes);
    const measure = this.querySelector<HTMLInputElement>('input[name=split-measure]:checked')?.value === 'share' ? 'share' : 'count';
    const which = d.origin === 'default' ? 'the default data set' : `"${d.manifest.name}"`;
    this.draw(
      part(this, '[data-chart]'),
      dist,
      measure,
      `Class distribution of the train, validation and test splits of ${which} (seed ${seed})`,
    );
    const t = dist.totals;
    summary.textContent =
      `Seed ${seed}: ${t.train.toLocaleString('en')} training, ${t.val.toLocaleString('en')} validation and ${t.test.toLocaleString('en')} test images (${pct(t.train / t.all)} / ${pct(t.val / t.all)} / ${pct(t.test / t.all)}).` +
      (split.tinyClasses.length
        ? ` Classes with fewer than 6 images miss a split: ${split.tinyClasses.map((l) => classes[l]).join(', ')}.`
        : '');
    const rows = dist.rows.map((r) => [String(r.label), r.name, r.total, ...SPLIT_NAMES.flatMap((s) => [r.counts[s], pct(r.shares[s])])]);
    rows.push(['', 'all', t.all, ...SPLIT_NAMES.flatMap((s) => [t[s], '100.0 %'])]);
    part(this, '[data-table]').replaceChildren(
      table(
        `Images per class and split (seed ${seed}); "share" is the class's part of that split`,
        ['Label', 'Class', 'Images', 'Train', 'Train share', 'Val', 'Val share', 'Test', 'Test share'],
        rows,
      ),
    );
    const rnd = classFractionRange(randomSplitPerClass(d.dataset.labels, classes.length, seed), 'val');
    const st = classFractionRange(split.perClass, 'val');
    part(this, '[data-random]').textContent = valShareSentence(st, rnd);
  }
}

customElements.define('hw-dataset-split', HwDatasetSplit);
