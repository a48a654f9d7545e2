/** One student's detail view: answers as typed with feedback (and the reference, in the instructor edition), manual grading forms, run records. */
import { type GradingFile, type ManualEntry, rubricFor, rubricSuggestion } from '../../src/grading/manual-grades';
import type { GradedSubmission, ItemGrade } from '../../src/grading/types';
import type { RunRecord } from '../../src/record/run-record';
import { renderConfusionHeatmap } from '../charts/confusion-heatmap';
import { fmtMarks, rawText } from './gradebook-dom';
import { renderLineChart } from '../charts/line-chart';
import { runGallery } from './run-gallery';
import { el } from '../lib/el';

/** Renders `g` into `root`, with a Reference column when `withReference`; `onSave(item, entry or null)` stores a manual grade. */
export function renderDetail(
  root: HTMLElement,
  g: GradedSubmission,
  file: GradingFile,
  withReference: boolean,
  onSave: (itemId: string, entry: ManualEntry | null) => void,
): void {
  const head = el(
    'div',
    {},
    el('h3', { id: 'detail-heading', tabindex: -1, text: `${g.name || '(no name)'} — ${g.studentId}` }),
    el(
      'p',
      {},
      `File ${g.source}; handed in ${g.createdAt}; graded with ${g.variant.kind === 'student' ? `seed ${g.variant.seed}` : 'the homework numbers'} (file says ${g.declaredVariant.kind}, seed ${g.declaredVariant.seed}). Total `,
      el('strong', { text: `${fmtMarks(g.total)} / ${g.maxTotal}` }),
      '.',
    ),
  );
  const notes = g.flags.filter((f) => f.kind === 'read-note');
  const others = g.flags.filter((f) => f.kind !== 'read-note');
  const flags =
    others.length === 0
      ? el('p', { text: 'No flags.' })
      : el(
          'ul',
          { className: 'flag-list', 'aria-label': 'Flags' },
          ...others.map((f) => el('li', {}, el('strong', { text: f.kind }), `: ${f.message}`)),
        );
  const noteList =
    notes.length === 0
      ? null
      : el(
          'div',
          {},
          el('p', { text: 'Dropped from the file (never graded; every answer was read):' }),
          el('ul', { className: 'flag-list', 'aria-label': 'Notes on the file' }, ...notes.map((f) => el('li', { text: f.message }))),
        );
  root.replaceChildren(
    head,
    flags,
    ...(noteList ? [noteList] : []),
    ...g.items.map((it) => itemSection(g, it, file, withReference, onSave)),
    runsSection(g.runs),
  );
}

function itemSection(
  g: GradedSubmission,
  it: ItemGrade,
  file: GradingFile,
  withReference: boolean,
  onSave: (itemId: string, entry: ManualEntry | null) => void,
): HTMLElement {
  const answers = g.answers.filter((a) => a.item === it.id);
  const manual = g.manualAnswers.filter((m) => m.item === it.id);
  const table =
    answers.length === 0
      ? null
      : el(
          'table',
          { className: 'answers', tabindex: 0, 'aria-label': `Answers of ${it.id}` },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ...['Key', 'Answer as typed', ...(withReference ? ['Reference'] : []), 'Feedback', 'Marks'].map((h) =>
                el('th', { scope: 'col', text: h }),
              ),
            ),
          ),
          el(
            'tbody',
            {},
            ...answers.map((a) =>
              el(
                'tr',
                { 'data-status': a.feedback.status },
                el('th', { scope: 'row', text: a.key }),
                el('td', {}, el('code', { text: rawText(a.raw) })),
                withReference ? el('td', {}, el('code', { text: a.reference || '—' })) : null,
                el('td', { className: 'feedback', text: a.feedback.message }),
                el('td', { className: 'num', text: `${fmtMarks(a.feedback.marks)} / ${fmtMarks(a.feedback.maxMarks)}` }),
              ),
            ),
          ),
        );
  const texts = manual.map((m) => el('div', { className: 'free-text' }, el('h5', { text: m.key }), el('pre', { text: rawText(m.raw) })));
  return el(
    'section',
    { className: 'item', 'aria-label': `${it.id} ${it.title}` },
    el('h4', { text: `${it.id} ${it.title}: ${fmtMarks(it.marks)} / ${it.maxMarks}${it.pending ? ' (pending manual grading)' : ''}` }),
    table,
    ...texts,
    gradeForm(it, file, onSave),
  );
}

function gradeForm(it: ItemGrade, file: GradingFile, onSave: (itemId: string, entry: ManualEntry | null) => void): HTMLElement {
  const id = `grade-${it.id.replace(/\./g, '-')}`;
  const entry = it.manual;
  const rubric = rubricFor(file, it);
  const marks = el('input', { type: 'number', id: `${id}-marks`, min: 0, step: 0.25, value: entry ? entry.marks : '' });
  const override = el('input', { type: 'checkbox', id: `${id}-override` });
  override.checked = entry?.override ?? it.manualMax === 0;
  const setMax = () => marks.setAttribute('max', String(override.checked ? it.maxMarks : it.manualMax));
  setMax();
  override.addEventListener('change', setMax);
  const ticks = rubric.map((c) => {
    const box = el('input', { type: 'checkbox', id: `${id}-r-${c.id}`, value: c.id });
    box.checked = entry?.rubric.includes(c.id) ?? false;
    box.addEventListener('change', () => {
      const sum = rubric
        .filter((r) => (document.getElementById(`${id}-r-${r.id}`) as HTMLInputElement | null)?.checked)
        .reduce((s, r) => s + r.marks, 0);
      const suggested = rubricSuggestion(sum, override.checked ? it.maxMarks : it.manualMax, it.id, override.checked);
      marks.value = String(suggested.marks);
      status.textContent = suggested.note;
    });
    return el('div', { className: 'choice' }, box, el('label', { for: box.id, text: `${c.label} (${c.marks})` }));
  });
  const comment = el('textarea', { id: `${id}-comment`, rows: 3 });
  comment.value = entry?.comment ?? '';
  const status = el('p', { role: 'status', className: 'form-status' });
  const save = el('button', { type: 'submit', className: 'primary', text: `Save grade for ${it.id}` });
  const clear = el('button', { type: 'button', text: `Clear grade for ${it.id}`, disabled: !entry });
  const form = el(
    'form',
    { className: 'manual-grade' },
    el(
      'fieldset',
      {},
      el('legend', {
        text: it.manualMax > 0 ? `Grade ${it.id} by hand (${fmtMarks(it.manualMax)} marks left to manual grading)` : `Override ${it.id}`,
      }),
      ...ticks,
      el('div', { className: 'field' }, el('label', { for: marks.id, text: `Marks for ${it.id}` }), ' ', marks),
      el(
        'div',
        { className: 'choice' },
        override,
        el('label', { for: override.id, text: `Override the whole of ${it.id} (auto marks included)` }),
      ),
      el('div', { className: 'field' }, el('label', { for: comment.id, text: `Comment for ${it.id}` }), comment),
      el('div', { className: 'actions' }, save, ' ', clear),
      status,
    ),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const value = Number(marks.value);
    const max = override.checked ? it.maxMarks : it.manualMax;
    if (marks.value.trim() === '' || !Number.isFinite(value) || value < 0 || value > max) {
      status.textContent = `Enter marks between 0 and ${fmtMarks(max)}.`;
      marks.setAttribute('aria-invalid', 'true');
      return;
    }
    const rubricIds = rubric
      .filter((r) => (document.getElementById(`${id}-r-${r.id}`) as HTMLInputElement | null)?.checked)
      .map((r) => r.id);
    onSave(it.id, {
      marks: value,
      comment: comment.value.slice(0, 5000),
      rubric: rubricIds,
      override: override.checked,
      updatedAt: new Date().toISOString(),
    });
  });
  clear.addEventListener('click', () => onSave(it.id, null));
  return form;
}

function runsSection(runs: readonly RunRecord[]): HTMLElement {
  const section = el('section', { 'aria-label': 'Training runs' }, el('h4', { text: `Training runs (${runs.length})` }));
  for (const run of runs) {
    const curves = el('div', { className: 'chart' });
    const acc = el('div', { className: 'chart' });
    const conf = el('div', { className: 'chart' });
    const t = run.test;
    section.append(
      el(
        'article',
        { className: 'run' },
        el('h5', {
          text: `${run.id}: ${run.config.question}, ${run.config.model}, ${run.epochs.length} ${run.epochs.length === 1 ? 'epoch' : 'epochs'}${run.stopped ? ` (stopped: ${run.stopped})` : ''}`,
        }),
        el('p', {
          text: t
            ? `Stated test accuracy ${t.accuracy.toFixed(4)}, macro F1 ${t.macroF1.toFixed(4)}, weighted F1 ${t.weightedF1.toFixed(4)}.`
            : 'No test metrics.',
        }),
        curves,
        acc,
        conf,
        runGallery(run),
      ),
    );
    const pts = (f: (e: RunRecord['epochs'][number]) => number) =>
      run.epochs.map((e) => [e.epoch, f(e)] as [number, number]).filter((p) => Number.isFinite(p[1]));
    if (run.epochs.length > 0) {
      renderLineChart(
        curves,
        [
          { name: 'train loss', points: pts((e) => e.trainLoss), color: 'var(--accent)' },
          { name: 'val loss', points: pts((e) => e.valLoss), color: 'var(--bad)', dash: '5 3' },
        ],
        {
          title: `Loss of ${run.id}`,
          description: 'Training and validation loss per epoch',
          xLabel: 'epoch',
          yLabel: 'loss',
          width: 480,
          height: 240,
        },
      );
      renderLineChart(
        acc,
        [
          { name: 'train acc', points: pts((e) => e.trainAccuracy), color: 'var(--accent)' },
          { name: 'val acc', points: pts((e) => e.valAccuracy), color: 'var(--bad)', dash: '5 3' },
        ],
        {
          title: `Accuracy of ${run.id}`,
          description: 'Training and validation accuracy per epoch',
          xLabel: 'epoch',
          yLabel: 'accuracy',
          yDomain: [0, 1],
          width: 480,
          height: 240,
        },
      );
    }
    if (t) renderConfusionHeatmap(conf, t.confusion, run.dataset.classes, `Confusion matrix of ${run.id}`);
  }
  return section;
}
