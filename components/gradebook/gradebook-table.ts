/** The gradebook table of the instructor page: sortable by column header (aria-sort), filterable by text. */
import { GRADED_ITEMS } from '../../src/homework/structure';
import type { GradedSubmission } from '../../src/grading/types';
import { fmtMarks } from './gradebook-dom';
import { part } from '../lib/part';
import { el } from '../lib/el';

export interface TableView {
  sortKey: string;
  descending: boolean;
  filter: string;
}

/** `stick`: the column stays in view while the table scrolls sideways (its CSS class). */
interface Column {
  key: string;
  label: string;
  value: (g: GradedSubmission) => string | number;
  stick?: string;
}

const flagText = (g: GradedSubmission): string => [...new Set(g.flags.map((f) => f.kind))].join(', ');

/** The columns: id, name, one per item, total, flags. */
export const COLUMNS: Column[] = [
  { key: 'id', label: 'Student ID', value: (g) => g.studentId, stick: 'stick-id' },
  { key: 'name', label: 'Name', value: (g) => g.name },
  ...GRADED_ITEMS.map((it): Column => ({ key: it.id, label: it.id, value: (g) => g.items.find((x) => x.id === it.id)?.marks ?? 0 })),
  { key: 'total', label: 'Total', value: (g) => g.total, stick: 'stick-total' },
  { key: 'flags', label: 'Flags', value: flagText, stick: 'stick-flags' },
];

/** The rows matching the filter (id, name, source file or flags contain it), in the view's order. */
export function visibleRows(rows: readonly GradedSubmission[], view: TableView): GradedSubmission[] {
  const needle = view.filter.trim().toLowerCase();
  const col = COLUMNS.find((c) => c.key === view.sortKey) ?? COLUMNS[0];
  const kept =
    needle === ''
      ? rows.slice()
      : rows.filter((g) => [g.studentId, g.name, g.source, flagText(g)].some((t) => t.toLowerCase().includes(needle)));
  return kept.sort((a, b) => {
    const x = col.value(a);
    const y = col.value(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true });
    return view.descending ? -c : c;
  });
}

/** Renders the table; `onSort(key)` on a header click, `onOpen(id)` when a student's id is clicked. */
export function renderTable(
  table: HTMLTableElement,
  rows: readonly GradedSubmission[],
  view: TableView,
  onSort: (key: string) => void,
  onOpen: (id: string) => void,
): number {
  const head = el(
    'tr',
    {},
    ...COLUMNS.map((c) => {
      const sorted = c.key === view.sortKey;
      const th = el(
        'th',
        { scope: 'col', className: c.stick, 'aria-sort': sorted ? (view.descending ? 'descending' : 'ascending') : 'none' },
        el('button', { type: 'button', className: 'sort', text: c.label }),
      );
      part(th, 'button').addEventListener('click', () => onSort(c.key));
      return th;
    }),
  );
  const shown = visibleRows(rows, view);
  const body = shown.map((g) => {
    const open = el('button', { type: 'button', className: 'link', text: g.studentId, 'aria-label': `Details of ${g.studentId}` });
    open.addEventListener('click', () => onOpen(g.studentId));
    return el(
      'tr',
      { 'data-flagged': g.flags.length > 0 },
      el('th', { scope: 'row', className: 'stick-id' }, open),
      el('td', { text: g.name }),
      ...g.items.map((it) =>
        el(
          'td',
          { className: it.pending ? 'num pending' : 'num', title: it.pending ? 'Pending manual grading' : undefined },
          fmtMarks(it.marks),
          it.pending ? el('span', { className: 'pending-mark', text: ' …', 'aria-label': 'pending' }) : null,
        ),
      ),
      el('td', { className: 'num total stick-total', text: fmtMarks(g.total) }),
      el('td', { className: 'flags stick-flags', text: flagText(g) }),
    );
  });
  table.replaceChildren(
    el('caption', { text: `${shown.length} of ${rows.length} students` }),
    el('thead', {}, head),
    el('tbody', {}, ...body),
  );
  keepTotalBesideFlags(table);
  return shown.length;
}

const watched = new WeakMap<HTMLTableElement, ResizeObserver>();

/** Sets `--flags-w` on the table to the Flags column's width (kept up to date), so the sticky Total column sits just left of it. */
function keepTotalBesideFlags(table: HTMLTableElement): void {
  const flags = table.querySelector<HTMLElement>('thead .stick-flags');
  if (!flags) return;
  const set = () => table.style.setProperty('--flags-w', `${flags.getBoundingClientRect().width}px`);
  set();
  if (typeof ResizeObserver === 'undefined') return;
  watched.get(table)?.disconnect();
  const observer = new ResizeObserver(set);
  observer.observe(flags);
  watched.set(table, observer);
}
