/** <hw-run-results>: draws the test results of a kept run when the runs list asks (run-store's showRunResults), from its record and kept thumbnails. */
import { summariseRun } from '../../src/runs/run-summary';
import { getGallery, getRun, runEvents, SHOW_RUN_RESULTS } from '../book/run-store';
import { part } from '../lib/part';

class HwRunResults extends HTMLElement {
  /** Counts requests, so that a slow read never draws over a newer one. */
  private generation = 0;
  private readonly onShow = (e: Event) => void this.show((e as CustomEvent<{ id: string }>).detail.id);

  connectedCallback(): void {
    runEvents.addEventListener(SHOW_RUN_RESULTS, this.onShow);
  }

  disconnectedCallback(): void {
    runEvents.removeEventListener(SHOW_RUN_RESULTS, this.onShow);
  }

  /** Shows kept run `id`'s results, or says why it cannot. */
  async show(id: string): Promise<void> {
    const mine = ++this.generation;
    const status = part(this, '[data-run-results-status]');
    const section = part<HTMLElement>(this, '[data-results]');
    const [run, gallery] = await Promise.all([getRun(id), getGallery(id).catch(() => null)]).catch(() => [null, null] as const);
    if (mine !== this.generation) return;
    if (!run?.test) {
      section.hidden = true;
      status.textContent = run
        ? `Run ${id} has no test results: it stopped before its test pass.`
        : `Run ${id} is no longer kept in this browser.`;
      return;
    }
    const { renderResults } = await import('./train-results-view');
    if (mine !== this.generation) return;
    status.textContent = `Test results of run ${summariseRun(run).label}, kept in this browser.`;
    await renderResults(section, run, gallery);
    part(section, '[data-results-title]').textContent = `Test results of run ${run.id}`;
    part(section, '[data-results-title]').focus();
  }
}

customElements.define('hw-run-results', HwRunResults);
