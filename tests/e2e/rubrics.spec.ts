import { test, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CHAPTERS } from '../../src/homework/structure';

/** Chapters 1.1 and 1.2: every item's generated rubric in the instructor build, and none of it in the student build. */
const OUT = process.env.BOOK_OUT ?? 'dist-e2e';
const QUESTION_1 = CHAPTERS.filter((c) => c.part.startsWith('q1.'));

/** Serves the instructor build on the next port and resolves with its base URL once it listens. */
async function serveInstructor(): Promise<{ url: string; server: ChildProcess }> {
  const port = Number(process.env.E2E_PORT ?? 4399) + 1;
  const server = spawn(process.execPath, ['scripts/serve-dist.mjs', `${OUT}-instructor`, String(port), '/hw1/'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('serving')) resolve();
    });
    server.on('exit', (code) => reject(new Error(`serve-dist exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/hw1/`, server };
}

/** The marks of each rubric line as the page prints them ("0.25 marks"), and the total row. */
async function rubricMarks(page: Page, itemId: string): Promise<{ lines: number[]; total: number }> {
  const table = page.getByRole('complementary', { name: `Rubric of ${itemId}` }).getByRole('table');
  const read = (text: string) => Number.parseFloat(text);
  const rows = table.locator('tbody').getByRole('row');
  const lines: number[] = [];
  for (let i = 0; i < (await rows.count()); i++) lines.push(read(await rows.nth(i).getByRole('cell').first().innerText()));
  const total = read(await table.locator('tfoot').getByRole('cell').first().innerText());
  return { lines, total };
}

test.describe("rubrics generated from the grader's data", () => {
  test("the instructor build shows each item's rubric after its exercise, with marks adding up to the item's", async ({ page }) => {
    const { url, server } = await serveInstructor();
    try {
      for (const chapter of QUESTION_1) {
        await page.goto(`${url}${chapter.slug}/`);
        for (const item of chapter.items) {
          const rubric = page.getByRole('complementary', { name: `Rubric of ${item.id}` });
          await expect(rubric).toBeVisible();
          await expect(rubric).toContainText(`Rubric (${item.marks} mark`);
          const { lines, total } = await rubricMarks(page, item.id);
          expect(lines.length, item.id).toBeGreaterThan(0);
          expect(total, item.id).toBe(item.marks);
          expect(Math.abs(lines.reduce((s, m) => s + m, 0) - item.marks), `${item.id}: ${lines.join(' + ')}`).toBeLessThanOrEqual(
            0.01 * lines.length,
          );
          const exact = await rubric
            .locator('tbody [data-marks]')
            .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-marks'))));
          expect(
            exact.reduce((s, m) => s + m, 0),
            item.id,
          ).toBeCloseTo(item.marks, 9);
        }
        await expect(page.getByRole('complementary', { name: /Worked solution/ })).toHaveCount(chapter.items.length);
      }
    } finally {
      server.kill();
    }
  });

  test('the student build shows no rubric and no worked solution', async ({ page }) => {
    for (const chapter of QUESTION_1) {
      const html = readFileSync(`${OUT}/${chapter.slug}/index.html`, 'utf8');
      expect(html).not.toContain('data-rubric');
      expect(html).not.toContain('data-solution');
      await page.goto(`${chapter.slug}/`);
      await expect(page.getByRole('complementary', { name: /Rubric of/ })).toHaveCount(0);
      await expect(page.getByRole('complementary', { name: /Worked solution/ })).toHaveCount(0);
      for (const item of chapter.items)
        await expect(page.locator(`[data-marks="${item.id}"]`)).toHaveText(`(${item.marks} ${item.marks === 1 ? 'mark' : 'marks'})`);
    }
  });
});
