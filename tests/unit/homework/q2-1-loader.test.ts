import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUSSIAN_WILDLIFE_CLASSES } from '../../../src/data/class-mapping';
import { grade } from '../../../src/exercises/grade';
import type { RawAnswer } from '../../../src/exercises/types';
import {
  imageFolderClass,
  imageFolderOrder,
  LOADER_BUGS,
  LOADER_LINES,
  movedClasses,
  q21bug,
  q21imagefolder,
} from '../../../src/homework/q2-1-loader';
import { HOMEWORK, student } from './q1-helpers';

const CHAPTER = readFileSync('content/chapters/2-1.mdx', 'utf8');

/** The python listing of the bug hunt in chapter 2.1: the code block inside <Exercise id="q2.1.bugs">. */
function listing(): string[] {
  const ex = CHAPTER.slice(CHAPTER.indexOf('<Exercise id="q2.1.bugs">'));
  const code = ex.slice(ex.indexOf('```python') + '```python'.length, ex.indexOf('```', ex.indexOf('```python') + 3));
  return code
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

async function gradeBugs(raw: RawAnswer) {
  return grade((await q21bug.parts(HOMEWORK))[0], raw);
}

describe('LOADER_LINES', () => {
  it('are lines of the listing the chapter shows (… for a part left out)', () => {
    const lines = listing();
    for (const o of LOADER_LINES) {
      const [head, tail] = o.label
        .split('  (in ')[0]
        .split('…')
        .map((s) => s.trim());
      expect(
        lines.some((l) => l.startsWith(head) && (tail === undefined || CHAPTER.includes(tail))),
        o.label,
      ).toBe(true);
    }
  });

  it("show the homework's bugs: class_mapping never used, shuffle=False for training, validation and test from the training loader", () => {
    const code = listing().join('\n');
    expect(code.match(/class_mapping/g)).toHaveLength(1);
    expect(code).toContain('shuffle=False');
    expect(code).toContain('val_loader = move_to_gpu(train_loader)');
    expect(code).toContain('test_loader = move_to_gpu(train_loader)');
  });
});

describe('q21bug', () => {
  it('wants the six bugs, in any order, and nothing else', async () => {
    expect(LOADER_BUGS).toHaveLength(6);
    expect((await gradeBugs(LOADER_BUGS)).status).toBe('correct');
    expect((await gradeBugs([...LOADER_BUGS].reverse())).status).toBe('correct');
    expect(await gradeBugs(['val-loader'])).toMatchObject({ status: 'wrong', mistake: 'incomplete' });
    expect(await gradeBugs(LOADER_BUGS.filter((b) => b !== 'imagefolder'))).toMatchObject({ status: 'wrong', mistake: 'mapping' });
    expect(await gradeBugs(LOADER_BUGS.filter((b) => b !== 'train-loader'))).toMatchObject({ status: 'wrong', mistake: 'train-order' });
    expect(await gradeBugs([...LOADER_BUGS, 'class-mapping'])).toMatchObject({ status: 'wrong', mistake: 'dict-itself' });
    expect((await gradeBugs(LOADER_LINES.map((o) => o.id))).status).toBe('wrong');
  });
});

describe('imageFolderOrder and movedClasses', () => {
  it('sort the folders as Python does: people becomes 6, and the four classes from people on change label', () => {
    expect(imageFolderOrder().indexOf('people')).toBe(6);
    expect(imageFolderOrder().slice(7)).toEqual(['roe_deer', 'sika_deer', 'wild_boar']);
    expect(movedClasses()).toBe(4);
  });
});

describe('q21imagefolder', () => {
  it("homework variant: people gets 6 from ImageFolder; 9 (the homework's) and 7 (counting from 1) are named", async () => {
    expect(q21imagefolder.params(HOMEWORK)).toEqual({ cls: 'people' });
    const [label, moved] = await q21imagefolder.parts(HOMEWORK);
    expect(grade(label, '6').status).toBe('correct');
    expect(grade(label, '9')).toMatchObject({ status: 'wrong', mistake: 'homework' });
    expect(grade(label, '7')).toMatchObject({ status: 'wrong', mistake: 'from-one' });
    expect(grade(moved, String(movedClasses())).status).toBe('correct');
    expect(grade(moved, '1')).toMatchObject({ status: 'wrong', mistake: 'one' });
    expect(grade(moved, '10')).toMatchObject({ status: 'wrong', mistake: 'all' });
  });

  it('student variants ask about a class of the data set; its sorted position is the answer', async () => {
    const seen = new Set<string>();
    for (let seed = 1; seed < 40; seed++) {
      const v = student(seed);
      const cls = imageFolderClass(v);
      seen.add(cls);
      expect(RUSSIAN_WILDLIFE_CLASSES).toContain(cls);
      const [label] = await q21imagefolder.parts(v);
      expect(grade(label, String(imageFolderOrder().indexOf(cls))).status).toBe('correct');
      if (label.kind === 'number') for (const m of label.mistakes ?? []) expect(m.value).not.toBe(label.answer);
    }
    expect(seen.size).toBeGreaterThan(5);
  });
});
