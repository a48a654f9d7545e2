import { formatNumber } from '../../src/exercises/format-number';
import { logSoftmaxLse32, logSoftmaxNaive32, softmaxNaive32, softmaxStable32 } from '../../src/math/float32-softmax';
import { parseNumberList } from '../../src/math/parse-list';
import { logitsGuard } from '../../src/widgets/exercise-guard';
import { guardMessage } from '../../src/widgets/guard-message';
import { bookState } from '../book/book-state';
import { part } from '../lib/part';

/** Shows, per logit, the float32 naive and stable softmax and log-softmax, and explains overflow and underflow;
 *  for logits with the probabilities of the student's own q1.2e (or q1.2d) it shows the method and no table. */
class HwSoftmaxStability extends HTMLElement {
  connectedCallback(): void {
    const input = part<HTMLInputElement>(this, '#ss-z');
    input.addEventListener('input', () => this.update());
    for (const b of this.querySelectorAll<HTMLButtonElement>('[data-preset]')) {
      b.addEventListener('click', () => {
        input.value = b.dataset.preset ?? '';
        this.update();
      });
    }
    bookState().addEventListener('change', () => this.update());
    this.update();
  }

  private update(): void {
    const out = part(this, '[data-readout]');
    const body = part<HTMLTableSectionElement>(this, 'tbody');
    const r = parseNumberList(part<HTMLInputElement>(this, '#ss-z').value, 2, 8);
    if (!r.ok) {
      out.textContent = r.error;
      body.replaceChildren();
      return;
    }
    const z = r.values;
    const hits = logitsGuard(bookState().variant, z, 'q1.2e');
    if (hits.length > 0) {
      out.textContent = guardMessage(hits);
      body.replaceChildren();
      return;
    }
    const naive = softmaxNaive32(z);
    const stable = softmaxStable32(z);
    const logNaive = logSoftmaxNaive32(z);
    const lse = logSoftmaxLse32(z);
    const show = (x: number) => (Number.isNaN(x) ? 'NaN (∞/∞)' : formatNumber(x));
    body.replaceChildren(
      ...z.map((zi, i) => {
        const tr = document.createElement('tr');
        for (const t of [formatNumber(zi), show(naive[i]), show(stable[i]), show(logNaive[i]), show(lse[i])]) {
          const td = document.createElement('td');
          td.textContent = t;
          tr.append(td);
        }
        return tr;
      }),
    );
    const overflow = z.some((v) => Math.fround(Math.exp(Math.fround(v))) === Infinity);
    const underflow = logNaive.some((v) => v === -Infinity);
    out.textContent = overflow
      ? 'Overflow: some exp(z_i) exceeds the float32 maximum (about 3.4e38, i.e. z > 88.7) and becomes ∞; ∞/∞ is NaN. Subtracting max(z) first makes the largest term exp(0) = 1.'
      : underflow
        ? 'Underflow: exp of a very negative logit rounds to 0, so its probability is 0 and log 0 = −∞. Log-sum-exp computes z_i − max z − log Σ exp(z_j − max z) and stays finite.'
        : 'No overflow or underflow here: naive and stable results agree up to float32 rounding.';
  }
}

customElements.define('hw-softmax-stability', HwSoftmaxStability);
