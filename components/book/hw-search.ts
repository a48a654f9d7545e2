import { pageBase } from '../lib/base-path';
import { isRealHit } from './search-match';
/** What this element uses of Pagefind's browser API (`pagefind/pagefind.js`, built with the site). */
interface Pagefind {
  options(o: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  debouncedSearch(term: string, o?: object, ms?: number): Promise<{ results: { data(): Promise<PageHit> }[] } | null>;
}
interface SubHit {
  title: string;
  url: string;
  excerpt: string;
}
interface PageHit {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results: SubHit[];
}

const SHOWN = 8;
/** Hits read to tell real matches from Pagefind's shorter-prefix fall-backs (the book has far fewer pages). */
const READ = 40;
const SUBS = 3;

/** Whether a key pressed at `target` would type into a field (so `/` must stay a slash there). */
function typesText(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

/** Copies Pagefind's excerpt HTML as text plus its `<mark>` highlights, and nothing else. */
function excerptNodes(html: string): Node[] {
  const t = document.createElement('template');
  t.innerHTML = html;
  return [...t.content.childNodes].map((n) => {
    if (n.nodeName !== 'MARK') return document.createTextNode(n.textContent ?? '');
    const m = document.createElement('mark');
    m.textContent = n.textContent;
    return m;
  });
}

/**
 * The search dialog: opens from its button, `/` or Ctrl+K with the field already focused (so no
 * keystroke is lost while Pagefind loads), and lists Pagefind's results as the reader types.
 */
class HwSearch extends HTMLElement {
  private pagefind: Promise<Pagefind> | undefined;
  private query = 0;
  private shownFor = '';

  connectedCallback(): void {
    const dialog = this.querySelector<HTMLDialogElement>('[data-search-dialog]');
    const input = this.querySelector<HTMLInputElement>('[data-search-input]');
    const results = this.querySelector<HTMLOListElement>('[data-search-results]');
    if (!dialog || !input || !results) return;
    const button = this.querySelector<HTMLButtonElement>('[data-search-open]');
    button?.addEventListener('click', () => this.open(dialog, input));
    button?.addEventListener('pointerenter', () => void this.load(), { once: true });
    this.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
    input.addEventListener('input', () => void this.search(input.value, results));
    // A search field eats the first Escape (it clears itself); Escape should close the dialog at once.
    input.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') dialog.close();
    });
    this.querySelector('[data-search-form]')?.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const first = results.querySelector<HTMLAnchorElement>('a');
      if (first && this.shownFor === input.value.trim()) first.click();
    });
    results.addEventListener('click', (ev) => {
      if ((ev.target as Element).closest('a')) dialog.close();
    });
    document.addEventListener('keydown', (ev) => {
      if (ev.defaultPrevented || ev.isComposing || ev.altKey) return;
      const ctrlK = (ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === 'k';
      const slash = ev.key === '/' && !ev.ctrlKey && !ev.metaKey && !typesText(ev.target);
      if (!ctrlK && !slash) return;
      if ([...document.querySelectorAll('dialog[open]')].some((d) => d !== dialog)) return;
      ev.preventDefault();
      this.open(dialog, input);
    });
  }

  /** Opens the dialog and focuses the field in the same task, then loads the index behind it. */
  private open(dialog: HTMLDialogElement, input: HTMLInputElement): void {
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    void this.load();
  }

  /** Loads Pagefind once; a missing index (development server) leaves a notice and may be retried. */
  private load(): Promise<Pagefind | null> {
    const base = pageBase();
    this.pagefind ??= (import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<Pagefind>).then(async (pf) => {
      await pf.options({ baseUrl: base, excerptLength: 24 });
      return pf;
    });
    return this.pagefind.catch(() => {
      this.pagefind = undefined;
      const notice = this.querySelector<HTMLElement>('[data-search-notice]');
      if (notice)
        notice.textContent =
          'Search works in the built book (npm run build, then npm run preview); the development server has no search index.';
      return null;
    });
  }

  private async search(value: string, list: HTMLOListElement): Promise<void> {
    const n = ++this.query;
    const term = value.trim();
    const status = this.querySelector<HTMLElement>('[data-search-status]');
    if (!term) {
      list.replaceChildren();
      this.shownFor = '';
      if (status) status.textContent = '';
      return;
    }
    if (status) status.textContent = 'Searching…';
    const pf = await this.load();
    if (!pf || n !== this.query) return;
    const found = await pf.debouncedSearch(term, {}, 120);
    if (!found || n !== this.query) return;
    const read = await Promise.all(found.results.slice(0, READ).map((r) => r.data()));
    if (n !== this.query) return;
    const real = read.filter((h) => isRealHit(term, [h.excerpt, ...h.sub_results.map((s) => s.excerpt)], h.meta.title));
    list.replaceChildren(...real.slice(0, SHOWN).map((h) => this.renderHit(h)));
    this.shownFor = term;
    if (status) {
      const total = real.length;
      status.textContent =
        total === 0
          ? `No results for “${term}”.`
          : `${total} ${total === 1 ? 'page matches' : 'pages match'} “${term}”${total > SHOWN ? `; the first ${SHOWN} are shown` : ''}.`;
    }
  }

  private renderHit(hit: PageHit): HTMLLIElement {
    const li = document.createElement('li');
    const title = document.createElement('a');
    title.className = 'search-title';
    title.href = hit.url;
    title.textContent = hit.meta.title ?? hit.url;
    const excerpt = document.createElement('p');
    excerpt.append(...excerptNodes(hit.excerpt));
    li.append(title, excerpt);
    const subs = hit.sub_results.filter((s) => s.url !== hit.url).slice(0, SUBS);
    if (subs.length > 0) {
      const ul = document.createElement('ul');
      for (const s of subs) {
        const item = document.createElement('li');
        const a = document.createElement('a');
        a.href = s.url;
        a.textContent = s.title;
        const p = document.createElement('p');
        p.append(...excerptNodes(s.excerpt));
        item.append(a, p);
        ul.append(item);
      }
      li.append(ul);
    }
    return li;
  }
}
customElements.define('hw-search', HwSearch);
