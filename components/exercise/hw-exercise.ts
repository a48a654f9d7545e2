import type { Feedback, PartSpec, RawAnswer } from '../../src/exercises/types';
import { exerciseById } from '../../src/homework/catalog';
import { runContextKey, waitingForRun } from '../../src/homework/run-context';
import { splitPasted } from '../../src/exercises/split-pasted';
import { combineFeedback } from '../../src/exercises/combine-feedback';
import { isBlank } from '../../src/exercises/could-not-read';
import { bookState } from '../book/book-state';
import { pageInput } from './kinds';
import { PartPreviews } from './answer-preview';

/** One exercise on the page: restores and saves answers, previews how they read, checks them with the engine, shows feedback. */
class HwExercise extends HTMLElement {
  private saveTimer: number | undefined;
  private specCache: { key: string; specs: Promise<PartSpec[]> } | null = null;
  private readonly previews = new PartPreviews(
    () => this.specs(),
    (part) => this.readPart(part),
  );

  connectedCallback(): void {
    const id = this.dataset.exercise ?? '';
    const def = exerciseById(id);
    if (!def) return;
    const state = bookState();
    this.restore();
    this.addEventListener('input', (ev) => {
      this.scheduleSave();
      const part = (ev.target as Element).closest<HTMLElement>('.ex-part');
      if (part) this.previews.schedule(part);
    });
    this.addEventListener('focusin', (ev) => this.previewRestored(ev.target as Element));
    this.addEventListener('change', () => this.saveAll());
    window.addEventListener('pagehide', () => this.flush());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.flush();
    });
    this.addEventListener('paste', (ev) => this.onPaste(ev as ClipboardEvent));
    this.addEventListener('keydown', (ev) => this.onEnter(ev));
    this.querySelector('[data-check]')?.addEventListener('click', () => void this.check());
    this.querySelector('[data-hint]')?.addEventListener('click', () => this.revealHint());
    state.addEventListener('change', (ev) => {
      const reason = (ev as CustomEvent<{ reason: string }>).detail.reason;
      if (reason === 'replace') this.restore();
      if (reason === 'replace' || reason === 'course' || reason === 'student') this.fillParams();
      this.renderAttempts();
    });
    this.fillParams();
    this.renderAttempts();
  }

  private parts(): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>('.ex-part[data-key]')];
  }

  /** Reads what is typed in one part, exactly as typed. */
  private readPart(part: HTMLElement): RawAnswer {
    return pageInput(part.dataset.kind).read(part);
  }

  /** The exercise's parts for this student's variant and handed-in runs, built once per variant and set of runs. */
  private specs(): Promise<PartSpec[]> {
    const state = bookState();
    const def = exerciseById(this.dataset.exercise ?? '');
    if (!def) return Promise.resolve([]);
    const key = `${state.variant.kind}:${state.variant.seed}:${def.usesRuns ? runContextKey(state.progress.runs) : ''}`;
    if (this.specCache?.key !== key) {
      const specs = def.parts(state.variant, { runs: state.progress.runs });
      specs.catch(() => {
        if (this.specCache?.specs === specs) this.specCache = null;
      });
      this.specCache = { key, specs };
    }
    return this.specCache.specs;
  }

  /** A restored answer gets its preview when its field is first focused (building parts at load would fetch tfjs for nothing). */
  private previewRestored(target: Element): void {
    const part = target.closest<HTMLElement>('.ex-part');
    const slot = part?.querySelector<HTMLElement>('[data-preview]');
    if (part && slot && !slot.dataset.state && !isBlank(this.readPart(part))) void this.previews.update(part);
  }

  private restore(): void {
    const { answers, results } = bookState().progress;
    for (const part of this.parts()) {
      pageInput(part.dataset.kind).write(part, answers[part.dataset.key ?? '']);
      this.previews.clear(part);
    }
    const result = this.querySelector<HTMLElement>('[data-result]');
    const saved = results[this.dataset.exercise ?? ''];
    if (result) {
      result.textContent = saved ? `Last check: ${saved.marks} of ${saved.maxMarks} marks. Check again to see the feedback.` : '';
      result.dataset.status = saved ? 'saved' : '';
    }
  }

  private scheduleSave(): void {
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => this.saveAll(), 250);
  }

  /** Saves now if a save is pending (the page is being left or hidden). */
  private flush(): void {
    if (this.saveTimer !== undefined) this.saveAll();
  }

  private saveAll(): void {
    window.clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const state = bookState();
    for (const part of this.parts()) state.setAnswer(part.dataset.key ?? '', this.readPart(part));
  }

  /** Pasting a row or a whole matrix into a cell fills the cells from there on. */
  private onPaste(ev: ClipboardEvent): void {
    const target = ev.target as HTMLInputElement;
    const part = target.closest<HTMLElement>('.ex-part');
    if (!target.dataset.cell || !part) return;
    const grid = splitPasted(ev.clipboardData?.getData('text') ?? '');
    if (grid.length === 0 || (grid.length === 1 && grid[0].length <= 1)) return;
    if (!pageInput(part.dataset.kind).paste(part, target, grid)) return;
    ev.preventDefault();
    this.scheduleSave();
    this.previews.schedule(part);
  }

  /** Enter in a one-line answer checks it; in a vector or matrix it moves to the next cell, and the last cell checks. */
  private onEnter(ev: KeyboardEvent): void {
    if (ev.key !== 'Enter' || ev.isComposing || ev.shiftKey || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const field = ev.target instanceof HTMLInputElement && ev.target.type === 'text' ? ev.target : null;
    const part = field?.closest<HTMLElement>('.ex-part');
    if (!field || !part || part.closest('hw-exercise') !== this) return;
    ev.preventDefault();
    const cells = [...part.querySelectorAll<HTMLInputElement>('[data-cell]')];
    const next = cells[cells.indexOf(field) + 1];
    if (field.dataset.cell !== undefined && next) {
      next.focus();
      next.select();
    } else if (!this.querySelector<HTMLButtonElement>('[data-check]')?.disabled) {
      void this.check();
    }
  }

  private async check(): Promise<void> {
    const state = bookState();
    const def = exerciseById(this.dataset.exercise ?? '');
    const result = this.querySelector<HTMLElement>('[data-result]');
    if (!def || !result) return;
    this.saveAll();
    await state.ready;
    if (state.needsStudentId) {
      result.dataset.status = 'unreadable';
      result.textContent =
        'Could not check yet: this course gives every student their own numbers. Enter your student id in the Student panel first.';
      return;
    }
    const button = this.querySelector<HTMLButtonElement>('[data-check]');
    if (button) button.disabled = true;
    result.textContent = 'Checking…';
    try {
      const [{ grade }, specs] = await Promise.all([import('../../src/exercises/grade'), this.specs()]);
      const raw = new Map(this.parts().map((p) => [p.dataset.key ?? '', this.readPart(p)]));
      const feedback = specs.map(
        (spec) => waitingForRun(def, spec, raw.get(spec.key), state.progress.runs) ?? grade(spec, raw.get(spec.key)),
      );
      const labels = new Map(def.inputs.map((i) => [i.key, i.label]));
      const combined = combineFeedback(feedback, labels);
      result.dataset.status = combined.status;
      result.textContent = combined.message;
      this.markCells(feedback);
      state.recordCheck(def.id, { status: combined.status, marks: combined.marks, maxMarks: combined.maxMarks });
    } catch (e) {
      result.dataset.status = 'unreadable';
      result.textContent = `Could not check this answer: ${(e as Error).message}. Your answer is saved; try again.`;
    } finally {
      if (button) button.disabled = false;
    }
  }

  private markCells(feedback: Feedback[]): void {
    for (const fb of feedback) {
      const part = this.parts().find((p) => p.dataset.key === fb.key);
      if (part) pageInput(part.dataset.kind).mark(part, fb);
    }
  }

  private revealHint(): void {
    const hidden = this.querySelector<HTMLLIElement>('[data-hints] li[hidden]');
    if (!hidden) return;
    hidden.hidden = false;
    const shown = this.querySelectorAll('[data-hints] li:not([hidden])').length;
    bookState().recordHint(this.dataset.exercise ?? '', shown);
    if (!this.querySelector('[data-hints] li[hidden]')) this.querySelector<HTMLButtonElement>('[data-hint]')?.setAttribute('disabled', '');
  }

  private renderAttempts(): void {
    const n = bookState().progress.attempts[this.dataset.exercise ?? ''] ?? 0;
    const el = this.querySelector<HTMLElement>('[data-attempts]');
    if (el) el.textContent = `Attempts: ${n}`;
    const shown = bookState().progress.hints[this.dataset.exercise ?? ''] ?? 0;
    this.querySelectorAll<HTMLLIElement>('[data-hints] li').forEach((li, i) => {
      if (i < shown) li.hidden = false;
    });
  }

  /** Shows this variant's numbers in the exercise's `data-param` placeholders anywhere on the page. */
  private fillParams(): void {
    const id = this.dataset.exercise ?? '';
    const def = exerciseById(id);
    if (!def) return;
    const params = def.params(bookState().variant);
    document.querySelectorAll<HTMLElement>(`[data-param][data-ex="${CSS.escape(id)}"]`).forEach((el) => {
      const v = params[el.dataset.param ?? ''];
      if (v !== undefined) el.textContent = String(v);
    });
  }
}
customElements.define('hw-exercise', HwExercise);
