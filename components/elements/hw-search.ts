/** Opens the search dialog and loads Pagefind's UI (built with the site) the first time. */
class HwSearch extends HTMLElement {
  private loaded = false;

  connectedCallback(): void {
    const dialog = this.querySelector<HTMLDialogElement>('[data-search-dialog]');
    this.querySelector('[data-search-open]')?.addEventListener('click', () => {
      dialog?.showModal();
      void this.load();
    });
    this.querySelector('[data-search-close]')?.addEventListener('click', () => dialog?.close());
  }

  private async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    const base = document.documentElement.dataset.base ?? '/';
    const notice = this.querySelector<HTMLElement>('[data-search-notice]');
    try {
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = `${base}pagefind/pagefind-ui.css`;
      document.head.append(css);
      await new Promise<void>((resolve, reject) => {
        const s = document.createElement('script');
        s.src = `${base}pagefind/pagefind-ui.js`;
        s.onload = () => resolve();
        s.onerror = () => reject(new Error('missing index'));
        document.head.append(s);
      });
      const Ui = (window as unknown as { PagefindUI: new (o: object) => unknown }).PagefindUI;
      new Ui({ element: this.querySelector('[data-search-box]'), showSubResults: true, resetStyles: false, autofocus: true, baseUrl: base });
    } catch {
      this.loaded = false;
      if (notice) notice.textContent = 'Search works in the built book (npm run build, then npm run preview); the development server has no search index.';
    }
  }
}
customElements.define('hw-search', HwSearch);
