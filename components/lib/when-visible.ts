/** Runs `load` once, when `el` is about to scroll into view (heavy code such as tfjs and D3 waits for this). */
export function whenVisible(el: Element, load: () => void | Promise<void>, margin = '400px'): void {
  if (!('IntersectionObserver' in window)) {
    void load();
    return;
  }
  const io = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        void load();
      }
    },
    { rootMargin: margin },
  );
  io.observe(el);
}
