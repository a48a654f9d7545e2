/** Switches between the light and dark themes and remembers the choice. */
class HwThemeToggle extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-theme-button]');
    if (!button) return;
    const render = (): void => {
      const dark = document.documentElement.dataset.theme === 'dark';
      button.setAttribute('aria-pressed', String(dark));
    };
    render();
    button.addEventListener('click', () => {
      const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset.theme = next;
      try {
        localStorage.setItem('dlcv-hw1:theme', next);
      } catch {
        /* the theme still switches for this page */
      }
      render();
    });
  }
}
customElements.define('hw-theme-toggle', HwThemeToggle);
