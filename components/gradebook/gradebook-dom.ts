/** A tiny DOM builder for the instructor page: strings always become text nodes, never HTML. */

type Child = Node | string | number | null | undefined | false;

/** Creates `<tag>` with attributes (`text`/`className` set properties) and children appended as nodes or text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') node.textContent = String(v);
    else if (k === 'className') node.className = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(typeof c === 'string' || typeof c === 'number' ? String(c) : c);
  return node;
}

/** A raw answer as display text: vectors as "a, b", matrix rows separated by " | ". */
export function rawText(raw: unknown): string {
  if (raw === undefined) return '(no answer)';
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw)) return raw.map((c) => (Array.isArray(c) ? c.join(', ') : String(c))).join(Array.isArray(raw[0]) ? ' | ' : ', ');
  return String(raw);
}

/** Marks for display: up to 2 decimals, trailing zeros dropped. */
export function fmtMarks(x: number): string {
  return String(Math.round(x * 100) / 100);
}
