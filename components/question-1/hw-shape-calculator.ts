import { networkShapes, parameterCount } from '../../src/math/shapes';
import { shapesGuard } from '../../src/widgets/exercise-guard';
import { guardMessage } from '../../src/widgets/guard-message';
import { bookState } from '../book/book-state';
import { part } from '../lib/part';

/** Recomputes the shape table and the parameter count whenever a size changes; rejects non-positive or non-integer sizes;
 *  for the student's own q1.2b sizes it shows the method and no table. */
class HwShapeCalculator extends HTMLElement {
  connectedCallback(): void {
    this.addEventListener('input', () => this.update());
    bookState().addEventListener('change', () => this.update());
    this.update();
  }

  private update(): void {
    const out = part(this, '[data-readout]');
    const body = part<HTMLTableSectionElement>(this, 'tbody');
    const sizes: Record<string, number> = {};
    for (const input of this.querySelectorAll<HTMLInputElement>('input[name]')) {
      const v = Number(input.value);
      const ok = input.value.trim() !== '' && Number.isInteger(v) && v >= 1 && v <= 100000;
      input.setAttribute('aria-invalid', String(!ok));
      if (!ok) {
        out.textContent = `${input.name} must be a whole number from 1 to 100000.`;
        body.replaceChildren();
        return;
      }
      sizes[input.name] = v;
    }
    const s = { Dx: sizes.Dx, Da: sizes.Da, K: sizes.K, m: sizes.m };
    const hits = shapesGuard(bookState().variant, s);
    if (hits.length > 0) {
      out.textContent = guardMessage(hits);
      body.replaceChildren();
      return;
    }
    body.replaceChildren(
      ...networkShapes(s).map((n) => {
        const tr = document.createElement('tr');
        for (const text of [n.name, `${n.shape[0]} × ${n.shape[1]}`, n.trainable ? String(n.shape[0] * n.shape[1]) : '—']) {
          const td = document.createElement('td');
          td.textContent = text;
          tr.append(td);
        }
        return tr;
      }),
    );
    out.textContent =
      `Trainable parameters: Da·Dx + Da + K·Da + K = ${s.Da}·${s.Dx} + ${s.Da} + ${s.K}·${s.Da} + ${s.K} = ${parameterCount(s)}. ` +
      `b[1] and b[2] are single columns, added to all ${s.m} columns by broadcasting.`;
  }
}

customElements.define('hw-shape-calculator', HwShapeCalculator);
