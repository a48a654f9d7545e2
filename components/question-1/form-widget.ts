import { bookState } from '../book/book-state';
import { part } from '../lib/part';
/** A widget driven by one form: submitting it runs `compute` (the page never reloads); once it has computed, it
 *  computes again when the book's state changes, so a result never stays on screen for numbers that became the student's exercise. */
export abstract class FormWidget extends HTMLElement {
  private computed = false;

  connectedCallback(): void {
    part(this, 'form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.computed = true;
      void this.compute();
    });
    bookState().addEventListener('change', () => {
      if (this.computed) void this.compute();
    });
  }

  protected abstract compute(): Promise<void>;
}
