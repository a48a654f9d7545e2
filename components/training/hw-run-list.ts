import { pretrainedText, questionText, runSetup } from '../../src/comparison/run-labels';
import { latestRun } from '../../src/homework/run-context';
import { parseRunFile } from '../../src/runs/import-run';
import { runFileName, sortRuns, stopReasonText, summariseRun, weightsFileName } from '../../src/runs/run-summary';
import type { CurveMetric } from '../../src/charts-data/training-curves';
import type { RunRecord } from '../../src/record/run-record';
import { bookState } from '../book/book-state';
import { downloadText } from '../lib/download';
import { deleteRun, getWeights, listRuns, persistent, putRun, RUNS_CHANGE, runEvents, showRunResults } from '../book/run-store';
import { whenVisible } from '../lib/when-visible';
import { part } from '../lib/part';

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);
/** `text` as nodes with a line-break opportunity (<wbr>) inside long names: between a lower-case and an upper-case letter and after "_". */
function breakable(text: string): Node[] {
  const out: Node[] = [];
  let start = 0;
  for (let i = 1; i < text.length; i++) {
    const camel = /[a-z]/.test(text[i - 1]) && /[A-Z]/.test(text[i]);
    if (camel || text[i - 1] === '_') {
      out.push(document.createTextNode(text.slice(start, i)), document.createElement('wbr'));
      start = i;
    }
  }
  out.push(document.createTextNode(text.slice(start)));
  return out;
}

/** Columns of the runs table (RunList.astro's headings). */
const COLUMN_COUNT = 6;

/** The runs list: one row per kept run with compare, export, hand in, weights and delete; import and compare below. */
class HwRunList extends HTMLElement {
  private runs: RunRecord[] = [];
  /** Runs ticked for comparison; kept across re-renders of the table. */
  private picked = new Set<string>();
  /** Counts refreshes, so that a slow read of the store never overwrites a newer one. */
  private generation = 0;

  connectedCallback(): void {
    const state = bookState();
    this.showHandedIn();
    state.addEventListener('change', () => {
      this.showHandedIn();
      this.renderRows();
    });
    runEvents.addEventListener(RUNS_CHANGE, () => void this.refresh());
    part<HTMLInputElement>(this, '[data-import]').addEventListener('change', (e) => void this.importFile(e.target as HTMLInputElement));
    part(this, '[data-compare]').addEventListener('click', () => void this.compare());
    whenVisible(this, async () => {
      part(this, '[data-store-note]').textContent = (await persistent())
        ? 'Runs are kept in this browser (IndexedDB) until you delete them. Only runs you hand in go into your submission file.'
        : 'This browser cannot keep runs (IndexedDB is unavailable): they last until you leave the page, so export the ones you need.';
      await this.refresh();
    });
  }

  private say(text: string, isError = false): void {
    part(this, '[data-error]').textContent = isError ? text : '';
    part(this, '[data-message]').textContent = isError ? '' : text;
  }

  private showHandedIn(): void {
    const handed = bookState().progress.runs;
    const question = (this.dataset.question ?? 'q2.2') as RunRecord['config']['question'];
    const checked = latestRun(question, handed);
    part(this, '[data-handed-in]').textContent =
      handed.length === 0
        ? `No run is handed in yet. This chapter's exercises on your own run are checked against the latest finished run of ${questionText(question)} that you hand in.`
        : `${handed.length} run${handed.length === 1 ? '' : 's'} handed in with your submission. ${checked ? `This chapter's exercises on your own run are checked against ${checked.id}.` : `None of them is a finished run of ${questionText(question)} with test results, so this chapter's exercises on your own run cannot be checked yet.`}`;
  }

  /** Reads the store and re-renders; returns false when a newer refresh overtook this one or the read failed. */
  private async refresh(): Promise<boolean> {
    const mine = ++this.generation;
    let runs: RunRecord[];
    try {
      runs = sortRuns(await listRuns());
    } catch (e) {
      this.say(`The runs could not be read: ${(e as Error).message}.`, true);
      return false;
    }
    if (mine !== this.generation) return false;
    this.runs = runs;
    this.renderRows();
    return true;
  }

  private renderRows(): void {
    const body = part(this, '[data-rows]');
    const handed = new Set(bookState().progress.runs.map((r) => r.id));
    if (this.runs.length === 0) {
      body.innerHTML = `<tr><td colspan="${COLUMN_COUNT}">No runs yet: train one above, or import a run file.</td></tr>`;
      return;
    }
    body.replaceChildren(
      ...this.runs.map((run) => {
        const s = summariseRun(run);
        const tr = document.createElement('tr');
        tr.dataset.runId = run.id;
        const td = (text: string, breaks = false) => {
          const c = document.createElement('td');
          c.append(...(breaks ? breakable(text) : [text]));
          return c;
        };
        const pick = document.createElement('input');
        pick.type = 'checkbox';
        pick.dataset.pick = run.id;
        pick.setAttribute('aria-label', `Compare run ${run.id}`);
        pick.checked = this.picked.has(run.id);
        pick.addEventListener('change', () => {
          if (pick.checked) this.picked.add(run.id);
          else this.picked.delete(run.id);
        });
        const setup = runSetup(run);
        const status = `${stopReasonText(s.stopped)}${handed.has(run.id) ? ' · handed in' : ''}`;
        const name = document.createElement('td');
        name.className = 'run-name';
        name.append(
          pick,
          ...[s.label, new Date(s.createdAt).toLocaleString('en'), status].map((t, i) => {
            const span = document.createElement('span');
            span.append(...breakable(t));
            if (i === 2) span.className = 'run-status';
            return span;
          }),
        );
        const results = document.createElement('td');
        const numbers = document.createElement('table');
        numbers.className = 'run-results';
        numbers.createCaption().textContent = `Results of run ${run.id}`;
        for (const [what, value] of [
          ['epochs', `${s.epochsDone}/${s.epochsPlanned}`],
          ['train', pct(s.finalTrainAccuracy)],
          ['validation', pct(s.finalValAccuracy)],
          ['test', pct(s.testAccuracy)],
          ['macro F1', s.macroF1 === null ? '—' : s.macroF1.toFixed(4)],
        ]) {
          const line = numbers.insertRow();
          const th = document.createElement('th');
          th.scope = 'row';
          th.textContent = what;
          line.append(th, Object.assign(document.createElement('td'), { textContent: value }));
        }
        results.append(numbers);
        const actions = document.createElement('td');
        const box = document.createElement('div');
        box.className = 'run-actions';
        const button = (text: string, act: () => Promise<void> | void) => {
          const b = document.createElement('button');
          b.type = 'button';
          b.textContent = text;
          b.addEventListener('click', () => void act());
          box.append(b);
        };
        if (handed.has(run.id)) button('Withdraw from my submission', () => bookState().dropRun(run.id));
        else button('Hand in with my submission', () => this.handIn(run));
        if (run.test) button('Show test results', () => showRunResults(run.id));
        button('Export JSON', () => downloadText(runFileName(run), `${JSON.stringify(run, null, 1)}\n`, 'application/json'));
        button('Download weights', () => this.downloadWeights(run));
        button('Run this in PyTorch', () => this.downloadPytorch(run));
        button('Delete', () => this.deleteOne(run));
        actions.append(box);
        const model = document.createElement('td');
        model.className = 'run-name';
        model.append(...[setup.model, setup.fineTuning].map((t) => Object.assign(document.createElement('span'), { textContent: t })));
        tr.append(name, model, td(setup.augmentation, true), td(setup.weights, true), results, actions);
        return tr;
      }),
    );
  }

  private handIn(run: RunRecord): void {
    bookState().keepRun(run);
    this.say(`Run ${run.id} will be handed in with your submission.`);
  }

  private async downloadWeights(run: RunRecord): Promise<void> {
    const w = await getWeights(run.id).catch(() => null);
    if (!w) {
      this.say(`Run ${run.id} has no weights in this browser (imported runs and runs that ended with an error have none).`, true);
      return;
    }
    downloadText(weightsFileName(run), w, 'application/octet-stream');
    this.say(`Saved ${weightsFileName(run)}: load it in PyTorch with safetensors.torch.load_file and model.load_state_dict.`);
  }

  /** Downloads the standalone PyTorch script that repeats this run (the generator loads only when asked). */
  private async downloadPytorch(run: RunRecord): Promise<void> {
    try {
      const { pytorchScriptOfRun } = await import('../../src/export/pytorch-script');
      const { fileName, source } = pytorchScriptOfRun(run);
      downloadText(fileName, source, 'text/x-python');
      const data =
        run.dataset.name === 'default'
          ? " DIR is the book's default data set as an image folder: write it with npm run unpack-dataset -- --out DIR in the book's repository."
          : " DIR is the image folder (or the unzipped .zip) the run's data set was loaded from.";
      this.say(
        `Saved ${fileName}: on a machine with torch and torchvision run python3 ${fileName} --data DIR --out run.json, then import run.json here.${data}`,
      );
    } catch (e) {
      this.say(`Run ${run.id} cannot be written as a PyTorch script: ${(e as Error).message}.`, true);
    }
  }

  private async deleteOne(run: RunRecord): Promise<void> {
    if (
      !window.confirm(
        `Delete run ${run.id} and its weights from this browser?${bookState().progress.runs.some((r) => r.id === run.id) ? ' It stays in your submission until you withdraw it.' : ''}`,
      )
    )
      return;
    await deleteRun(run.id);
    this.say(`Deleted run ${run.id}.`);
  }

  private async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    const parsed = parseRunFile(await file.text(), file.name);
    input.value = '';
    if (!parsed.ok) {
      this.say(`${parsed.error} Nothing was changed.`, true);
      return;
    }
    try {
      await putRun(parsed.value);
      await this.refresh();
      this.say(`Imported run ${parsed.value.id}.`);
    } catch (e) {
      this.say(`The run could not be kept: ${(e as Error).message}. Nothing was changed.`, true);
    }
  }

  private async compare(): Promise<void> {
    await this.refresh();
    const chosen = this.runs.filter((r) => this.picked.has(r.id) && r.epochs.length > 0);
    if (chosen.length < 2) {
      this.say('Tick two or more runs with at least one finished epoch to compare them.', true);
      return;
    }
    const metric = part<HTMLSelectElement>(this, '[data-metric]').value as CurveMetric;
    const { renderCompare } = await import('../charts/training-curves-chart');
    const legend = (r: RunRecord) => [runSetup(r).model, pretrainedText(r), summariseRun(r).label].filter(Boolean).join(' · ');
    renderCompare(part(this, '[data-compare-chart]'), chosen, metric, new Map(chosen.map((r) => [r.id, legend(r)])));
    this.say(`Comparing ${chosen.length} runs.`);
  }
}

customElements.define('hw-run-list', HwRunList);
