/** Typed lookup of a widget's part: the element matching `selector` inside `root`, or a clear error naming what is missing. */
export function part<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) {
    const owner = root instanceof Element ? `<${root.localName}>` : 'the page';
    throw new Error(`${owner} has no part ${selector}: its .astro markup and its element disagree`);
  }
  return found;
}
