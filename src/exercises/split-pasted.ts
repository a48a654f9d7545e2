/** Splits pasted text (`1, 2, 3`, `[[1,2],[3,4]]`, numpy/torch prints, tab- or newline-separated) into rows of cells. */
import { lookupFunction } from './expr/builtins';

const WRAPPERS = /^(?:np\.array|numpy\.array|array|torch\.tensor|tensor|matrix)\s*\(([\s\S]*)\)$/;
const OPERAND_END = /[\p{L}\p{N}_.)\]}%²³]/u;
const OPERAND_START = /[\p{L}\p{N}_.(\\½]/u;

/** Rows of cell strings; blank text gives []. Commas inside function calls (`max(1, 2)`) do not split. */
export function splitPasted(text: string): string[][] {
  let body = text.trim();
  const wrapped = WRAPPERS.exec(body);
  if (wrapped) body = wrapped[1].trim();
  if (body === '') return [];
  if (body.startsWith('[') && matchingClose(body, 0) === body.length - 1) {
    const inner = body.slice(1, -1).trim();
    if (inner.startsWith('[')) return bracketGroups(inner).map(splitRow);
    body = inner;
  }
  return splitLines(body)
    .map((line) => line.trim().replace(/^\[(.*)\],?$/, '$1'))
    .filter((line) => line !== '')
    .map(splitRow);
}

/** Rows split at newlines and at `;` (not LaTeX's `\\;` space). */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === ';' && text[i - 1] !== '\\')) {
      lines.push(text.slice(start, i));
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  return lines;
}

function matchingClose(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) return i;
  }
  return -1;
}

function bracketGroups(text: string): string[] {
  const groups: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '[') {
      const end = matchingClose(text, i);
      if (end < 0) {
        groups.push(text.slice(i + 1));
        break;
      }
      groups.push(text.slice(i + 1, end));
      i = end + 1;
    } else {
      i++;
    }
  }
  return groups;
}

function splitRow(row: string): string[] {
  if (row.includes('\t')) return row.split('\t').map((c) => c.trim());
  const pieces = splitTopLevel(row, (ch, i) => ch === ',' && row[i - 1] !== '\\').map((p) => p.trim());
  if (pieces.length > 1 && pieces[pieces.length - 1] === '') pieces.pop();
  return pieces.flatMap((piece) => (piece === '' ? [''] : splitOnSpaces(piece)));
}

function splitTopLevel(text: string, isSeparator: (ch: string, i: number) => boolean): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && isSeparator(ch, i)) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** Splits at a run of spaces between two operands, numpy style: `1 -2` is two cells, `1 - 2` is one. */
function splitOnSpaces(piece: string): string[] {
  const cells: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < piece.length; i++) {
    const ch = piece[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /\s/.test(ch)) {
      let j = i;
      while (j < piece.length && /\s/.test(piece[j])) j++;
      const before = piece[i - 1] ?? '';
      const after = piece[j] ?? '';
      const signed = /[-+−]/.test(after) && j + 1 < piece.length && !/\s/.test(piece[j + 1]);
      const starts = OPERAND_START.test(after) && !(after === '\\' && continuesOperand(piece, j));
      if (OPERAND_END.test(before) && (starts || signed) && !startsCall(piece, j) && !endsWithFunction(piece, i)) {
        cells.push(piece.slice(start, i).trim());
        start = j;
      }
      i = j - 1;
    }
  }
  cells.push(piece.slice(start).trim());
  return cells.filter((c) => c !== '');
}

function startsCall(piece: string, at: number): boolean {
  return piece[at] === '(';
}

/** LaTeX commands that continue the operand before them (operators, closing sizes, spaces): `2 \\times 3` is one cell. */
const CONTINUING_COMMANDS = new Set([
  'times',
  'cdot',
  'ast',
  'div',
  'right',
  'bigr',
  'Bigr',
  'biggr',
  'Biggr',
  'quad',
  'qquad',
  'text',
  'mathrm',
]);

function continuesOperand(piece: string, at: number): boolean {
  let end = at + 1;
  while (end < piece.length && /[A-Za-z]/.test(piece[end])) end++;
  const name = piece.slice(at + 1, end);
  return name === '' || CONTINUING_COMMANDS.has(name);
}

/**
 * True when the word before `end` names a function (`log_2 10`, `\\ln 2`: what follows is its argument) or is a LaTeX
 * operator or space (`2 \\times 3`, `3 \\, \\text{bits}`): what follows is not a new cell.
 */
function endsWithFunction(piece: string, end: number): boolean {
  if (piece[end - 1] !== undefined && piece[end - 2] === '\\' && /[,;:!]/.test(piece[end - 1])) return true;
  let start = end;
  while (start > 0 && /[\p{L}\p{N}_{}]/u.test(piece[start - 1])) start--;
  const word = piece.slice(start, end).replace(/[{}]/g, '');
  if (word === '') return false;
  return lookupFunction(word) !== undefined || (piece[start - 1] === '\\' && CONTINUING_COMMANDS.has(word));
}
