/** A tiny DOM builder: strings always become text nodes, never HTML. */

type Child = Node | string | number | null | undefined | false;

/** Creates `<tag>` with attributes (`text`/`className` set properties) and children appended as nodes or text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') node.textContent = String(v);
    else if (k === 'className') node.className = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children)
    if (c !== null && c !== undefined && c !== false) node.append(typeof c === 'string' || typeof c === 'number' ? String(c) : c);
  return node;
}
