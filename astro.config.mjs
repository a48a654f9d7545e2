// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

/** BOOK_BASE sets the sub-path the book is hosted under (e.g. /hw1/); BOOK_MODE=instructor adds solutions. */
const base = process.env.BOOK_BASE ?? '/';

export default defineConfig({
  srcDir: '.',
  publicDir: './public',
  outDir: process.env.BOOK_OUT ?? './dist',
  base,
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  markdown: {
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: false },
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, { throwOnError: true, strict: 'ignore' }]],
    }),
  },
  integrations: [mdx()],
  vite: {
    // Pre-bundled for the dev server (its wasm-out files are CommonJS); the threaded factory is an entry of
    // its own so that components/lib/wasm-threaded-source.ts patches the instance the backend uses.
    optimizeDeps: {
      include: ['@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js'],
    },
    worker: { format: 'es' },
  },
});
