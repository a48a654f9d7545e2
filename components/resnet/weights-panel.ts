/**
 * The widget's "Starting weights" section: on first view it takes the weights kept in this browser,
 * else course.json's `resnetWeights` when it lies beside the book, else `weights/resnet18.safetensors`
 * beside the book when the host has one, else it offers a button that downloads the course's ImageNet
 * weights from their site (IMAGENET_WEIGHTS_URL unless course.json says otherwise or `false`). The
 * student may pick a file instead. Each file is read with progress and checked (weights-check.ts; a
 * download must be trained weights); a bad one is refused with a message and the previous weights stay.
 */
import { IMAGENET_WEIGHTS_URL } from '../../src/course/course';
import { downloadLabel } from '../../src/runs/fine-tune-text';
import { resnet18Shapes } from '../../src/train/resnet18';
import { numel } from '../../src/tensor/weights/tensor-map';
import { fetchCourseFile } from '../lib/course-file';
import { pageBase } from '../lib/base-path';
import { part } from '../lib/part';
import { DownloadError, fetchBytes, readFileBytes } from './read-bytes';
import { type CheckedWeights, checkWeights, weightsText } from './weights-check';
import { keepWeights, keptWeights } from './weights-store';

/** Bytes of ResNet-18's float32 state_dict (ImageNet's 1,000-way fc): the size of the download. */
const STATE_BYTES = [...resnet18Shapes(1000).entries()].reduce(
  (n, [name, shape]) => n + (name.endsWith('num_batches_tracked') ? 0 : numel(shape) * 4),
  0,
);

/** What accept() does with a file besides checking it. */
interface AcceptOptions {
  keep: boolean;
  courseUrl?: string;
  requireTrained?: boolean;
}

const mb = (n: number) => (n / 1e6).toFixed(1);

export class WeightsPanel {
  /** The weights a run starts from, or null for random weights. */
  weights: CheckedWeights | null = null;
  private random = false;
  /** The course's download URL offered by the button, or null. */
  private offered: string | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly onChange: () => void,
  ) {
    part<HTMLButtonElement>(root, '[data-weights-download]').addEventListener('click', () => {
      if (this.offered) void this.download(this.offered);
    });
    this.showRandom();
    part<HTMLInputElement>(root, '[data-weights-file]').addEventListener('change', (e) => {
      const input = e.target as HTMLInputElement;
      const file = input.files?.[0];
      if (file)
        void this.pick(file).finally(() => {
          input.value = '';
        });
    });
    part<HTMLInputElement>(root, '[data-random]').addEventListener('change', (e) => {
      this.random = (e.target as HTMLInputElement).checked;
      this.showRandom();
      this.showStatus();
      this.onChange();
    });
  }

  /** The weights to start from: null when none are loaded or random weights were chosen. */
  chosen(): CheckedWeights | null {
    return this.random ? null : this.weights;
  }

  /** Looks for weights: kept in the browser, the course's file beside the book, the book's own file; else offers the course's download. */
  async init(): Promise<void> {
    this.say('Looking for weights kept in this browser…');
    const kept = await keptWeights();
    if (kept && (await this.accept(kept.bytes, kept.name, 'kept in this browser', { keep: false, courseUrl: kept.courseUrl }))) return;
    const course = await fetchCourseFile();
    if (course.kind === 'invalid') this.error(`course.json was ignored: ${course.error}`);
    const setting = course.kind === 'ok' ? course.course.resnetWeights : undefined;
    const base = new URL(pageBase(), location.href);
    const courseUrl = setting === false ? null : new URL(setting ?? IMAGENET_WEIGHTS_URL, base).href;
    if (courseUrl && new URL(courseUrl).origin === location.origin) {
      await this.download(courseUrl);
      return;
    }
    this.say('Looking for weights next to the book…');
    try {
      const bytes = await fetchBytes(new URL('weights/resnet18.safetensors', base).href, (d, t) => this.progress(d, t));
      if (await this.accept(bytes, 'resnet18.safetensors', "the book's weights file", { keep: true })) return;
    } catch (e) {
      if (!(e instanceof DownloadError && (e.reason === 'not-found' || e.reason === 'unreachable')))
        this.error(`The book's weights file could not be read: ${(e as Error).message}.`);
    } finally {
      this.progress(null, 0);
    }
    this.offer(courseUrl);
    this.showStatus();
  }

  /** Shows (or hides) the button that downloads the course's weights from `url`. */
  private offer(url: string | null): void {
    this.offered = url;
    part<HTMLElement>(this.root, '[data-weights-offer]').hidden = url === null;
    if (!url) return;
    part(this.root, '[data-weights-download]').textContent = downloadLabel(STATE_BYTES);
    part(this.root, '[data-weights-source]').textContent =
      `From ${new URL(url).host}, once: the file is then kept in this browser. Until then ResNet-18 starts from random weights.`;
  }

  /** Downloads the course's weights with progress, checks that they are trained ResNet-18 weights, and keeps them. */
  private async download(url: string): Promise<void> {
    const button = part<HTMLButtonElement>(this.root, '[data-weights-download]');
    button.disabled = true;
    this.error('');
    this.say(`Downloading the course's ImageNet weights from ${url}…`);
    try {
      const bytes = await fetchBytes(url, (d, t) => this.progress(d, t));
      if (
        await this.accept(bytes, decodeURIComponent(new URL(url).pathname.split('/').pop() ?? 'weights'), "the course's weights file", {
          keep: true,
          courseUrl: url,
          requireTrained: true,
        })
      )
        return;
    } catch (e) {
      this.error(
        `The course's ImageNet weights could not be downloaded: ${(e as Error).message}. Pick the weights file yourself above (torchvision's resnet18-f37072fd.pth or a .safetensors)${this.offered ? ', or press the button to try again' : ''}.`,
      );
      this.showStatus();
    } finally {
      this.progress(null, 0);
      button.disabled = false;
    }
    if (!this.offered && !this.weights) this.offer(url);
  }

  private async pick(file: File): Promise<void> {
    this.error('');
    this.say(`Reading ${file.name} (${mb(file.size)} MB)…`);
    try {
      const bytes = await readFileBytes(file, (d, t) => this.progress(d, t));
      await this.accept(bytes, file.name, 'your file', { keep: true });
    } catch (e) {
      this.error(
        `${file.name} could not be read: ${(e as Error).message}. ${this.weights ? `The previous weights (${this.weights.name}) stay.` : ''}`,
      );
      this.showStatus();
    } finally {
      this.progress(null, 0);
    }
  }

  /** Checks bytes and, when they are ResNet-18 weights, makes them current (and keeps them); returns whether they were taken. */
  private async accept(bytes: Uint8Array, name: string, origin: string, opts: AcceptOptions): Promise<boolean> {
    this.say(`Checking ${name}: names, shapes, BatchNorm statistics and SHA-256…`);
    let w: CheckedWeights;
    try {
      w = {
        ...(await checkWeights(bytes, name, { requireTrained: opts.requireTrained })),
        ...(opts.courseUrl ? { courseUrl: opts.courseUrl } : {}),
      };
    } catch (e) {
      this.error(`${(e as Error).message}. ${this.weights ? `The previous weights (${this.weights.name}) stay.` : 'Nothing was loaded.'}`);
      this.showStatus();
      return false;
    }
    this.weights = w;
    this.random = false;
    this.showRandom();
    this.offer(null);
    let kept = '';
    if (opts.keep) {
      try {
        kept = (await keepWeights(name, bytes, opts.courseUrl))
          ? ' Kept in this browser for next time.'
          : ' This browser cannot keep it (no IndexedDB): it lasts until you leave the page.';
      } catch (e) {
        kept = ` It could not be kept in this browser (${(e as Error).message}).`;
      }
    }
    this.showStatus(` From ${origin}.${kept}`);
    this.onChange();
    return true;
  }

  /** The random-weights box: ticked and fixed while no weights are loaded (that is what a run starts from), the student's choice once they are. */
  showRandom(): void {
    const box = part<HTMLInputElement>(this.root, '[data-random]');
    box.checked = this.random || !this.weights;
    box.disabled = !this.weights;
  }

  private showStatus(extra = ''): void {
    const w = this.chosen();
    this.say(
      w
        ? `${weightsText(w)}${extra}`
        : this.weights
          ? `Training from random weights (not pretrained), as you chose; ${this.weights.name} stays loaded.`
          : weightsText(null),
    );
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
    if (total > 0) {
      bar.max = total;
      bar.value = done;
    } else bar.removeAttribute('value');
    part(this.root, '[data-weights-progress-text]').textContent = total > 0 ? `${mb(done)} of ${mb(total)} MB` : `${mb(done)} MB`;
  }
}
