/**
 * The widget's "Starting weights" section: on first view it takes the weights kept in this browser,
 * else course.json's `resnetWeights`, else `weights/resnet18.safetensors` beside the book when the
 * host has one; the student may pick a file instead. Each file is read with progress and checked
 * (weights-check.ts); a bad one is refused with a message and the previous weights stay.
 */
import { fetchCourseFile } from '../lib/course-file';
import { pageBase } from '../lib/base-path';
import { part } from '../lib/part';
import { fetchBytes, readFileBytes } from './read-bytes';
import { type CheckedWeights, checkWeights, weightsText } from './weights-check';
import { keepWeights, keptWeights } from './weights-store';

const mb = (n: number) => (n / 1e6).toFixed(1);

export class WeightsPanel {
  /** The weights a run starts from, or null for random weights. */
  weights: CheckedWeights | null = null;
  private random = false;

  constructor(private readonly root: HTMLElement, private readonly onChange: () => void) {
    part<HTMLInputElement>(root, '[data-weights-file]').addEventListener('change', (e) => {
      const input = e.target as HTMLInputElement;
      const file = input.files?.[0];
      if (file) void this.pick(file).finally(() => { input.value = ''; });
    });
    part<HTMLInputElement>(root, '[data-random]').addEventListener('change', (e) => {
      this.random = (e.target as HTMLInputElement).checked;
      this.showStatus();
      this.onChange();
    });
  }

  /** The weights to start from: null when none are loaded or random weights were chosen. */
  chosen(): CheckedWeights | null {
    return this.random ? null : this.weights;
  }

  /** Looks for weights: kept in the browser, then the course's URL, then the book's default file. */
  async init(): Promise<void> {
    this.say('Looking for weights kept in this browser…');
    const kept = await keptWeights();
    if (kept && (await this.accept(kept.bytes, kept.name, 'kept in this browser', false))) return;
    const course = await fetchCourseFile();
    const url = course.kind === 'ok' && course.course.resnetWeights ? new URL(course.course.resnetWeights, new URL(pageBase(), location.href)).href : `${pageBase()}weights/resnet18.safetensors`;
    const fromCourse = course.kind === 'ok' && !!course.course.resnetWeights;
    if (course.kind === 'invalid') this.error(`course.json was ignored: ${course.error}`);
    this.say(fromCourse ? `Downloading the course's weights from ${url}…` : 'Looking for weights next to the book…');
    try {
      const bytes = await fetchBytes(url, (d, t) => this.progress(d, t));
      if (bytes) {
        await this.accept(bytes, decodeURIComponent(url.split('/').pop() ?? 'weights'), fromCourse ? "the course's weights file" : "the book's weights file", true);
        return;
      }
      if (fromCourse) this.error(`The course's weights file ${url} is not there (HTTP 404). Pick the file yourself, or ask your instructor.`);
    } catch (e) {
      this.error(`The weights at ${url} could not be downloaded: ${(e as Error).message}. Pick the file yourself.`);
    } finally {
      this.progress(null, 0);
    }
    this.showStatus();
  }

  private async pick(file: File): Promise<void> {
    this.error('');
    this.say(`Reading ${file.name} (${mb(file.size)} MB)…`);
    try {
      const bytes = await readFileBytes(file, (d, t) => this.progress(d, t));
      await this.accept(bytes, file.name, 'your file', true);
    } catch (e) {
      this.error(`${file.name} could not be read: ${(e as Error).message}. ${this.weights ? `The previous weights (${this.weights.name}) stay.` : ''}`);
      this.showStatus();
    } finally {
      this.progress(null, 0);
    }
  }

  /** Checks bytes and, when they are ResNet-18 weights, makes them current (and keeps them); returns whether they were taken. */
  private async accept(bytes: Uint8Array, name: string, origin: string, keep: boolean): Promise<boolean> {
    this.say(`Checking ${name}: names, shapes and SHA-256…`);
    let w: CheckedWeights;
    try {
      w = await checkWeights(bytes, name);
    } catch (e) {
      this.error(`${(e as Error).message}. ${this.weights ? `The previous weights (${this.weights.name}) stay.` : 'Nothing was loaded.'}`);
      this.showStatus();
      return false;
    }
    this.weights = w;
    this.random = false;
    part<HTMLInputElement>(this.root, '[data-random]').checked = false;
    let kept = '';
    if (keep) {
      try {
        kept = (await keepWeights(name, bytes)) ? ' Kept in this browser for next time.' : ' This browser cannot keep it (no IndexedDB): it lasts until you leave the page.';
      } catch (e) {
        kept = ` It could not be kept in this browser (${(e as Error).message}).`;
      }
    }
    this.showStatus(` From ${origin}.${kept}`);
    this.onChange();
    return true;
  }

  private showStatus(extra = ''): void {
    const w = this.chosen();
    this.say(w ? `${weightsText(w)}${extra}` : this.weights ? `Training from random weights (not pretrained), as you chose; ${this.weights.name} stays loaded.` : weightsText(null));
  }

  private say(text: string): void {
    part(this.root, '[data-weights-status]').textContent = text;
  }

  private error(text: string): void {
    part(this.root, '[data-weights-error]').textContent = text;
  }

  private progress(done: number | null, total: number): void {
    const row = part<HTMLElement>(this.root, '[data-weights-progress-row]');
    row.hidden = done === null;
    if (done === null) return;
    const bar = part<HTMLProgressElement>(this.root, '[data-weights-progress]');
    if (total > 0) { bar.max = total; bar.value = done; } else bar.removeAttribute('value');
    part(this.root, '[data-weights-progress-text]').textContent = total > 0 ? `${mb(done)} of ${mb(total)} MB` : `${mb(done)} MB`;
  }
}
