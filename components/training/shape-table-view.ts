/** Rewrites the widget's layer-shape table ([data-shape-table=live]) for another input size. */
import { parameterCount, shapeTable } from '../../src/train/shape-table';
import { part } from '../lib/part';

const fmt = (n: number) => n.toLocaleString('en');

/** Fills the live shape table inside `root` for a size×size RGB input. */
export function renderShapeTable(root: Element, size: number): void {
  const table = root.querySelector('[data-shape-table=live]');
  if (!table) return;
  part(table, '[data-shape-caption]').textContent =
    `Layer output shapes (C × H × W, as PyTorch prints them) for a ${size}×${size} RGB input: ${fmt(parameterCount(size))} parameters`;
  part(table, '[data-shape-body]').replaceChildren(
    ...shapeTable(size).map((r) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = r.layer;
      const out = document.createElement('td');
      out.textContent = r.output.join(' × ');
      const params = document.createElement('td');
      params.className = 'num';
      params.textContent = fmt(r.params);
      tr.append(th, out, params);
      return tr;
    }),
  );
}
