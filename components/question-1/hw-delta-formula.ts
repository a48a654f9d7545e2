import { evaluate } from '../../src/exercises/expr/evaluate';
import { parseExpression } from '../../src/exercises/expr/parse-expr';
import { formatNumber, formatVector } from '../../src/exercises/format-number';
import { mulberry32 } from '../../src/exercises/variant';
import { checkDeltaFormula } from '../../src/math/delta-formula-check';
import { logitsGuard } from '../../src/widgets/exercise-guard';
import { bookState } from '../book/book-state';
import { part } from '../lib/part';

const K = 4;
const ALIASES = { ŷ_k: 'y_k', ŷ_j: 'y_j', yk: 'y_k', yj: 'y_j', δ_kj: 'd', δ: 'd', delta: 'd' };

/** Parses the student's formula, draws K = 4 random logits (never ones with the probabilities of the student's own
 *  q1.2d or q1.2e), and compares with the autodiff Jacobian in all 16 cells: it points at the cells that disagree, and
 *  never calls a formula right (q1.2c asks for this formula; its own Check grades it). */
class HwDeltaFormula extends HTMLElement {
  private tries = 0;

  connectedCallback(): void {
    part(this, '[data-check]').addEventListener('click', () => void this.check());
    part(this, '#df-formula').addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter') void this.check();
    });
  }

  private async check(): Promise<void> {
    const out = part(this, '[data-readout]');
    const table = part<HTMLTableElement>(this, '[data-table]');
    table.hidden = true;
    table.tBodies[0].replaceChildren();
    const text = part<HTMLInputElement>(this, '#df-formula').value;
    const parsed = parseExpression(text, { variables: ['y_k', 'y_j', 'd'], aliases: ALIASES });
    if (!parsed.ok) {
      out.textContent = `Could not read the formula: ${parsed.reason}.`;
      return;
    }
    const rng = mulberry32(++this.tries * 7919);
    const draw = () => Array.from({ length: K }, () => Math.round((rng() * 6 - 3) * 10) / 10);
    let z = draw();
    while (logitsGuard(bookState().variant, z).length > 0) z = draw();
    out.textContent = 'Computing the Jacobian with tfjs…';
    const { softmaxJacobianAutodiff, softmaxTf } = await import('../../src/math/softmax-autodiff');
    const yhat = softmaxTf(z);
    const f = (yk: number, yj: number, d: number) =>
      evaluate(
        parsed.expr,
        new Map([
          ['y_k', yk],
          ['y_j', yj],
          ['d', d],
        ]),
      );
    const cells = checkDeltaFormula(f, yhat, softmaxJacobianAutodiff(z), 1e-5);
    const bad = cells.filter((c) => !c.ok);
    if (bad.length === 0) {
      out.textContent =
        `No cell (k, j) disagrees with autodiff at z = ${formatVector(z)}. This tester only looks for mistakes: ` +
        'whether your formula answers exercise q1.2c is for that exercise to grade.';
      return;
    }
    const diag = bad.filter((c) => c.k === c.j).length;
    out.textContent =
      `At z = ${formatVector(z)} your formula disagrees with autodiff in ${bad.length} of ${K * K} cells` +
      (diag === bad.length
        ? ', all on the diagonal (k = j): look at the δ_kj term.'
        : diag === 0
          ? ', all off the diagonal (k ≠ j).'
          : '.');
    table.tBodies[0].replaceChildren(
      ...bad.map((c) => {
        const tr = document.createElement('tr');
        for (const t of [
          String(c.k + 1),
          String(c.j + 1),
          formatNumber(c.expected),
          Number.isFinite(c.got) ? formatNumber(c.got) : 'not a number',
        ]) {
          const td = document.createElement('td');
          td.textContent = t;
          tr.append(td);
        }
        return tr;
      }),
    );
    table.hidden = false;
  }
}

customElements.define('hw-delta-formula', HwDeltaFormula);
