import { formatNumber } from '../../src/exercises/format-number';
import { parseNumber } from '../../src/exercises/parse-number';
import { l2Guard } from '../../src/widgets/exercise-guard';
import { guardMessage } from '../../src/widgets/guard-message';
import { bookState } from '../book/book-state';
import { FormWidget } from './form-widget';
import { part } from '../lib/part';

/** Reads w, ∂L/∂w, α, λ and shows w − α∂J/∂w with ∂J/∂w from tfjs, plus the weight_decay and unregularised steps;
 *  for the student's own q1.1e it shows the method instead. */
class HwL2Checker extends FormWidget {
  protected async compute(): Promise<void> {
    const out = part(this, '[data-readout]');
    const form = part<HTMLFormElement>(this, 'form');
    const values: Record<string, number> = {};
    for (const name of ['w', 'g', 'lr', 'lambda']) {
      const field = form.elements.namedItem(name) as HTMLInputElement;
      const r = parseNumber(field.value);
      field.setAttribute('aria-invalid', String(!r.ok));
      if (!r.ok) {
        out.textContent = `${r.error} (field ${name === 'g' ? '∂L/∂w' : name === 'lr' ? 'α' : name === 'lambda' ? 'λ' : 'w'}).`;
        return;
      }
      values[name] = r.value;
    }
    const s = { w: values.w, dLdw: values.g, lr: values.lr, lambda: values.lambda };
    const hits = l2Guard(bookState().variant, s);
    if (hits.length > 0) {
      out.textContent = guardMessage(hits);
      return;
    }
    out.textContent = 'Loading tfjs…';
    const { l2StepAutodiff, weightDecayStep, plainStep } = await import('../../src/math/l2-step');
    const next = l2StepAutodiff(s);
    if (!Number.isFinite(next)) {
      out.textContent = 'The step overflows float32: try smaller numbers.';
      return;
    }
    out.textContent =
      `Cost L + λw² (tfjs autodiff): w ← ${formatNumber(next)}. ` +
      `PyTorch's weight_decay = λ convention, w − α(∂L/∂w + λw): ${formatNumber(weightDecayStep(s))}. ` +
      `Without L2: ${formatNumber(plainStep(s))}.`;
  }
}

customElements.define('hw-l2-checker', HwL2Checker);
