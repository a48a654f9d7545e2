/**
 * <hw-feature-space>: the feature-space view. `show(data)` draws a 2-D or 3-D embedding with a legend
 * whose buttons toggle classes, a train/validation choice, a hover card (image, class, prediction),
 * KL and trustworthiness beside it, and PNG/SVG export. `compute(...)` runs t-SNE in the worker
 * first, with progress and a Cancel button. The chapter decides what data to give it.
 */
import type { TsneOptions } from '../../src/tsne/tsne';
import { part } from '../lib/part';
import { exportPng, exportSvg } from './export-image';
import { classColour, type FeatureSpaceData } from './feature-data';
import { pointImage } from './point-image';
import type { ScatterView } from './scatter-view';
import { startTsne, type TsneJob } from './tsne-client';

class HwFeatureSpace extends HTMLElement {
  private data: FeatureSpaceData | null = null;
  private view: ScatterView | null = null;
  private hiddenClasses = new Set<number>();
  private split = 'all';
  private job: TsneJob | null = null;

  connectedCallback(): void {
    part<HTMLButtonElement>(this, '[data-export-svg]').addEventListener('click', () => { if (this.view) exportSvg(this.view.svg, this.fileName()); });
    part<HTMLButtonElement>(this, '[data-export-png]').addEventListener('click', () => { if (this.view) void exportPng(this.view.svg, this.fileName()); });
    part<HTMLSelectElement>(this, '[data-split]').addEventListener('change', (e) => { this.split = (e.target as HTMLSelectElement).value; this.applyVisibility(); });
    part<HTMLButtonElement>(this, '[data-cancel]').addEventListener('click', () => this.job?.cancel());
  }

  /** Runs t-SNE on [n, d] features in the worker, then shows the embedding with `rest` (labels, classes, images…). */
  async compute(features: Float32Array, n: number, d: number, options: TsneOptions, rest: Omit<FeatureSpaceData, 'embedding' | 'dims' | 'kl' | 'trustworthiness'>): Promise<boolean> {
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
      if (!done) { status.textContent = 't-SNE cancelled.'; return false; }
      await this.show({ ...rest, embedding: done.embedding, dims: done.dims, kl: done.kl, trustworthiness: done.trustworthiness ?? undefined });
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
    const title = `${data.dims}-D t-SNE of ${data.labels.length} points coloured by class${data.dims === 3 ? '; drag to rotate' : '; scroll to zoom, drag to pan'}`;
    this.view = drawScatter(part(this, '[data-plot]'), data, title, (i, x, y) => this.hover(i, x, y));
    this.renderLegend();
    const sel = part<HTMLSelectElement>(this, '[data-split]');
    sel.closest('label')!.hidden = !data.splits;
    this.split = data.splits ? sel.value : 'all';
    const faith = [data.kl === undefined ? '' : `KL divergence ${data.kl.toFixed(3)}`, data.trustworthiness === undefined ? '' : `trustworthiness (k = 10) ${data.trustworthiness.toFixed(3)}`].filter(Boolean).join(' · ');
    part(this, '[data-status]').textContent = `${title}. ${faith}`;
    part(this, '[data-faithfulness]').textContent = faith;
    this.querySelectorAll<HTMLButtonElement>('[data-export-svg], [data-export-png]').forEach((b) => { b.disabled = false; });
    this.applyVisibility();
  }

  private fileName(): string {
    return `feature-space-${this.data?.dims ?? 2}d`;
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

  private applyVisibility(): void {
    const d = this.data;
    if (!d || !this.view) return;
    this.view.setVisible((i) => !this.hiddenClasses.has(d.labels[i]) && (this.split === 'all' || !d.splits || d.splits[i] === this.split));
  }

  private hover(i: number, x: number, y: number): void {
    const card = part(this, '[data-hover]');
    const d = this.data;
    if (i < 0 || !d) { card.hidden = true; return; }
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
