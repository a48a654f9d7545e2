import { DatasetError } from '../../src/data/folder-scan';
import { buildReport } from '../../src/data/image-report';
import { describeManifest, describeSpeed } from '../../src/data/load-timing';
import { DATASET_CHANGE, datasetEvents, getActiveDataset, setActiveDataset, type ActiveDataset } from '../book/active-dataset';
import type { FolderSource } from './dataset-files';
import { renderLoadReport } from './load-report-view';
import { dropZone } from '../lib/drop-zone';
import { part } from '../lib/part';

/** The data-set widget: shows the active set, loads a folder/zip/drop through the decode pool, keeps it, forgets it. */
class HwDatasetLoader extends HTMLElement {
  private busy: AbortController | null = null;

  private q<T extends Element>(sel: string): T {
    return part<T>(this, sel);
  }

  connectedCallback(): void {
    const folder = this.q<HTMLInputElement>('[data-folder]');
    const zip = this.q<HTMLInputElement>('[data-zip]');
    folder.addEventListener('change', () => {
      if (folder.files?.length) void this.load(async () => (await import('./dataset-files')).fromFileList(folder.files!));
      else this.error('The folder is empty, or the browser gave no files from it.');
    });
    zip.addEventListener('change', () => {
      const f = zip.files?.[0];
      if (f) void this.load(async () => (await import('./dataset-files')).fromZip(f));
    });
    dropZone(this.q<HTMLElement>('[data-drop]'), (dt) => void this.load(async () => (await import('./dataset-files')).fromDrop(dt)));
    this.q('[data-cancel]').addEventListener('click', () => this.busy?.abort());
    this.q('[data-forget]').addEventListener('click', () => void this.forget());
    datasetEvents.addEventListener(DATASET_CHANGE, (ev) => this.show((ev as CustomEvent<ActiveDataset | null>).detail));
    void getActiveDataset().then((d) => this.show(d));
  }

  private show(d: ActiveDataset | null): void {
    const current = this.q('[data-current]');
    this.q<HTMLButtonElement>('[data-forget]').hidden = d?.origin !== 'loaded';
    const report = this.q<HTMLElement>('[data-report]');
    if (!d) {
      current.textContent = 'No data set: the default one could not be downloaded. Check the connection and reload, or open a folder.';
      report.hidden = true;
      return;
    }
    if (d.origin === 'default') {
      current.textContent = `Using the default data set: Fashion-MNIST, ${describeManifest(d.manifest)}. It stands in for the wildlife photos so that everything works without a download; open the Russian Wildlife Dataset folder to use the real images.`;
      report.hidden = true;
      return;
    }
    const speed = d.timing ? ` ${describeSpeed(d.timing.files, d.timing.seconds)}.` : '';
    current.textContent = `Using your data set "${d.manifest.name}": ${describeManifest(d.manifest)}. It is kept in this browser, so a reload does not decode it again.${speed}`;
    if (d.report) {
      renderLoadReport(this.q('[data-report-body]'), d.report);
      report.hidden = false;
    } else report.hidden = true;
  }

  private error(message: string): void {
    this.q('[data-error]').textContent = message;
  }

  private async load(open: () => Promise<FolderSource>): Promise<void> {
    if (this.busy) {
      this.error('A data set is already loading: wait for it or press Cancel.');
      return;
    }
    const ctl = new AbortController();
    this.busy = ctl;
    this.error('');
    const progress = this.q<HTMLElement>('[data-progress]');
    const bar = this.q<HTMLProgressElement>('[data-bar]');
    const counts = this.q('[data-counts]');
    progress.hidden = false;
    bar.removeAttribute('value');
    counts.textContent = 'Reading the file list…';
    const size = Number(this.q<HTMLSelectElement>('[data-size]').value);
    try {
      const src = await open();
      const { decodeFolder } = await import('./decode-folder');
      const out = await decodeFolder(src, {
        size,
        signal: ctl.signal,
        onProgress: (done, total) => {
          bar.max = Math.max(1, total);
          bar.value = done;
          counts.textContent = `${done.toLocaleString('en')} of ${total.toLocaleString('en')} files`;
        },
      });
      counts.textContent = 'Saving…';
      const res = await setActiveDataset({
        manifest: out.manifest,
        bytes: out.bytes,
        report: out.report,
        timing: { files: out.report.files.length, seconds: out.seconds },
      });
      if (!res.stored)
        this.error(
          `Loaded, but the data set could not be kept for the next visit: ${res.storeError}. It is used until you leave the page.`,
        );
    } catch (e) {
      if ((e as Error)?.message === 'cancelled') this.error('Loading was cancelled; the previous data set is still in use.');
      else if (e instanceof DatasetError) this.failWithReport(e);
      else this.error(`Could not load the data set: ${(e as Error)?.message ?? String(e)}`);
    } finally {
      progress.hidden = true;
      counts.textContent = '';
      this.busy = null;
      for (const input of this.querySelectorAll<HTMLInputElement>('input[type=file]')) input.value = '';
    }
  }

  private failWithReport(e: DatasetError): void {
    this.error(`${e.message} The previous data set is still in use.`);
    if (e.skipped.length === 0 && e.emptyClasses.length === 0) return;
    renderLoadReport(this.q('[data-report-body]'), buildReport(e.skipped, [], e.emptyClasses));
    this.q<HTMLElement>('[data-report]').hidden = false;
  }

  private async forget(): Promise<void> {
    this.error('');
    await setActiveDataset(null);
  }
}

customElements.define('hw-dataset-loader', HwDatasetLoader);
