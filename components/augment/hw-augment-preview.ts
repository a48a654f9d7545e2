import { mulberry32 } from '../../src/data/rng';
import { type Pipeline, describeStep } from '../../src/augment/pipeline';
import { type FormEntry, fitPipeline, formEntries, homeworkPipeline, paramHint, pipelineFromForm } from '../../src/augment/pipeline-form';
import { batchImageRgba, previewBatch } from '../../src/augment/preview-batch';
import { samplesPerClass } from '../../src/data/sample-pixels';
import type { TF } from '../../src/tensor/tf-types';
import { DATASET_CHANGE, datasetEvents, getActiveDataset, type ActiveDataset } from '../book/active-dataset';
import { el } from '../lib/el';
import { part } from '../lib/part';
import { whenVisible } from '../lib/when-visible';
import { loadPipeline, savePipeline } from '../book/pipeline-store';

const ORIGINALS = 4;
const DRAWS = 6;

/** The augmentation preview: a form for the pipeline, originals and DRAWS augmented draws of each, re-drawn on demand; valid pipelines are kept for training. */
class HwAugmentPreview extends HTMLElement {
  private data: ActiveDataset | null = null;
  private tf: TF | null = null;
  private pipeline: Pipeline = [];
  private draw = 0;
  /** Counts renders, so a slow one never paints over a newer one. */
  private generation = 0;

  connectedCallback(): void {
    part(this, '[data-form]').addEventListener('submit', (e) => e.preventDefault());
    part(this, '[data-form]').addEventListener('change', () => this.onForm());
    part(this, '[data-draw]').addEventListener('click', () => {
      this.draw++;
      void this.render();
    });
    part(this, '[data-homework]').addEventListener('click', () => {
      if (!this.data) return;
      this.pipeline = homeworkPipeline(this.data.manifest.imageSize);
      this.buildForm();
      this.keep();
    });
    datasetEvents.addEventListener(DATASET_CHANGE, (ev) => {
      if (!this.tf) return;
      this.data = (ev as CustomEvent<ActiveDataset | null>).detail;
      void this.start();
    });
    whenVisible(this, async () => {
      this.data = await getActiveDataset();
      const { loadTf } = await import('../lib/train-session');
      this.status('Loading TensorFlow.js…');
      try {
        this.tf = await loadTf();
        await this.tf.ready();
      } catch (e) {
        this.status(`TensorFlow.js could not start: ${(e as Error).message}.`);
        return;
      }
      await this.start();
    });
  }

  private status(text: string): void {
    part(this, '[data-status]').textContent = text;
  }

  private size(): number {
    return this.data?.manifest.imageSize ?? 32;
  }

  private async start(): Promise<void> {
    if (!this.data) {
      this.status('No data set is available: load one in chapter 2.1, or reload the page to get the default data set.');
      return;
    }
    const kept = loadPipeline(this.size());
    this.pipeline = fitPipeline(kept.pipeline, this.size());
    part(this, '[data-error]').textContent = kept.warning ?? '';
    this.buildForm();
    part<HTMLButtonElement>(this, '[data-draw]').disabled = false;
    part<HTMLButtonElement>(this, '[data-homework]').disabled = false;
    await this.render();
  }

  /** One fieldset per transform: a "use" checkbox and one text field per parameter. */
  private buildForm(): void {
    const form = part(this, '[data-form]');
    form.replaceChildren(
      ...formEntries(this.pipeline, this.size()).map((e) => {
        const use = el('input', { type: 'checkbox', name: `${e.op}.on`, checked: e.on });
        const set = el(
          'fieldset',
          { 'data-op': e.op, 'data-off': !e.on },
          el('legend', {}, el('label', {}, use, ` ${e.op}`)),
          ...Object.entries(e.fields).map(([k, v]) =>
            el(
              'label',
              { className: 'aug-field' },
              k,
              el('input', {
                type: 'text',
                name: `${e.op}.${k}`,
                value: v,
                title: paramHint(e.op, k) || undefined,
                spellcheck: 'false',
                autocomplete: 'off',
              }),
            ),
          ),
        );
        return set;
      }),
    );
  }

  private readForm(): FormEntry[] {
    return [...this.querySelectorAll<HTMLFieldSetElement>('[data-form] fieldset')].map((set) => {
      const op = set.dataset.op as string;
      const fields: Record<string, string> = {};
      set.querySelectorAll<HTMLInputElement>('input[type=text]').forEach((i) => {
        fields[i.name.slice(op.length + 1)] = i.value;
      });
      const on = (set.querySelector('input[type=checkbox]') as HTMLInputElement).checked;
      set.toggleAttribute('data-off', !on);
      return { op, on, fields };
    });
  }

  private onForm(): void {
    const entries = this.readForm();
    const r = pipelineFromForm(entries, this.size());
    this.querySelectorAll('[data-form] input').forEach((i) => i.removeAttribute('aria-invalid'));
    if (!r.ok) {
      const on = entries.filter((e) => e.on);
      for (const p of r.problems) {
        const entry = p.step === null ? undefined : on[p.step];
        if (entry && p.param) this.querySelector(`[name="${entry.op}.${p.param}"]`)?.setAttribute('aria-invalid', 'true');
      }
      part(this, '[data-error]').textContent = `Not used yet, fix this first:\n${r.problems.map((p) => p.words).join('\n')}`;
      return;
    }
    this.pipeline = r.value;
    this.keep();
  }

  private keep(): void {
    part(this, '[data-error]').textContent = savePipeline(this.pipeline) ?? '';
    void this.render();
  }

  private async render(): Promise<void> {
    const d = this.data;
    const tf = this.tf;
    if (!d || !tf) return;
    const { imageSize: s, channels, classes } = d.manifest;
    const picks = samplesPerClass(d.dataset.labels, classes.length, 1)
      .map((idx) => idx[0])
      .filter((i) => i !== undefined)
      .slice(0, ORIGINALS);
    const mine = ++this.generation;
    const { pipeline, draw } = this;
    const pipelineText = pipeline.length
      ? `Pipeline: ${pipeline.map(describeStep).join(' → ')}`
      : 'Pipeline: none (every draw is the original).';
    const { augmentBatch } = await import('../../src/augment/augment-batch');
    let out: Float32Array;
    try {
      const x = tf.tensor4d(previewBatch(d.dataset.pixels, s, channels, picks, DRAWS), [picks.length * DRAWS, s, s, 3]);
      const y = augmentBatch(tf, x, pipeline, mulberry32(1000 + draw));
      out = (await y.data()) as Float32Array;
      tf.dispose([x, y]);
      if (mine !== this.generation) return;
    } catch (e) {
      part(this, '[data-error]').textContent = `The augmentations could not be applied: ${(e as Error).message}`;
      return;
    }
    const canvas = (rgba: Uint8ClampedArray, label: string, original: boolean) => {
      const c = el('canvas', { width: s, height: s, role: 'img', 'aria-label': label, className: original ? 'aug-original' : undefined });
      c.getContext('2d')?.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, s, s), 0, 0);
      return c;
    };
    const orig = previewBatch(d.dataset.pixels, s, channels, picks, 1);
    // The pipeline's text, the pictures and the status change together, once the draws are ready.
    part(this, '[data-pipeline-text]').textContent = pipelineText;
    part(this, '[data-grid]').replaceChildren(
      ...picks.map((img, k) =>
        el(
          'div',
          { className: 'aug-row' },
          el('span', {}, classes[d.dataset.labels[img]]),
          canvas(batchImageRgba(orig, k, s, s), `original ${k + 1} (${classes[d.dataset.labels[img]]})`, true),
          ...Array.from({ length: DRAWS }, (_, j) =>
            canvas(batchImageRgba(out, k * DRAWS + j, s, s), `draw ${j + 1} of original ${k + 1}`, false),
          ),
        ),
      ),
    );
    this.status(
      `${picks.length} originals (outlined) and ${DRAWS} augmented draws of each, ${s}×${s}, draw ${draw + 1}. Change a parameter or press "Draw again".`,
    );
  }
}

customElements.define('hw-augment-preview', HwAugmentPreview);
