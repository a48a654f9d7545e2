/** Switches between the light and dark themes and remembers the choice; the button's label (CSS) names the theme it switches to. */
class HwThemeToggle extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-theme-button]');
    if (!button) return;
    button.addEventListener('click', () => {
      const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset.theme = next;
      try {
        localStorage.setItem('dlcv-hw1:theme', next);
      } catch {
        /* the theme still switches for this page */
      }
    });
  }
}
customElements.define('hw-theme-toggle', HwThemeToggle);
