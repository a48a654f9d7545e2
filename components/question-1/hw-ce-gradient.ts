import { formatVector } from '../../src/exercises/format-number';
import { parseNumberList } from '../../src/math/parse-list';
import { ceGrad, outer, softmax } from '../../src/math/softmax';
import { logitsGuard } from '../../src/widgets/exercise-guard';
import { guardMessage } from '../../src/widgets/guard-message';
import { bookState } from '../book/book-state';
import { FormWidget } from './form-widget';
import { part } from '../lib/part';

/** Shows ŷ, ∂L/∂z[2] and ∂L/∂W[2] from tfjs gradients and the closed forms ŷ − y and (ŷ − y)a[1]ᵀ, with the largest gap;
 *  for logits with the probabilities of the student's own q1.2d (or q1.2e) it shows the method instead. */
class HwCeGradient extends FormWidget {
  protected async compute(): Promise<void> {
    const out = part(this, '[data-readout]');
    const form = part<HTMLFormElement>(this, 'form');
    const field = (n: string) => (form.elements.namedItem(n) as HTMLInputElement).value;
    const z = parseNumberList(field('z'), 2, 6);
    const a = parseNumberList(field('a'), 1, 6);
    const target = Number(field('target')) - 1;
    if (!z.ok) return void (out.textContent = `z[2]: ${z.error}`);
    if (!a.ok) return void (out.textContent = `a[1]: ${a.error}`);
    if (!Number.isInteger(target) || target < 0 || target >= z.values.length) {
      out.textContent = `The true class must be a whole number from 1 to ${z.values.length}.`;
      return;
    }
    const hits = logitsGuard(bookState().variant, z.values, 'q1.2d');
    if (hits.length > 0) {
      out.textContent = guardMessage(hits);
      return;
    }
    out.textContent = 'Computing gradients with tfjs…';
    const { ceGradAutodiff, ceWeightGradAutodiff } = await import('../../src/math/softmax-autodiff');
    // W[2] = 0 and b[2] = z make the forward pass reproduce the typed z[2] for any a[1].
    const w2 = z.values.map(() => a.values.map(() => 0));
    const dz = ceGradAutodiff(z.values, target);
    const dW = ceWeightGradAutodiff(w2, z.values, a.values, target);
    const closedW = outer(ceGrad(z.values, target), a.values);
    const gap = Math.max(
      ...dW.flat().map((v, i) => Math.abs(v - closedW.flat()[i])),
      ...dz.map((v, i) => Math.abs(v - ceGrad(z.values, target)[i])),
    );
    out.replaceChildren(
      line(`ŷ = softmax(z[2]) = ${formatVector(softmax(z.values))}`),
      line(`∂L/∂z[2] by autodiff = ${formatVector(dz)}; ŷ − y = ${formatVector(ceGrad(z.values, target))}`),
      line(`∂L/∂W[2] by autodiff (${dW.length}×${a.values.length}): ${dW.map((r) => formatVector(r)).join(', ')}`),
      line(`(ŷ − y) a[1]ᵀ: ${closedW.map((r) => formatVector(r)).join(', ')}`),
      line(
        Number.isFinite(gap)
          ? `Largest difference between autodiff and the formulas: ${gap.toExponential(1)} (float32 rounding).`
          : 'These numbers overflow float32.',
      ),
    );
  }
}

function line(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

customElements.define('hw-ce-gradient', HwCeGradient);
