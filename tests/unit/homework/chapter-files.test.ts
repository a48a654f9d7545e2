import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAPTERS, chapterFileMismatch, chapterHeading } from '../../../src/homework/structure';

const DIR = 'content/chapters';
const slugs = readdirSync(DIR)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));

/** The keys of an MDX file's front matter (`key: value` lines between the first two `---`). */
function frontMatterKeys(text: string): string[] {
  const m = /^---\n([\s\S]*?)\n---/.exec(text);
  if (!m) throw new Error('no front matter');
  return m[1]
    .split('\n')
    .filter((l) => /^\w+:/.test(l))
    .map((l) => l.split(':')[0]);
}

describe('chapterFileMismatch', () => {
  it('finds exactly one MDX file per chapter of the structure, named by its slug', () => {
    expect(chapterFileMismatch(slugs)).toBeNull();
  });

  it('names a stray file and a chapter without a file', () => {
    const some = CHAPTERS.slice(1).map((c) => c.slug);
    expect(chapterFileMismatch([...some, '9-9'])).toBe(
      `content/chapters has 9-9.mdx, which src/homework/structure.ts does not list; src/homework/structure.ts lists ${CHAPTERS[0].slug}, which has no file in content/chapters`,
    );
  });
});

describe('chapter front matter', () => {
  it('holds only the description: title, part, order and marks come from the structure', () => {
    for (const slug of slugs) expect(frontMatterKeys(readFileSync(`${DIR}/${slug}.mdx`, 'utf8')), slug).toEqual(['description']);
  });
});

describe('chapterHeading', () => {
  it('puts the part number before the title', () => {
    const c = CHAPTERS.find((x) => x.part === 'q1.2')!;
    expect(chapterHeading(c)).toBe(`1.2 ${c.title}`);
  });
});
