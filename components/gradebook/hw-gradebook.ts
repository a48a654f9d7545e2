/** <hw-gradebook>: the instructor page. Loads files, regrades them with src/grading, shows and exports the gradebook (references only in the instructor edition). */
import { strToU8, zipSync } from 'fflate';
import { DEFAULT_COURSE, readCourse, type CourseSettings } from '../../src/course/course';
import { gradebookCsv, type CsvFormat } from '../../src/grading/csv';
import { feedbackFiles } from '../../src/grading/feedback-text';
import { finalGradebook } from '../../src/grading/gradebook';
import { loadBatch, type Batch, type InputFile } from '../../src/grading/load-batch';
import {
  emptyGradingFile,
  exportGradingFile,
  importGradingFile,
  mergeGradingFiles,
  withEntry,
  type GradingFile,
} from '../../src/grading/manual-grades';
import { batchStats } from '../../src/grading/stats';
import type { GradedSubmission } from '../../src/grading/types';
import { downloadText } from '../lib/download';
import { renderDetail } from './gradebook-detail';
import { editionOf, withoutReferences } from './edition';
import { renderStats } from './gradebook-stats';
import { renderTable, type TableView } from './gradebook-table';
import { forgetKept, keepBatch, loadKept } from './submission-store';
import { readDrop, readFileList } from '../lib/read-input-files';
import { fetchCourseFile } from '../lib/course-file';
import { dropZone } from '../lib/drop-zone';
import { part } from '../lib/part';
import { el } from '../lib/el';

const STORAGE_KEY = 'dlcv-hw1:grading';

class HwGradebook extends HTMLElement {
  private files: InputFile[] = [];
  private course: CourseSettings = DEFAULT_COURSE;
  /** The text of the course file the instructor gave, kept with the files (null: the site's course.json). */
  private courseText: string | null = null;
  private grading: GradingFile = emptyGradingFile();
  private batch: Batch = { graded: [], rejected: [], superseded: [] };
  private rows: GradedSubmission[] = [];
  private view: TableView = { sortKey: 'id', descending: false, filter: '' };
  private selected: string | null = null;

  private q<T extends Element>(sel: string): T {
    return part<T>(this, sel);
  }

  connectedCallback(): void {
    this.grading = this.loadGrading();
    const add = (p: Promise<InputFile[]>) =>
      void p.then((f) => this.addFiles(f)).catch((e) => this.say(`Could not read the files: ${(e as Error).message}`));
    for (const sel of ['[data-files]', '[data-folder]']) {
      const input = this.q<HTMLInputElement>(sel);
      input.addEventListener('change', () => {
        if (input.files) add(readFileList(input.files));
        input.value = '';
      });
    }
    dropZone(this.q<HTMLElement>('[data-drop]'), (dt) => add(readDrop(dt)));
    const confirmClear = this.q<HTMLDialogElement>('[data-clear-dialog]');
    this.q('[data-clear]').addEventListener('click', () => confirmClear.showModal());
    this.q('[data-clear-cancel]').addEventListener('click', () => confirmClear.close());
    this.q('[data-clear-confirm]').addEventListener('click', () => {
      confirmClear.close();
      void this.clearFiles();
    });
    this.q<HTMLInputElement>('[data-course]').addEventListener('change', (ev) => void this.loadCourseFile(ev.target as HTMLInputElement));
    this.q<HTMLInputElement>('[data-filter]').addEventListener('input', (ev) => {
      this.view.filter = (ev.target as HTMLInputElement).value;
      this.renderTable();
    });
    this.q('[data-export-csv]').addEventListener('click', () => this.exportCsv());
    this.q('[data-export-feedback]').addEventListener('click', () => this.exportFeedback());
    this.q('[data-export-grading]').addEventListener('click', () =>
      downloadText('grading.json', exportGradingFile(this.grading), 'application/json'),
    );
    this.q<HTMLInputElement>('[data-import-grading]').addEventListener(
      'change',
      (ev) => void this.importGrading(ev.target as HTMLInputElement),
    );
    void this.loadDefaultCourse().then(() => this.restoreKept());
  }

  /** Grades again the files kept in this browser by an earlier visit, with the course file given then. */
  private async restoreKept(): Promise<void> {
    const kept = await loadKept();
    if (kept.course !== null && this.courseText === null) {
      const r = readCourse(kept.course);
      if (r.ok) {
        this.course = r.value;
        this.courseText = kept.course;
        this.renderCourse();
      }
    }
    if (kept.files.length === 0) return;
    this.files = [...kept.files, ...this.files];
    await this.regrade(`Restored ${kept.files.length} file(s) kept in this browser. `);
  }

  /** Keeps the loaded files (and course file) for the next visit; says so when this browser cannot. */
  private async keep(): Promise<void> {
    try {
      if ((await keepBatch({ files: this.files, course: this.courseText })) === 'memory')
        this.say('This browser cannot keep the files: they will be gone after a reload.');
    } catch (e) {
      this.say(`The files could not be kept in this browser (${(e as Error).message}); they will be gone after a reload.`);
    }
  }

  private async clearFiles(): Promise<void> {
    this.files = [];
    this.selected = null;
    this.courseText = null;
    await forgetKept().catch(() => undefined);
    await this.loadDefaultCourse();
    await this.regrade('Removed every loaded file from this page and this browser. ');
  }

  private say(text: string): void {
    this.q('[data-status]').textContent = text;
  }

  private loadGrading(): GradingFile {
    try {
      const text = localStorage.getItem(STORAGE_KEY);
      const r = text ? importGradingFile(text) : null;
      return r?.ok ? r.value : emptyGradingFile();
    } catch {
      return emptyGradingFile();
    }
  }

  private saveGrading(): void {
    try {
      localStorage.setItem(STORAGE_KEY, exportGradingFile(this.grading));
    } catch {
      this.say('Manual grades could not be saved in this browser; export the grading file to keep them.');
    }
  }

  private async loadDefaultCourse(): Promise<void> {
    const file = await fetchCourseFile();
    if (file.kind === 'ok') this.course = file.course;
    this.renderCourse();
  }

  private async loadCourseFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const text = await file.text();
    const r = readCourse(text);
    if (!r.ok) {
      this.say(`${file.name}: ${r.error}`);
      return;
    }
    this.course = r.value;
    this.courseText = text;
    this.renderCourse();
    await this.regrade();
    await this.keep();
  }

  private renderCourse(): void {
    const c = this.course;
    this.q('[data-course-status]').textContent =
      `Course: ${c.name}; ${c.perStudentVariants ? 'per-student numbers (salt loaded)' : 'the homework’s numbers for everyone'}.`;
  }

  private async addFiles(files: InputFile[]): Promise<void> {
    this.files = [...this.files, ...files];
    await this.regrade();
    await this.keep();
  }

  /** Regrades every loaded file; `prefix` begins the status line. */
  private async regrade(prefix = ''): Promise<void> {
    this.say(`Grading ${this.files.length} file(s)…`);
    const t0 = performance.now();
    const batch = await loadBatch(this.files, this.course);
    this.batch = editionOf(this) === 'instructor' ? batch : { ...batch, graded: withoutReferences(batch.graded) };
    this.refresh();
    const noted = this.batch.graded.filter((g) => g.flags.some((f) => f.kind === 'read-note')).length;
    const notes = noted > 0 ? ` ${noted} graded file(s) had malformed advisory entries, dropped (flag read-note).` : '';
    this.say(
      `${prefix}Graded ${this.batch.graded.length} submission(s) in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${this.batch.rejected.length} file(s) rejected.${notes}`,
    );
  }

  /** Recomputes the rows from the batch and the grading file, and redraws everything. */
  private refresh(): void {
    this.rows = finalGradebook(this.batch.graded, this.grading);
    this.renderRejected();
    this.renderTable();
    this.renderDetail();
    renderStats(this.q('[data-stats]'), batchStats(this.rows));
    for (const b of this.querySelectorAll<HTMLButtonElement>('[data-needs-rows]')) b.disabled = this.rows.length === 0;
  }

  private renderRejected(): void {
    const list = this.q<HTMLElement>('[data-rejected]');
    const items = [
      ...this.batch.rejected.map((r) => el('li', {}, el('strong', { text: r.name }), `: ${r.reason}`)),
      ...this.batch.superseded.map((s) =>
        el('li', {}, el('strong', { text: s.name }), `: an older file of ${s.studentId}; ${s.keptName} was graded instead.`),
      ),
    ];
    list.replaceChildren(...(items.length > 0 ? [el('ul', {}, ...items)] : [el('p', { text: 'No rejected files.' })]));
  }

  private renderTable(): void {
    renderTable(
      this.q('[data-table]'),
      this.rows,
      this.view,
      (key) => {
        this.view = { ...this.view, descending: this.view.sortKey === key ? !this.view.descending : false, sortKey: key };
        this.renderTable();
        this.q<HTMLElement>(`[data-table] th[aria-sort]:not([aria-sort="none"]) button`)?.focus();
      },
      (id) => {
        this.selected = id;
        this.renderDetail();
        this.q<HTMLElement>('#detail-heading')?.focus();
      },
    );
  }

  private renderDetail(): void {
    const root = this.q<HTMLElement>('[data-detail]');
    const g = this.rows.find((r) => r.studentId === this.selected);
    if (!g) {
      root.replaceChildren(el('p', { text: 'Choose a student in the gradebook to see their answers.' }));
      return;
    }
    renderDetail(root, g, this.grading, editionOf(this) === 'instructor', (itemId, entry) => {
      this.grading = withEntry(this.grading, g.studentId, itemId, entry);
      this.saveGrading();
      this.refresh();
      this.say(entry ? `Saved the grade of ${itemId} for ${g.studentId}.` : `Cleared the grade of ${itemId} for ${g.studentId}.`);
    });
  }

  private exportCsv(): void {
    const format = this.q<HTMLSelectElement>('[data-format]').value as CsvFormat;
    downloadText(`grades-${format}.csv`, gradebookCsv(this.rows, format), 'text/csv');
  }

  private exportFeedback(): void {
    const files = Object.fromEntries(
      feedbackFiles(this.rows, this.course.name, { withReference: editionOf(this) === 'instructor' }).map((f) => [f.name, strToU8(f.text)]),
    );
    downloadText('feedback.zip', zipSync(files), 'application/zip');
  }

  private async importGrading(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const r = importGradingFile(await file.text());
    if (!r.ok) {
      this.say(`${file.name}: ${r.error}`);
      return;
    }
    this.grading = mergeGradingFiles(this.grading, r.value);
    this.saveGrading();
    this.refresh();
    this.say(`Imported ${file.name}.`);
  }
}

if (!customElements.get('hw-gradebook')) customElements.define('hw-gradebook', HwGradebook);
