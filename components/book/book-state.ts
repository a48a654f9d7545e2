import type { RawAnswer, Variant } from '../../src/exercises/types';
import type { StoredResult } from '../../src/submission/types';
import type { RunRecord } from '../../src/record/run-record';
import { DEFAULT_COURSE, type CourseSettings } from '../../src/course/course';
import { variantFor } from '../../src/exercises/variant';
import {
  emptyProgress,
  withAnswer,
  withCheck,
  withHint,
  withRun,
  withoutRun,
  withStudent,
  type Progress,
} from '../../src/progress/progress';
import { PROGRESS_KEY, clearProgress, loadProgress, saveProgress, type StorageLike, type StoreWarning } from '../../src/progress/store';
import { fetchCourseFile } from '../lib/course-file';

/** The page's one copy of the student's progress and course settings; elements subscribe to changes. */
class BookState extends EventTarget {
  progress: Progress = emptyProgress();
  course: CourseSettings = DEFAULT_COURSE;
  warning: StoreWarning | null = null;
  private storage: StorageLike | null = null;
  readonly ready: Promise<void>;

  constructor() {
    super();
    try {
      this.storage = window.localStorage;
    } catch {
      this.storage = null;
    }
    const loaded = loadProgress(this.storage);
    this.progress = loaded.progress;
    this.setWarning(loaded.warning);
    this.ready = this.loadCourse();
    window.addEventListener('storage', (ev) => this.onStorage(ev));
  }

  /** The variant the exercises use: homework numbers unless the course gives students their own. */
  get variant(): Variant {
    return variantFor(this.progress.student?.id ?? '', this.course);
  }

  /** True when the course needs a student id before exercises can be checked. */
  get needsStudentId(): boolean {
    return this.course.perStudentVariants && !this.progress.student?.id;
  }

  setStudent(id: string, name: string): void {
    this.update((p) => withStudent(p, id, name), 'student');
  }
  setAnswer(key: string, raw: RawAnswer): void {
    this.update((p) => withAnswer(p, key, raw), 'answer');
  }
  recordCheck(exerciseId: string, result: StoredResult): void {
    this.update((p) => withCheck(p, exerciseId, result), 'check');
  }
  recordHint(exerciseId: string, shown: number): void {
    this.update((p) => withHint(p, exerciseId, shown), 'hint');
  }
  keepRun(run: RunRecord): void {
    this.update((p) => withRun(p, run), 'runs');
  }
  dropRun(runId: string): void {
    this.update((p) => withoutRun(p, runId), 'runs');
  }
  /** Replaces all progress (load of a submission) and tells every element to redraw. */
  replace(progress: Progress): void {
    this.update(() => progress, 'replace');
  }
  reset(): void {
    this.setWarning(clearProgress(this.storage));
    this.progress = emptyProgress();
    this.dispatchEvent(new CustomEvent('change', { detail: { reason: 'replace' } }));
  }

  /** Applies `change` to the latest saved progress (another tab may have saved since), then saves. */
  private update(change: (p: Progress) => Progress, reason: string): void {
    const latest = this.storage && !this.warning ? loadProgress(this.storage).progress : this.progress;
    this.progress = change(latest);
    this.setWarning(saveProgress(this.storage, this.progress));
    this.dispatchEvent(new CustomEvent('change', { detail: { reason } }));
  }

  /** Another tab saved: take its progress (inputs being typed in here are not overwritten). */
  private onStorage(ev: StorageEvent): void {
    if (ev.key !== PROGRESS_KEY && ev.key !== null) return;
    this.progress = loadProgress(this.storage).progress;
    this.dispatchEvent(new CustomEvent('change', { detail: { reason: 'sync' } }));
  }

  private setWarning(w: StoreWarning | null): void {
    this.warning = w;
    const el = document.querySelector<HTMLElement>('[data-storage-warning]');
    if (el) el.textContent = w ? w.message : '';
  }

  private async loadCourse(): Promise<void> {
    const file = await fetchCourseFile();
    if (file.kind === 'ok') {
      this.course = file.course;
      this.dispatchEvent(new CustomEvent('change', { detail: { reason: 'course' } }));
    } else if (file.kind === 'invalid') {
      console.warn(`course.json ignored: ${file.error}`);
    }
  }
}

let state: BookState | null = null;

/** The shared state, created on first use. */
export function bookState(): BookState {
  state ??= new BookState();
  return state;
}
