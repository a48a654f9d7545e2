/** The site's base path, ending in one slash, in both places it is read. */

/** Ends `base` with exactly one slash (`/hw1` → `/hw1/`). */
export function withSlash(base: string): string {
  return base.replace(/\/?$/, '/');
}

/** At build time (in `.astro` front matter): the configured base path. */
export function buildBase(): string {
  return withSlash(import.meta.env.BASE_URL);
}

/** In the page: the base path the layout wrote on `<html data-base>`. */
export function pageBase(): string {
  return document.documentElement.dataset.base ?? '/';
}
