import { bookState } from './book-state';
import { buildSubmission, progressFromSubmission, submissionFileName } from '../../src/submission/build-submission';
import { LIMITS } from '../../src/submission/limits';
import { readSubmission } from '../../src/submission/read-submission';
import { EXERCISES } from '../../src/homework/catalog';
import { downloadText } from '../lib/download';
import { part } from '../lib/part';

/** The student panel: id and name, progress summary, download/load of the submission file, reset. */
class HwStudentPanel extends HTMLElement {
  connectedCallback(): void {
    const state = bookState();
    const q = <T extends Element>(sel: string): T => part<T>(this, sel);
    const dialog = q<HTMLDialogElement>('[data-panel]');
    const resetDialog = q<HTMLDialogElement>('[data-reset-dialog]');
    const form = q<HTMLFormElement>('[data-student-form]');
    const idInput = q<HTMLInputElement>('#student-id');
    const nameInput = q<HTMLInputElement>('#student-name');
    const message = q<HTMLElement>('[data-message]');
    const say = (text: string, kind: 'info' | 'error' = 'info'): void => {
      message.dataset.kind = kind;
      message.textContent = text;
    };

    const render = (): void => {
      const p = state.progress;
      const open = q<HTMLButtonElement>('[data-panel-open]');
      open.textContent = p.student ? `Student: ${p.student.name || p.student.id}` : 'Student: sign in';
      if (document.activeElement !== idInput) idInput.value = p.student?.id ?? '';
      if (document.activeElement !== nameInput) nameInput.value = p.student?.name ?? '';
      const checked = EXERCISES.filter((e) => p.results[e.id]);
      const correct = checked.filter((e) => p.results[e.id].status === 'correct');
      const marks = checked.reduce((s, e) => s + p.results[e.id].marks, 0);
      const possible = checked.reduce((s, e) => s + p.results[e.id].maxMarks, 0);
      const variant = state.variant.kind === 'student' ? `your own numbers (seed ${state.variant.seed})` : 'the homework’s numbers';
      q<HTMLElement>('[data-summary]').textContent =
        `${Object.keys(p.answers).length} answers saved; ${checked.length} of ${EXERCISES.length} exercises checked, ${correct.length} correct, ` +
        `${round(marks)} of ${round(possible)} marks on those (advisory: your instructor regrades, and free text is marked by hand). ` +
        `${p.runs.length} training run(s) handed in. Exercises use ${variant}.`;
    };

    q('[data-panel-open]').addEventListener('click', () => {
      say('');
      render();
      dialog.showModal();
    });
    q('[data-panel-close]').addEventListener('click', () => dialog.close());
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      if (idInput.value.trim() === '') {
        say('Enter your student id.', 'error');
        return;
      }
      state.setStudent(idInput.value, nameInput.value);
      say('Saved. Your progress is kept in this browser.');
    });
    q('[data-download]').addEventListener('click', () => {
      try {
        const sub = buildSubmission(state.progress, state.variant);
        downloadText(submissionFileName(sub), JSON.stringify(sub, null, 2), 'application/json');
        say(`Downloaded ${submissionFileName(sub)}. Hand this file in.`);
      } catch (e) {
        say((e as Error).message, 'error');
        idInput.focus();
      }
    });
    q<HTMLInputElement>('[data-load]').addEventListener('change', async (ev) => {
      const input = ev.target as HTMLInputElement;
      const file = input.files?.[0];
      input.value = '';
      if (!file) return;
      if (file.size > LIMITS.maxBytes) {
        say(`${file.name} is not a submission: it is larger than ${LIMITS.maxBytes / (1024 * 1024)} MiB. Nothing was changed.`, 'error');
        return;
      }
      const parsed = readSubmission(await file.text());
      if (!parsed.ok) {
        say(`${file.name} is not a valid submission: ${parsed.error} Nothing was changed.`, 'error');
        return;
      }
      state.replace(progressFromSubmission(parsed.value));
      const dropped = parsed.notes.length
        ? ` Left out of the file's advisory fields (your answers are all kept): ${parsed.notes.join(' ')}`
        : '';
      say(
        `Loaded the submission of ${parsed.value.student.name || parsed.value.student.id} (${Object.keys(parsed.value.answers).length} answers).${dropped}`,
      );
    });
    q('[data-reset]').addEventListener('click', () => resetDialog.showModal());
    q('[data-reset-cancel]').addEventListener('click', () => resetDialog.close());
    q('[data-reset-confirm]').addEventListener('click', () => {
      state.reset();
      resetDialog.close();
      say('All progress in this browser was deleted.');
    });
    state.addEventListener('change', render);
    render();
  }
}
const round = (x: number): number => Math.round(x * 100) / 100;

customElements.define('hw-student-panel', HwStudentPanel);
