import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { grade } from '../../../src/exercises/grade';
import { homeworkVariant } from '../../../src/exercises/variant';
import { TRANSFORM_LINES, q24bugs } from '../../../src/homework/q2-4-bugs';

const chapter = readFileSync('content/chapters/2-4.mdx', 'utf8');

describe('q2.4.bugs', () => {
  it("shows every statement it offers in the chapter's listing, Resize twice and RondomCrop misspelt", () => {
    const start = chapter.indexOf('<Exercise id="q2.4.bugs">');
    const listing = chapter.slice(start, chapter.indexOf('</Exercise>', start));
    for (const l of TRANSFORM_LINES) expect(listing, l.id).toContain(l.line);
    expect(listing.split('Resize((224, 224)),').length - 1).toBe(2);
    expect(listing).toMatch(/import .*RandomCrop/);
    expect(listing).not.toMatch(/^\s*RandomCrop\(/m);
  });

  it('wants the misspelt crop and the second Resize, no more, and names the first Resize', async () => {
    const p = (await q24bugs.parts(homeworkVariant))[0];
    expect(grade(p, ['crop', 'resize-second']).status).toBe('correct');
    expect(grade(p, ['crop', 'resize-first']).mistake).toBe('wrong-resize');
    expect(grade(p, ['crop', 'resize-second', 'normalize']).mistake).toBe('normalize');
    expect(grade(p, ['crop']).mistake).toBe('only-crop');
  });
});
