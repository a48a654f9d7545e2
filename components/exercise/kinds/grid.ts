/** Vector and matrix answers: a grid of cells (`data-cell="j"` or `"r,c"`), filled from pastes and marked per cell. */
import type { Feedback, RawAnswer } from '../../../src/exercises/types';
import type { MatrixInput } from '../../../src/exercises/kinds/matrix';
import type { VectorInput } from '../../../src/exercises/kinds/vector';
import { esc, type PageInput } from './page-input';
import { describedBy, partNotes } from './part-notes';

const CELL = 'class="cell" type="text" inputmode="decimal" spellcheck="false" autocomplete="off"';

function cells(part: HTMLElement): { input: HTMLInputElement; r: number; c: number }[] {
  return [...part.querySelectorAll<HTMLInputElement>('[data-cell]')].map((input) => {
    const [r, c] = (input.dataset.cell ?? '0').split(',').map(Number);
    return { input, r, c: c ?? 0 };
  });
}

function clearMark(cell: HTMLInputElement): void {
  cell.removeAttribute('aria-invalid');
  cell.classList.remove('cell-right');
}

function markCells(part: HTMLElement, fb: Feedback): void {
  for (const { input, r, c } of cells(part)) {
    const ok = fb.cells ? (Array.isArray(fb.cells[0]) ? (fb.cells as boolean[][])[r]?.[c] : (fb.cells as boolean[])[r]) : undefined;
    if (ok === undefined) clearMark(input);
    else {
      input.setAttribute('aria-invalid', String(!ok));
      input.classList.toggle('cell-right', ok);
    }
  }
}

function grid(input: VectorInput | MatrixInput, label: string, uid: (key: string) => string, cols: number, body: string): string {
  return `<fieldset${describedBy(input, uid)}><legend>${esc(label)}</legend><div class="grid" style="grid-template-columns: repeat(${cols}, auto)">${body}</div>${partNotes(input, uid)}</fieldset>`;
}

/** A vector: one row of cells. */
export const vectorInput: PageInput<VectorInput> = {
  render: (input, label, uid) =>
    grid(
      input,
      label,
      uid,
      input.length,
      Array.from(
        { length: input.length },
        (_, j) => `<input ${CELL} data-cell="${j}" aria-label="${esc(`${label}, entry ${j + 1}`)}">`,
      ).join(''),
    ),
  read: (part) => cells(part).map(({ input }) => input.value),
  write(part, raw: RawAnswer | undefined) {
    for (const { input, r } of cells(part)) {
      const v: unknown = Array.isArray(raw) ? raw[r] : undefined;
      input.value = typeof v === 'string' ? v : '';
      clearMark(input);
    }
  },
  paste(part, target, pasted) {
    const flat = pasted.flat();
    const start = Number(target.dataset.cell);
    for (const { input, r } of cells(part)) {
      const v = flat[r - start];
      if (v !== undefined && r >= start) input.value = v;
    }
    return true;
  },
  mark: markCells,
};

/** A matrix: rows × cols cells. */
export const matrixInput: PageInput<MatrixInput> = {
  render: (input, label, uid) =>
    grid(
      input,
      label,
      uid,
      input.cols,
      Array.from({ length: input.rows }, (_, r) =>
        Array.from(
          { length: input.cols },
          (_, c) => `<input ${CELL} data-cell="${r},${c}" aria-label="${esc(`${label}, row ${r + 1}, column ${c + 1}`)}">`,
        ).join(''),
      ).join(''),
    ),
  read(part) {
    const rows: string[][] = [];
    for (const { input, r, c } of cells(part)) (rows[r] ??= [])[c] = input.value;
    return rows;
  },
  write(part, raw) {
    for (const { input, r, c } of cells(part)) {
      const row: unknown = Array.isArray(raw) ? raw[r] : undefined;
      const v: unknown = Array.isArray(row) ? row[c] : undefined;
      input.value = typeof v === 'string' ? v : '';
      clearMark(input);
    }
  },
  paste(part, target, pasted) {
    const [r0, c0] = (target.dataset.cell ?? '0,0').split(',').map(Number);
    for (const { input, r, c } of cells(part)) {
      const v = pasted[r - r0]?.[c - (c0 ?? 0)];
      if (v !== undefined && r >= r0 && c >= (c0 ?? 0)) input.value = v;
    }
    return true;
  },
  mark: markCells,
};
