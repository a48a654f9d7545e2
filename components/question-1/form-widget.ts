import { part } from '../lib/part';
/** A widget driven by one form: submitting it runs `compute` (the page never reloads). */
export abstract class FormWidget extends HTMLElement {
  connectedCallback(): void {
    part(this, 'form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      void this.compute();
    });
  }

  protected abstract compute(): Promise<void>;
}
