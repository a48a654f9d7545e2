import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { homeworkVariant } from '../../../src/exercises/variant';
import { handCriteria, itemRubric, marksText, exercisesOf } from '../../../src/homework/rubric';
import { CHAPTERS, GRADED_ITEMS } from '../../../src/homework/structure';
import type { PartSpec } from '../../../src/exercises/types';
import { homeworkRuns } from '../../helpers/run-records';
import { referenceText } from '../../../src/grading/reference-text';

const CASES = [
  { name: 'with the homework runs handed in', runs: homeworkRuns() },
  { name: 'with no run handed in', runs: [] },
];

async function partsOf(itemId: string, runs: ReturnType<typeof homeworkRuns>): Promise<PartSpec[]> {
  const lists = await Promise.all(exercisesOf(itemId).map((e) => e.parts(homeworkVariant, { runs })));
  return lists.flat();
}

describe('itemRubric', () => {
  for (const { name, runs } of CASES) {
    it(`lists every input and criterion of each item, adding up to the item's marks, ${name}`, async () => {
      for (const item of GRADED_ITEMS) {
        const lines = await itemRubric(item.id, homeworkVariant, runs);
        const parts = await partsOf(item.id, runs);
        expect(lines.filter((l) => !l.key.startsWith(`${item.id}.`) || parts.some((p) => p.key === l.key)).length, item.id).toBeGreaterThan(
          0,
        );
        expect(
          lines.reduce((s, l) => s + l.marks, 0),
          item.id,
        ).toBeCloseTo(item.marks, 6);
        for (const p of parts) {
          const ex = exercisesOf(item.id).find((e) => e.inputs.some((i) => i.key === p.key))!;
          const waits = ex.usesRuns === true && p.kind === 'text' && !(p.rubric && p.rubric.length > 0);
          expect(lines.find((l) => l.key === p.key)?.how, p.key).toBe(waits ? 'run' : p.kind === 'text' ? 'hand' : 'auto');
        }
      }
    });
  }
});

describe('itemRubric references', () => {
  it('gives every automatic line the expected answer the gradebook shows, and a hand-marked line none', async () => {
    for (const item of GRADED_ITEMS) {
      const parts = await partsOf(item.id, homeworkRuns());
      for (const line of await itemRubric(item.id, homeworkVariant, homeworkRuns())) {
        const part = parts.find((p) => p.key === line.key);
        if (line.how === 'auto') expect(line.reference, line.key).toBe(part ? referenceText(part) : '');
        else expect(line.reference, line.key).toBe('');
      }
    }
  });

  it('states the tolerance a number is graded with', async () => {
    const [mean] = (await itemRubric('q1.1d')).filter((l) => l.key === 'q1.1d.mean');
    expect(mean.rule).toContain('±0.0005');
    const [count] = await itemRubric('q1.2b');
    expect(count.rule).toContain('exactly the answer');
  });
});

describe('handCriteria', () => {
  for (const { name, runs } of CASES) {
    it(`adds up, for each item, to the share the grader leaves to hand marking, ${name}`, async () => {
      for (const item of GRADED_ITEMS) {
        const parts = await partsOf(item.id, runs);
        const auto = parts.filter((p) => p.kind !== 'text').reduce((s, p) => s + p.marks, 0);
        const hand = handCriteria(item.id, parts).reduce((s, c) => s + c.marks, 0);
        expect(auto + hand, item.id).toBeCloseTo(item.marks, 6);
      }
    });
  }

  it('gives every text part with a rubric criteria that add up to its marks, with ids unique in the item', async () => {
    for (const item of GRADED_ITEMS) {
      for (const { runs } of CASES) {
        const parts = await partsOf(item.id, runs);
        for (const p of parts) {
          if (p.kind !== 'text' || !p.rubric) continue;
          expect(
            p.rubric.reduce((s, c) => s + c.marks, 0),
            p.key,
          ).toBeCloseTo(p.marks, 6);
        }
        const ids = handCriteria(item.id, parts).map((c) => c.id);
        expect(new Set(ids).size, item.id).toBe(ids.length);
      }
    }
  });
});

describe('the chapters', () => {
  it("print every item's rubric and marks from the data, never by hand", () => {
    for (const chapter of CHAPTERS) {
      const text = readFileSync(`content/chapters/${chapter.slug}.mdx`, 'utf8');
      for (const item of chapter.items)
        expect(text, `${chapter.slug}: <Rubric item="${item.id}" />`).toContain(`<Rubric item="${item.id}" />`);
      expect(text, `${chapter.slug} has a hand-written rubric`).not.toMatch(/\*Rubric \(/);
      expect(text, `${chapter.slug} types marks by hand`).not.toMatch(/\*\(\d+(?:\.\d+)? marks?\)\*/);
      expect(text, `${chapter.slug} types a question's marks by hand`).not.toMatch(/Question \d\.\d\s*[—–-]\s*\d+ marks?/);
    }
  });
});

describe('marksText', () => {
  it('writes marks as the chapters print them', () => {
    expect(marksText(1)).toBe('1 mark');
    expect(marksText(2)).toBe('2 marks');
    expect(marksText(1 / 3)).toBe('0.33 marks');
  });
});
