import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** Chapters: one MDX file per homework part, ordered by `order`. */
const chapters = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/chapters' }),
  schema: z.object({
    title: z.string(),
    part: z.string(),
    order: z.number(),
    description: z.string(),
  }),
});

export const collections = { chapters };
