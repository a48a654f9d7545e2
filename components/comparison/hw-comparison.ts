import type { CurveMetric } from '../../src/charts-data/training-curves';
import { comparisonTable, type ComparisonRow } from '../../src/comparison/comparison-table';
import { runLabel } from '../../src/comparison/run-labels';
import {
  defaultPicks,
  defaultSelectionText,
  HOMEWORK_QUESTIONS,
  latestPerQuestion,
  type ListedRun,
  mergeRuns,
  readableRuns,
} from '../../src/comparison/run-sources';
import { overlaidCurves, perClassF1Table, resultPanels, sameClasses } from '../../src/comparison/side-by-side';
import { rowCells } from '../../src/comparison/table-cells';
import { parseRunFile } from '../../src/runs/import-run';
import type { RunRecord } from '../../src/record/run-record';
import { part } from '../lib/part';
import { bookState, listRuns, persistent, putRun, RUNS_CHANGE, runEvents, whenVisible } from './book-links';

type Charts = typeof import('./comparison-charts');
const QUESTION_ORDER = new Map<string, number>(HOMEWORK_QUESTIONS.map((q, i) => [q, i]));

function cell(tag: 'td' | 'th', text: string, cls = ''): HTMLTableCellElement {
  const c = document.createElement(tag);
  c.textContent = text;
  if (cls) c.className = cls;
  if (tag === 'th') c.scope = 'row';
  return c;
}

/** Chapter 2.6's comparison: lists the runs, keeps the ticked ones, and draws the table, curves, F1 and confusion views from src/comparison. */
class HwComparison extends HTMLElement {
  private stored: RunRecord[] = [];
  private listed: ListedRun[] = [];
  /** Ids ticked by the student; null until they tick or untick one (then the default applies). */
  private picked: Set<string> | null = null;
  private generation = 0;
  private read = false;
  private charts: Promise<Charts> | null = null;

  connectedCallback(): void {
    bookState().addEventListener('change', () => this.render());
    runEvents.addEventListener(RUNS_CHANGE, () => void this.refresh());
    this.q<HTMLInputElement>('[data-import]').addEventListener('change', (e) => void this.importFiles(e.target as HTMLInputElement));
    this.q('[data-metric]').addEventListener('change', () => void this.drawCurves());
    this.q('[data-normalised]').addEventListener('change', () => void this.drawConfusions());
    this.render();
    whenVisible(this, async () => {
      const keeps = await persistent();
      this.q('[data-runs-note]').textContent = keeps
        ? 'Runs you trained or imported in this book are kept in this browser; handed-in runs come from your submission. The handed-in run of each question (the one its exercises are checked against) is ticked by default.'
        : 'This browser cannot keep runs (IndexedDB is unavailable): imported runs last until you leave the page.';
      await this.refresh();
    });
    whenVisible(this.q('[data-curves]'), () => {
      this.charts = import('./comparison-charts');
      void this.drawCharts();
    });
  }

  private q<T extends Element = HTMLElement>(sel: string): T {
    return part<T>(this, sel);
  }

  private say(text: string, isError = false): void {
    this.q('[data-error]').textContent = isError ? text : '';
    this.q('[data-message]').textContent = isError ? '' : text;
  }

  /** Reads the run store, then renders; a slower, older read never overwrites a newer one. */
  private async refresh(): Promise<void> {
    const mine = ++this.generation;
    try {
      const runs = await listRuns();
      if (mine !== this.generation) return;
      this.stored = runs;
    } catch (e) {
      this.say(`The runs kept in this browser could not be read: ${(e as Error).message}. Handed-in runs are still shown.`, true);
    }
    this.read = true;
    this.render();
  }

  private picks() {
    return defaultPicks(
      this.listed.map((l) => l.run),
      this.listed.filter((l) => l.handedIn).map((l) => l.run),
    );
  }

  private selection(): Set<string> {
    const ids = new Set(this.listed.map((l) => l.run.id));
    const chosen = this.picked ?? new Set(this.picks().map((p) => p.id));
    return new Set([...chosen].filter((id) => ids.has(id)));
  }

  /** The ticked runs, by question, then oldest first. */
  private chosenRuns(): RunRecord[] {
    const sel = this.selection();
    return this.listed
      .map((l) => l.run)
      .filter((r) => sel.has(r.id))
      .sort(
        (a, b) =>
          (QUESTION_ORDER.get(a.config.question) ?? 9) - (QUESTION_ORDER.get(b.config.question) ?? 9) ||
          (a.createdAt < b.createdAt ? -1 : 1),
      );
  }

  private render(): void {
    const stored = readableRuns(this.stored);
    const handed = readableRuns(bookState().progress.runs);
    this.listed = mergeRuns(stored.runs, handed.runs);
    const problems = [...stored.problems, ...handed.problems];
    this.q('[data-unreadable]').textContent =
      problems.length === 0 ? '' : `Left out of the comparison (not valid run records; nothing was deleted): ${problems.join('; ')}.`;
    this.renderRunRows();
    this.renderExerciseRuns();
    const chosen = this.chosenRuns();
    this.renderSelectionNote(chosen);
    this.renderTable(comparisonTable(chosen));
    this.renderF1Table(chosen);
    void this.drawCharts();
  }

  private renderRunRows(): void {
    const body = this.q('[data-run-rows]');
    if (this.listed.length === 0) {
      body.innerHTML = `<tr><td colspan="6">${this.read ? 'No runs yet: train one in chapter 2.2, or import run records below.' : 'No runs read yet.'}</td></tr>`;
      return;
    }
    const sel = this.selection();
    body.replaceChildren(
      ...this.listed.map(({ run, stored, handedIn }) => {
        const tr = document.createElement('tr');
        tr.dataset.runId = run.id;
        const pick = document.createElement('input');
        pick.type = 'checkbox';
        pick.checked = sel.has(run.id);
        pick.setAttribute('aria-label', `Compare run ${run.id}`);
        pick.addEventListener('change', () => {
          const next = this.selection();
          if (pick.checked) next.add(run.id);
          else next.delete(run.id);
          this.picked = next;
          this.render();
        });
        const pickCell = document.createElement('td');
        pickCell.append(pick);
        const where = stored ? 'this browser' : 'submission only';
        const hand = document.createElement('td');
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = handedIn ? 'Withdraw from my submission' : 'Hand in with my submission';
        button.addEventListener('click', () => void (handedIn ? this.withdraw(run, stored) : this.handIn(run)));
        if (handedIn) hand.append(document.createTextNode('handed in '));
        hand.append(button);
        tr.append(
          pickCell,
          cell('td', `${runLabel(run)} · ${run.id}`),
          cell('td', run.config.question),
          cell('td', new Date(run.createdAt).toLocaleString('en')),
          cell('td', where),
          hand,
        );
        return tr;
      }),
    );
  }

  private handIn(run: RunRecord): void {
    bookState().keepRun(run);
    this.say(`Run ${run.id} will be handed in with your submission.`);
  }

  /** Withdraws a run; one that is only in the submission is first kept in this browser, so nothing is lost. */
  private async withdraw(run: RunRecord, stored: boolean): Promise<void> {
    try {
      if (!stored) await putRun(run);
    } catch (e) {
      this.say(`Run ${run.id} could not be kept in this browser (${(e as Error).message}), so it stays handed in.`, true);
      return;
    }
    bookState().dropRun(run.id);
    this.say(`Run ${run.id} is no longer handed in${stored ? '' : '; it is kept in this browser'}.`);
  }

  private renderExerciseRuns(): void {
    const per = latestPerQuestion(bookState().progress.runs);
    const parts = HOMEWORK_QUESTIONS.map((q) => `${q}: ${per[q] ? per[q]!.id : 'none handed in'}`);
    const ticked =
      this.listed.length === 0 ? '' : ` ${defaultSelectionText(this.picks())}${this.picked ? ' You have changed the ticks since.' : ''}`;
    this.q('[data-exercise-runs]').textContent =
      `The exercises below are checked against the latest handed-in run of each question (${parts.join('; ')}).${ticked}`;
  }

  private renderSelectionNote(chosen: RunRecord[]): void {
    const n = chosen.length;
    this.q('[data-selection-note]').textContent =
      this.listed.length === 0
        ? 'No runs yet, so the table shows only the numbers reported in the homework. Train the CNN in chapter 2.2, or import run records (from this book, npm run train, or a PyTorch script) above.'
        : n === 0
          ? 'No run is ticked: tick runs above to compare them. The table shows only the numbers reported in the homework.'
          : n === 1
            ? "One run is ticked: tick another to compare it with. Its numbers are shown beside the homework's."
            : `Comparing ${n} runs.`;
  }

  private renderTable(rows: ComparisonRow[]): void {
    this.q('[data-table-rows]').replaceChildren(
      ...rows.map((row) => {
        const tr = document.createElement('tr');
        tr.dataset.rowId = row.id;
        if (row.kind === 'reported') tr.className = 'reference';
        const cells = rowCells(row);
        tr.append(cell('th', cells[0]), ...cells.slice(1).map((t, i) => cell('td', t, i < 9 ? 'num' : '')));
        if (row.augmentationDetail && row.augmentationDetail !== row.augmentation)
          tr.lastElementChild!.setAttribute('title', row.augmentationDetail);
        return tr;
      }),
    );
  }

  private renderF1Table(chosen: RunRecord[]): void {
    const t = perClassF1Table(resultPanels(chosen));
    this.q('[data-f1-wrap]').hidden = t.columns.length === 0;
    const head = document.createElement('tr');
    head.append(
      Object.assign(document.createElement('th'), { scope: 'col', textContent: 'Class' }),
      ...t.columns.map((c) => Object.assign(document.createElement('th'), { scope: 'col', textContent: c.label })),
    );
    this.q('[data-f1-head]').replaceChildren(head);
    this.q('[data-f1-rows]').replaceChildren(
      ...t.classes.map((name, i) => {
        const tr = document.createElement('tr');
        tr.append(cell('th', name), ...t.rows[i].map((v) => cell('td', v === null ? '—' : v.toFixed(3), 'num')));
        return tr;
      }),
    );
  }

  private async drawCharts(): Promise<void> {
    await Promise.all([this.drawCurves(), this.drawF1(), this.drawConfusions()]);
  }

  private async drawCurves(): Promise<void> {
    if (!this.charts) return;
    const el = this.q('[data-curves]');
    const runs = this.chosenRuns().filter((r) => r.epochs.length > 0);
    if (runs.length === 0) {
      el.innerHTML = '<p class="cmp-muted">No ticked run has a finished epoch, so there is no curve to draw.</p>';
      return;
    }
    const charts = await this.charts;
    const metric = this.q<HTMLSelectElement>('[data-metric]').value as CurveMetric;
    charts.drawCurves(el, runs, metric, overlaidCurves(runs, metric).labels);
  }

  private panels() {
    const panels = resultPanels(this.chosenRuns());
    return {
      panels,
      note:
        panels.length === 0
          ? 'No ticked run has test results.'
          : sameClasses(panels)
            ? ''
            : 'The ticked runs were trained on different classes, so their matrices do not line up.',
    };
  }

  private async drawF1(): Promise<void> {
    if (!this.charts) return;
    const el = this.q('[data-f1]');
    const { panels, note } = this.panels();
    if (panels.length === 0) {
      el.innerHTML = `<p class="cmp-muted">${note}</p>`;
      return;
    }
    (await this.charts).drawF1(el, panels);
  }

  private async drawConfusions(): Promise<void> {
    if (!this.charts) return;
    const el = this.q('[data-confusion]');
    const { panels, note } = this.panels();
    if (panels.length === 0) {
      el.innerHTML = `<p class="cmp-muted">${note}</p>`;
      return;
    }
    (await this.charts).drawConfusions(el, panels, this.q<HTMLInputElement>('[data-normalised]').checked);
    if (note) el.insertAdjacentHTML('afterbegin', `<p class="cmp-muted">${note}</p>`);
  }

  private async importFiles(input: HTMLInputElement): Promise<void> {
    const files = [...(input.files ?? [])];
    input.value = '';
    const done: string[] = [];
    const errors: string[] = [];
    for (const file of files) {
      const parsed = parseRunFile(await file.text(), file.name);
      if (!parsed.ok) {
        errors.push(`${parsed.error} Nothing was changed for it.`);
        continue;
      }
      try {
        await putRun(parsed.value);
        done.push(parsed.value.id);
      } catch (e) {
        errors.push(`${file.name} could not be kept: ${(e as Error).message}.`);
      }
    }
    await this.refresh();
    if (errors.length > 0) this.say(`${done.length > 0 ? `Imported ${done.join(', ')}. ` : ''}${errors.join(' ')}`, true);
    else if (done.length > 0) this.say(`Imported ${done.length === 1 ? 'run' : 'runs'} ${done.join(', ')}.`);
  }
}

customElements.define('hw-comparison', HwComparison);
