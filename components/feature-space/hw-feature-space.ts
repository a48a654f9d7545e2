/**
 * <hw-feature-space>: the feature-space view. `show(data)` draws a 2-D or 3-D embedding with a legend
 * whose buttons toggle classes, a train/validation choice (when the data has both), a hover card (image,
 * class, prediction), keys to pan, zoom and rotate, the picture in words (class centroids, nearest
 * classes), KL and trustworthiness beside it, and PNG/SVG export of the whole figure. `compute(...)`
 * runs t-SNE in the worker first, with progress and a Cancel button. The chapter decides what data to give it.
 */
import type { TsneOptions } from '../../src/tsne/tsne';
import { part } from '../lib/part';
import { exportPng, exportSvg, figureSvg } from './export-image';
import { classColour, type FeatureSpaceData } from './feature-data';
import { pointImage } from './point-image';
import type { ScatterView } from './scatter-view';
import { startTsne, type TsneJob } from './tsne-client';
import { centroidLines, pointsText, shownText, splitChoices } from './view-words';

let instances = 0;

class HwFeatureSpace extends HTMLElement {
  private data: FeatureSpaceData | null = null;
  private view: ScatterView | null = null;
  private hiddenClasses = new Set<number>();
  private split = 'all';
  private job: TsneJob | null = null;
  private heading = '';
  private faith = '';

  connectedCallback(): void {
    const keys = part(this, '[data-keys]');
    keys.id ||= `feature-space-keys-${++instances}`;
    part<HTMLButtonElement>(this, '[data-export-svg]').addEventListener('click', () => {
      const f = this.figure();
      if (f) exportSvg(f, this.fileName());
    });
    part<HTMLButtonElement>(this, '[data-export-png]').addEventListener('click', () => {
      const f = this.figure();
      if (f) void exportPng(f, this.fileName());
    });
    part<HTMLSelectElement>(this, '[data-split]').addEventListener('change', (e) => {
      this.split = (e.target as HTMLSelectElement).value;
      this.applyVisibility();
    });
    part<HTMLButtonElement>(this, '[data-cancel]').addEventListener('click', () => this.job?.cancel());
  }

  /** Runs t-SNE on [n, d] features in the worker, then shows the embedding with `rest` (labels, classes, images…). */
  async compute(
    features: Float32Array,
    n: number,
    d: number,
    options: TsneOptions,
    rest: Omit<FeatureSpaceData, 'embedding' | 'dims' | 'kl' | 'trustworthiness'>,
  ): Promise<boolean> {
    const status = part(this, '[data-status]');
    const cancel = part<HTMLButtonElement>(this, '[data-cancel]');
    const progress = part<HTMLProgressElement>(this, '[data-progress]');
    this.job?.cancel();
    cancel.hidden = false;
    progress.hidden = false;
    progress.value = 0;
    status.textContent = `t-SNE of ${n} points (${d} features) to ${options.dims ?? 2}-D: finding neighbours…`;
    const job = startTsne(features, n, d, options, (it, total, kl) => {
      progress.max = total;
      progress.value = it;
      status.textContent = `t-SNE: iteration ${it} of ${total}, KL ${kl.toFixed(3)}`;
    });
    this.job = job;
    try {
      const done = await job.result;
      if (!done) {
        status.textContent = 't-SNE cancelled.';
        return false;
      }
      await this.show({
        ...rest,
        embedding: done.embedding,
        dims: done.dims,
        kl: done.kl,
        trustworthiness: done.trustworthiness ?? undefined,
      });
      return true;
    } catch (e) {
      status.textContent = `t-SNE failed: ${(e as Error).message}`;
      return false;
    } finally {
      if (this.job === job) this.job = null;
      cancel.hidden = true;
      progress.hidden = true;
    }
  }

  /** Draws the embedding (replacing any earlier one). */
  async show(data: FeatureSpaceData): Promise<void> {
    this.data = data;
    this.hiddenClasses.clear();
    const { drawScatter } = await import('./scatter-view');
    this.heading = `${data.dims}-D t-SNE of ${pointsText(data.labels.length, data.splits)}, coloured by class${data.subject ? `: ${data.subject}` : ''}`;
    const hint =
      data.dims === 3
        ? 'drag to rotate (or the arrow keys), + and − zoom, 0 resets'
        : 'scroll to zoom, drag to pan (or the arrow keys, + and −, 0 resets)';
    this.view = drawScatter(part(this, '[data-plot]'), data, `${this.heading}; ${hint}`, (i, x, y) => this.hover(i, x, y));
    this.view.svg.setAttribute('aria-describedby', part(this, '[data-keys]').id);
    part(this, '[data-keys]').hidden = false;
    part(this, '[data-words-box]').hidden = false;
    this.renderLegend();
    this.renderSplitChoices();
    this.faith = [
      data.kl === undefined ? '' : `KL divergence ${data.kl.toFixed(3)}`,
      data.trustworthiness === undefined ? '' : `trustworthiness (k = 10) ${data.trustworthiness.toFixed(3)}`,
    ]
      .filter(Boolean)
      .join(' · ');
    part(this, '[data-faithfulness]').textContent = this.faith;
    this.querySelectorAll<HTMLButtonElement>('[data-export-svg], [data-export-png]').forEach((b) => {
      b.disabled = false;
    });
    this.applyVisibility();
  }

  private fileName(): string {
    return `feature-space-${this.data?.dims ?? 2}d`;
  }

  /** The figure to export: title, the points shown, the legend of the classes shown, and what is shown with KL and trustworthiness. */
  private figure(): SVGSVGElement | null {
    const d = this.data;
    if (!d || !this.view) return null;
    const legend = d.classes.flatMap((name, c) => (this.hiddenClasses.has(c) ? [] : [{ name, colour: classColour(c) }]));
    return figureSvg(this.view.svg, {
      title: this.heading,
      legend,
      note: [this.faith, part(this, '[data-shown]').textContent ?? ''].filter(Boolean).join('. '),
    });
  }

  private renderSplitChoices(): void {
    const sel = part<HTMLSelectElement>(this, '[data-split]');
    const choices = splitChoices(this.data!.splits);
    sel.replaceChildren(...choices.map((c) => new Option(c.text, c.value)));
    sel.closest('label')!.hidden = choices.length === 0;
    sel.value = 'all';
    this.split = 'all';
  }

  private renderLegend(): void {
    const legend = part(this, '[data-legend]');
    legend.replaceChildren();
    this.data!.classes.forEach((name, c) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('aria-pressed', 'true');
      b.innerHTML = '<span class="swatch" aria-hidden="true"></span>';
      (b.firstElementChild as HTMLElement).style.background = classColour(c);
      b.append(name);
      b.addEventListener('click', () => {
        if (this.hiddenClasses.has(c)) this.hiddenClasses.delete(c);
        else this.hiddenClasses.add(c);
        b.setAttribute('aria-pressed', String(!this.hiddenClasses.has(c)));
        this.applyVisibility();
      });
      legend.append(b);
    });
  }

  /** Hides the points of hidden classes and other splits, and says what is shown: the caption, the status and the picture in words. */
  private applyVisibility(): void {
    const d = this.data;
    if (!d || !this.view) return;
    const visible = (i: number) =>
      !this.hiddenClasses.has(d.labels[i]) && (this.split === 'all' || !d.splits || d.splits[i] === this.split);
    this.view.setVisible(visible);
    const n = d.labels.length;
    let shown = 0;
    for (let i = 0; i < n; i++) if (visible(i)) shown++;
    const hiddenShown = [...this.hiddenClasses].filter((c) => c < d.classes.length).length;
    const shownLine = shownText(shown, n, this.split, hiddenShown);
    part(this, '[data-shown]').textContent = shownLine;
    part(this, '[data-status]').textContent = `${this.heading}. ${shownLine}${this.faith ? ` ${this.faith}` : ''}`;
    const words = centroidLines(this.view.points, n, d.dims, d.labels, d.classes, visible);
    part(this, '[data-words]').replaceChildren(
      ...(words.length > 0 ? words : ['No point is shown.']).map((w) => Object.assign(document.createElement('li'), { textContent: w })),
    );
  }

  private hover(i: number, x: number, y: number): void {
    const card = part(this, '[data-hover]');
    const d = this.data;
    if (i < 0 || !d) {
      card.hidden = true;
      return;
    }
    card.replaceChildren();
    const img = pointImage(d, i);
    if (img) card.append(img);
    const text = document.createElement('p');
    const split = d.splits ? ` · ${d.splits[i] === 'val' ? 'validation' : d.splits[i]}` : '';
    text.textContent = `class ${d.classes[d.labels[i]]}${d.predicted ? ` · predicted ${d.classes[d.predicted[i]]}` : ''}${split}`;
    card.append(text);
    card.style.left = `${x + 12}px`;
    card.style.top = `${y + 12}px`;
    card.hidden = false;
  }
}

customElements.define('hw-feature-space', HwFeatureSpace);
