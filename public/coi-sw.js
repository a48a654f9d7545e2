/*
 * Cross-origin isolation for static hosts that cannot send headers (GitHub Pages, Netlify or
 * Cloudflare Pages without a _headers file, S3 website hosting, …). Isolation gives the page
 * SharedArrayBuffer, which the wasm backend's threaded build needs; without it the book trains on
 * one core (single-threaded SIMD wasm), so nothing breaks when this file cannot work.
 *
 * One file, two roles. Loaded by every page of the book (a plain <script> in BaseLayout): registers
 * itself as a service worker, which serves the pages opened after it (nothing reloads by itself, so
 * nothing a student is typing is lost; the training widget offers the reload where it would help).
 * Running as the service worker: answers every
 * request with the response plus Cross-Origin-Opener-Policy: same-origin and
 * Cross-Origin-Embedder-Policy: require-corp (same-origin responses also get
 * Cross-Origin-Resource-Policy, so the page's own files keep loading).
 */
/* global self, window, navigator, document, Response, Headers */
(() => {
  if (typeof window === 'undefined') {
    self.addEventListener('install', () => self.skipWaiting());
    self.addEventListener('fetch', (e) => {
      const req = e.request;
      if (req.cache === 'only-if-cached' && req.mode !== 'same-origin') return;
      e.respondWith((async () => {
        const res = await fetch(req);
        if (res.status === 0) return res; // opaque: cannot be changed
        const headers = new Headers(res.headers);
        headers.set('Cross-Origin-Opener-Policy', 'same-origin');
        headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
        if (new URL(req.url).origin === self.location.origin) headers.set('Cross-Origin-Resource-Policy', 'same-origin');
        return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
      })());
    });
    return;
  }
  if (window.crossOriginIsolated || !window.isSecureContext || !('serviceWorker' in navigator)) return;
  const script = document.currentScript && document.currentScript.src;
  if (!script) return;
  navigator.serviceWorker.register(script, { scope: new URL('./', script).pathname })
    .catch(() => { /* no service worker (private mode, blocked): single-threaded wasm */ });
})();
