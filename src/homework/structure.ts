/** The homework's structure: questions, chapters and the marks of every graded item (55 in all). */

export interface GradedItem {
  /** Homework id (`q1.1c`, `q2.2`): a gradebook column. */
  id: string;
  marks: number;
  title: string;
}

export interface Chapter {
  /** Part id as in the homework (`q1.1`). */
  part: string;
  /** Chapter page slug under the book's base path. */
  slug: string;
  title: string;
  marks: number;
  items: GradedItem[];
}

export interface Question {
  number: 1 | 2;
  title: string;
  marks: number;
  chapters: Chapter[];
}

const item = (id: string, marks: number, title: string): GradedItem => ({ id, marks, title });

export const QUESTIONS: Question[] = [
  {
    number: 1,
    title: 'Theory',
    marks: 15,
    chapters: [
      {
        part: 'q1.1',
        slug: '1-1',
        title: 'Binary classification of papayas',
        marks: 7,
        items: [
          item('q1.1a', 1, 'Why not MSE'),
          item('q1.1b', 1, 'Binary cross-entropy'),
          item('q1.1c', 1, 'Loss of one papaya'),
          item('q1.1d', 2, 'Loss of three papayas'),
          item('q1.1e', 2, 'L2 regularisation'),
        ],
      },
      {
        part: 'q1.2',
        slug: '1-2',
        title: 'A softmax classifier with one hidden layer',
        marks: 8,
        items: [
          item('q1.2a', 1, 'Shapes'),
          item('q1.2b', 1, 'Parameter count'),
          item('q1.2c', 1, 'Softmax derivative'),
          item('q1.2d', 3, 'Jacobian and gradients'),
          item('q1.2e', 2, 'Numerical stability'),
        ],
      },
    ],
  },
  {
    number: 2,
    title: 'Image classification on the Russian Wildlife Dataset',
    marks: 40,
    chapters: [
      {
        part: 'q2.1',
        slug: '2-1',
        title: 'Data sets and the stratified split',
        marks: 5,
        items: [item('q2.1', 5, 'Data loading and split')],
      },
      { part: 'q2.2', slug: '2-2', title: 'A CNN from scratch', marks: 10, items: [item('q2.2', 10, 'CNN from scratch')] },
      { part: 'q2.3', slug: '2-3', title: 'Fine-tuning ResNet-18', marks: 10, items: [item('q2.3', 10, 'ResNet-18 fine-tuning')] },
      { part: 'q2.4', slug: '2-4', title: 'Data augmentation', marks: 10, items: [item('q2.4', 10, 'Augmentation')] },
      { part: 'q2.6', slug: '2-6', title: 'Comparing the models', marks: 5, items: [item('q2.6', 5, 'Comparison')] },
    ],
  },
];

/** Every chapter in reading order. */
export const CHAPTERS: Chapter[] = QUESTIONS.flatMap((q) => q.chapters);

/** Every graded item (gradebook column) in order. */
export const GRADED_ITEMS: GradedItem[] = CHAPTERS.flatMap((c) => c.items);

export const TOTAL_MARKS = 55;

/** The graded item an answer key belongs to (`q1.1d.mean` → `q1.1d`, `q2.2.flatten` → `q2.2`). */
export function itemOfKey(key: string): GradedItem | undefined {
  return GRADED_ITEMS.find((it) => key === it.id || key.startsWith(`${it.id}.`));
}

/** The chapter whose page (and MDX file) is `slug`, e.g. `1-1`. */
export function chapterBySlug(slug: string): Chapter | undefined {
  return CHAPTERS.find((c) => c.slug === slug);
}

/** A chapter's page title, e.g. `1.1 Binary classification of papayas`. */
export function chapterHeading(c: Chapter): string {
  return `${c.part.slice(1)} ${c.title}`;
}

/** Why the chapter files (their slugs) do not match the structure, or null when each chapter has exactly one file. */
export function chapterFileMismatch(slugs: readonly string[]): string | null {
  const stray = slugs.filter((s) => !chapterBySlug(s));
  const missing = CHAPTERS.filter((c) => !slugs.includes(c.slug)).map((c) => c.slug);
  if (stray.length === 0 && missing.length === 0) return null;
  return [
    stray.length ? `content/chapters has ${stray.map((s) => `${s}.mdx`).join(', ')}, which src/homework/structure.ts does not list` : '',
    missing.length ? `src/homework/structure.ts lists ${missing.join(', ')}, which has no file in content/chapters` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
