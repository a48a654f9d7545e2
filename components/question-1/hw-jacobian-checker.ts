import { formatVector } from '../../src/exercises/format-number';
import { parseNumber } from '../../src/exercises/parse-number';
import { checkJacobian } from '../../src/math/jacobian-check';
import { parseNumberList } from '../../src/math/parse-list';
import { softmax } from '../../src/math/softmax';
import { logitsGuard, type GuardHit } from '../../src/widgets/exercise-guard';
import { guardMessage } from '../../src/widgets/guard-message';
import { bookState } from '../book/book-state';
import { part } from '../lib/part';

/** Builds a K×K grid for the chosen logits, and on Check compares it with the tfjs autodiff Jacobian; for logits with
 *  the probabilities of the student's own q1.2d (or q1.2e) it builds no grid, shows no ŷ and gives the method instead. */
class HwJacobianChecker extends HTMLElement {
  private z: number[] = [];

  connectedCallback(): void {
    part(this, '[data-build]').addEventListener('click', () => this.build());
    part(this, '#jc-z').addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter') this.build();
    });
    part(this, '[data-check]').addEventListener('click', () => void this.check());
    bookState().addEventListener('change', () => {
      if (this.guarded().length > 0) this.build();
    });
    this.build();
  }

  /** The student's own exercises whose probabilities the current logits give. */
  private guarded(): GuardHit[] {
    return this.z.length === 0 ? [] : logitsGuard(bookState().variant, this.z, 'q1.2d');
  }

  private build(): void {
    const out = part(this, '[data-readout]');
    const r = parseNumberList(part<HTMLInputElement>(this, '#jc-z').value, 2, 6);
    if (!r.ok) {
      out.textContent = r.error;
      return;
    }
    this.z = r.values;
    const k = r.values.length;
    const grid = part<HTMLElement>(this, '[data-grid]');
    const hits = this.guarded();
    if (hits.length > 0) {
      grid.replaceChildren();
      part(this, '[data-yhat]').textContent = '';
      out.textContent = guardMessage(hits);
      return;
    }
    grid.style.gridTemplateColumns = `repeat(${k}, auto)`;
    grid.replaceChildren(
      ...Array.from({ length: k * k }, (_, i) => {
        const input = document.createElement('input');
        input.type = 'text';
        input.inputMode = 'decimal';
        input.autocomplete = 'off';
        input.dataset.cell = `${Math.floor(i / k)},${i % k}`;
        input.setAttribute(
          'aria-label',
          `∂ŷ_${Math.floor(i / k) + 1}/∂z_${(i % k) + 1}, row ${Math.floor(i / k) + 1}, column ${(i % k) + 1}`,
        );
        return input;
      }),
    );
    const yhat = softmax(this.z);
    part(this, '[data-yhat]').textContent = Number.isFinite(yhat[0])
      ? `z = ${formatVector(this.z)}, ŷ = softmax(z) = ${formatVector(yhat)}.`
      : 'These logits are not finite.';
    out.textContent = '';
  }

  private async check(): Promise<void> {
    const out = part(this, '[data-readout]');
    const hits = this.guarded();
    if (hits.length > 0) {
      out.textContent = guardMessage(hits);
      return;
    }
    const k = this.z.length;
    const cells = [...this.querySelectorAll<HTMLInputElement>('[data-grid] input')];
    const got: number[][] = Array.from({ length: k }, () => []);
    for (const cell of cells) {
      const [r, c] = (cell.dataset.cell ?? '0,0').split(',').map(Number);
      const p = parseNumber(cell.value);
      if (!p.ok) {
        cell.focus();
        out.textContent = `Could not read row ${r + 1}, column ${c + 1}: type a number in every cell (expressions such as 0.09*0.91 are fine).`;
        return;
      }
      got[r][c] = p.value;
    }
    out.textContent = 'Computing the Jacobian with tfjs…';
    const { softmaxJacobianAutodiff } = await import('../../src/math/softmax-autodiff');
    const truth = softmaxJacobianAutodiff(this.z);
    const verdict = checkJacobian(got, truth, this.z);
    for (const cell of cells) {
      const [r, c] = (cell.dataset.cell ?? '0,0').split(',').map(Number);
      cell.setAttribute('aria-invalid', String(!verdict.cells[r][c]));
      cell.classList.toggle('jc-right', verdict.cells[r][c]);
    }
    const wrong = verdict.cells.flat().filter((ok) => !ok).length;
    out.textContent = verdict.correct
      ? `Correct: every cell agrees with autodiff within ±0.0005. The diagonal is ${formatVector(truth.map((row, i) => row[i]))}.`
      : `${wrong} of ${k * k} cells differ from autodiff (marked in red).` +
        (verdict.mistake ? ` ${verdict.mistake.message}` : ' Work those cells out again from ŷ.');
  }
}

customElements.define('hw-jacobian-checker', HwJacobianChecker);
