import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { grade } from '../../../src/exercises/grade';
import { homeworkVariant } from '../../../src/exercises/variant';
import { FINE_TUNE_LINES, q23bugs } from '../../../src/homework/q2-3-bugs';
import { q23tsne } from '../../../src/homework/q2-3-tsne';

const chapter = readFileSync('content/chapters/2-3.mdx', 'utf8');
const part = async (ex: typeof q23bugs) => (await ex.parts(homeworkVariant))[0];

describe('q2.3.bugs', () => {
  it("shows every line it offers in the chapter's listing, verbatim", () => {
    const listing = chapter.slice(
      chapter.indexOf('<Exercise id="q2.3.bugs">'),
      chapter.indexOf('</Exercise>', chapter.indexOf('<Exercise id="q2.3.bugs">')),
    );
    for (const o of FINE_TUNE_LINES.filter((l) => l.id !== 'no-fc')) expect(listing, o.id).toContain(o.label);
    expect(listing).not.toContain('model.fc');
    expect(listing).not.toContain('model.train()');
  });

  it('wants model.eval() and the missing fc, no more', async () => {
    const p = await part(q23bugs);
    expect(grade(p, ['eval', 'no-fc']).status).toBe('correct');
    expect(grade(p, 'no-fc,eval').status).toBe('correct');
    expect(grade(p, ['eval']).mistake).toBe('only-eval');
    expect(grade(p, ['eval', 'no-fc', 'loss']).mistake).toBe('loss');
    expect(grade(p, ['optimizer']).status).toBe('wrong');
  });
});

describe('q2.3.tsne', () => {
  it('wants the two readings t-SNE allows and names each wrong one', async () => {
    const p = await part(q23tsne);
    expect(grade(p, ['neighbours', 'overlap']).status).toBe('correct');
    expect(grade(p, ['neighbours']).mistake).toBe('incomplete');
    for (const id of ['distances', 'sizes', 'axes']) expect(grade(p, ['neighbours', 'overlap', id]).mistake).toBe(id);
  });
});
