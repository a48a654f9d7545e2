/** Renders a load report (summary, images per class, skipped files with reasons, original sizes) as HTML tables. */
import type { LoadReport } from '../../src/data/image-report';

const REASONS: Record<string, string> = {
  hidden: 'hidden or system file',
  'stray-file': 'not inside a class folder',
  'not-image': 'not an image file',
  'empty-file': 'empty file',
  corrupt: 'cannot be decoded',
  'too-large': 'too large',
  unsupported: 'unsupported format',
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** A table with a caption, header row and body rows (cells that are numbers are right-aligned). */
export function table(caption: string, head: string[], rows: (string | number)[][]): HTMLTableElement {
  const t = el('table');
  t.tabIndex = 0;
  t.append(el('caption', caption));
  const tr = el('tr');
  for (const h of head) tr.append(el('th', h, { scope: 'col' }));
  t.append(el('thead'));
  t.tHead!.append(tr);
  const body = el('tbody');
  for (const r of rows) {
    const row = el('tr');
    r.forEach((c) =>
      row.append(el('td', typeof c === 'number' ? c.toLocaleString('en') : c, typeof c === 'number' ? { class: 'num' } : {})),
    );
    body.append(row);
  }
  t.append(body);
  return t;
}

/** Fills `into` with the report of a loaded folder. */
export function renderLoadReport(into: HTMLElement, r: LoadReport): void {
  into.replaceChildren();
  into.append(el('p', `${r.okCount.toLocaleString('en')} images used, ${r.skippedCount.toLocaleString('en')} files skipped.`));
  into.append(
    table(
      'Usable images per class (label = index in the class mapping)',
      ['Label', 'Class', 'Images'],
      r.perClass.map((c, i) => [String(i), c.name, c.count]),
    ),
  );
  if (r.emptyClasses.length) into.append(el('p', `Folders without a usable image (not classes): ${r.emptyClasses.join(', ')}.`));
  const skipped = r.files.filter((f) => f.status === 'skipped');
  if (skipped.length) {
    const wrap = el('div', undefined, { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Skipped files' });
    wrap.append(
      table(
        `Skipped files (${skipped.length})`,
        ['File', 'Reason', 'Details'],
        skipped.map((f) => [f.path, REASONS[f.reason ?? ''] ?? String(f.reason), f.message ?? '']),
      ),
    );
    into.append(wrap);
  }
  const notes = r.files.filter((f) => f.notes?.length);
  if (notes.length)
    into.append(
      el(
        'p',
        `Notes: ${notes
          .slice(0, 5)
          .map((f) => `${f.path}: ${f.notes!.join('; ')}`)
          .join(' · ')}${notes.length > 5 ? ` … and ${notes.length - 5} more` : ''}`,
      ),
    );
}
