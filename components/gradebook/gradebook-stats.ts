/** The statistics panel: total histogram, per-item table (mean, full marks, discrimination), wrong answers. */
import type { BatchStats } from '../../src/grading/stats';
import { GRADED_ITEMS } from '../../src/homework/structure';
import { renderMarksHistogram } from '../charts/marks-histogram';
import { fmtMarks } from './gradebook-dom';
import { el } from '../lib/el';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Renders `s` into `root`. */
export function renderStats(root: HTMLElement, s: BatchStats): void {
  if (s.count === 0) {
    root.replaceChildren(el('p', { text: 'Load submissions to see statistics.' }));
    return;
  }
  const total = el('div', { className: 'chart' });
  const rows = s.items.map((it) => {
    const chart = el('div', { className: 'chart small' });
    const title = GRADED_ITEMS.find((g) => g.id === it.id)?.title ?? '';
    const row = el(
      'tr',
      {},
      el('th', { scope: 'row', text: `${it.id} ${title}` }),
      el('td', { className: 'num', text: `${fmtMarks(it.mean)} / ${it.maxMarks}` }),
      el('td', { className: 'num', text: pct(it.shareCorrect) }),
      el('td', { className: 'num', text: it.discrimination === null ? '—' : it.discrimination.toFixed(2) }),
      el('td', {}, chart),
    );
    renderMarksHistogram(chart, it.bins, `marks of ${it.id}`, 220, 110);
    return row;
  });
  const wrong = Object.entries(s.commonWrong)
    .filter(([, l]) => l.length > 0)
    .map(([key, list]) =>
      el(
        'li',
        {},
        el('strong', { text: key }),
        ': ',
        ...list.flatMap((w, i) => [i > 0 ? '; ' : '', el('code', { text: w.answer.slice(0, 80) }), ` ×${w.count}`]),
      ),
    );
  const shared = s.shared.map((w) =>
    el('li', {}, el('strong', { text: w.key }), ' ', el('code', { text: w.answer.slice(0, 80) }), `: ${w.students.join(', ')}`),
  );
  root.replaceChildren(
    el('p', { text: `${s.count} students; mean total ${fmtMarks(s.meanTotal)}.` }),
    total,
    el(
      'table',
      { className: 'stats', tabindex: 0, 'aria-label': 'Statistics per item' },
      el('caption', { text: 'Per item: mean, share with full marks, discrimination (correlation with the rest of the total), histogram' }),
      el(
        'thead',
        {},
        el('tr', {}, ...['Item', 'Mean', 'Full marks', 'Discrimination', 'Histogram'].map((h) => el('th', { scope: 'col', text: h }))),
      ),
      el('tbody', {}, ...rows),
    ),
    el('h3', { text: 'Most common wrong answers' }),
    wrong.length > 0 ? el('ul', {}, ...wrong) : el('p', { text: 'None.' }),
    el('h3', { text: 'Identical wrong answers shared by two or more students' }),
    shared.length > 0 ? el('ul', { className: 'flag-list' }, ...shared) : el('p', { text: 'None.' }),
  );
  renderMarksHistogram(total, s.totalBins, 'total marks', 520, 200);
}
