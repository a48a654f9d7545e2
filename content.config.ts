import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * Chapters: one MDX file per chapter of `src/homework/structure.ts`, named by its slug (`1-1.mdx`).
 * Title, part, order and marks come from the structure alone; the front matter holds only the page
 * description, and any other key fails the build (`strict`), so nothing can drift from the structure.
 */
const chapters = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/chapters' }),
  schema: z.object({ description: z.string() }).strict(),
});

export const collections = { chapters };
