import { test, expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DEFAULT_COURSE } from '../../src/course/course';
import { loadBatch } from '../../src/grading/load-batch';
import { exerciseById } from '../../src/homework/catalog';
import { QUESTIONS } from '../../src/homework/structure';

/** What a student types, as a student types it: the preview shows how it reads, Check grades it, the grader agrees. */

const COURSE = { ...DEFAULT_COURSE, perStudentVariants: false };

async function signIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Student/ }).click();
  const panel = page.getByRole('dialog', { name: 'Your progress' });
  await panel.getByLabel('Student id').fill('s7654321');
  await panel.getByLabel('Name').fill('Emmy Noether');
  await panel.getByRole('button', { name: 'Save student' }).click();
  await expect(panel.getByRole('status')).toContainText('Saved');
  await page.keyboard.press('Escape');
}

/** Types `value` into `field`, waits for its preview, presses Check, waits for the attempt it counts (the `attempts`-th) and returns the result. */
async function check(ex: Locator, field: Locator, value: string, attempts: number): Promise<string> {
  await field.fill(value);
  await expect(field).toHaveAccessibleDescription(/Read as/);
  await ex.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(ex.getByText(`Attempts: ${attempts}`)).toBeVisible();
  return (await ex.getByRole('status').textContent()) ?? '';
}

test.describe('answers in the notations a student types', () => {
  test('the preview reads them, Check grades them, they survive a reload, and the handed-in file gets the same marks', async ({ page }) => {
    await page.goto('1-2/');
    await signIn(page);

    const c = page.locator('[data-exercise="q1.2c"]');
    const cField = c.getByRole('textbox', { name: /^∂ŷ_k\/∂z_j/ });
    await c.scrollIntoViewIfNeeded();
    await expect(cField).toHaveAccessibleDescription(/^e\.g\. /);
    await cField.fill('ŷ_k(δ_kj − ŷ_j)');
    await expect(c.locator('[data-preview] .katex')).toBeVisible();
    await expect(cField).toHaveAccessibleDescription(/Read as /);
    await expect(c.getByRole('status', { includeHidden: true })).toHaveText('');
    await c.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(c.getByRole('status')).toHaveText(/^Correct/);
    await expect(c.getByText('Attempts: 1')).toBeVisible();

    expect(await check(c, cField, 'y_k(d - y_j)', 2)).toMatch(/^Correct/);
    expect(await check(c, cField, '\\hat{y}_k(\\delta_{kj} - \\hat{y}_j)', 3)).toMatch(/^Correct/);
    expect(await check(c, cField, 'ŷ_k(δ_kj + ŷ_j)', 4)).not.toMatch(/^Correct/);

    await cField.fill('y_k((');
    await expect(cField).toHaveAccessibleDescription(/Could not read/);
    await expect(c.getByRole('status')).toHaveText(/^Not yet/);
    await c.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(c.getByRole('status')).toHaveText(/^Could not read/);
    await expect(c.getByText('Attempts: 4')).toBeVisible();
    expect(await check(c, cField, 'ŷ_k(δ_kj − ŷ_j)', 5)).toMatch(/^Correct/);

    const a = page.locator('[data-exercise="q1.2a"]');
    await a.getByRole('textbox', { name: 'Shape of b[2]' }).fill('(K, 1)');
    await a.getByRole('textbox', { name: 'Shape of Z[2] for m samples' }).fill('K×m');
    expect(await check(a, a.getByRole('textbox', { name: 'Shape of W[2]' }), 'K \\times D_a', 1)).toMatch(/^Correct/);

    await page.goto('1-1/');
    const b = page.locator('[data-exercise="q1.1b"]');
    expect(await check(b, b.getByRole('textbox'), '-[y log(p) + (1-y) log(1-p)]', 1)).toMatch(/^Correct/);
    const bits = page.locator('[data-exercise="q1.1c"]');
    const bitsField = bits.getByRole('textbox', { name: 'Loss in bits' });
    expect(await check(bits, bitsField, '\\log_2(10)', 1)).toMatch(/^Correct/);
    expect(await check(bits, bitsField, 'log₂(10)', 2)).toMatch(/^Correct/);

    await page.reload();
    await expect(page.locator('[data-exercise="q1.1c"]').getByRole('textbox')).toHaveValue('log₂(10)');
    await expect(page.locator('[data-exercise="q1.1b"]').getByRole('textbox')).toHaveValue('-[y log(p) + (1-y) log(1-p)]');
    await page.goto('1-2/');
    await expect(page.locator('[data-exercise="q1.2c"]').getByRole('textbox')).toHaveValue('ŷ_k(δ_kj − ŷ_j)');
    await expect(page.locator('[data-exercise="q1.2a"]').getByRole('textbox', { name: 'Shape of W[2]' })).toHaveValue('K \\times D_a');

    await page.getByRole('button', { name: /^Student/ }).click();
    const panel = page.getByRole('dialog', { name: 'Your progress' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download submission' }).click(),
    ]);
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    const batch = await loadBatch([{ name: download.suggestedFilename(), bytes }], COURSE);
    expect(batch.rejected).toEqual([]);
    const [graded] = batch.graded;
    for (const key of ['q1.1b', 'q1.1c', 'q1.2a.W2', 'q1.2a.b2', 'q1.2a.Z2', 'q1.2c']) {
      expect(graded.answers.find((x) => x.key === key)?.feedback.status, key).toBe('correct');
    }
    for (const id of ['q1.1b', 'q1.1c', 'q1.2a', 'q1.2c']) {
      const item = graded.items.find((x) => x.id === id)!;
      expect(item.marks, id).toBe(item.maxMarks);
    }
  });

  test('an unreadable or blank Check never costs an attempt, on every exercise of every chapter', async ({ page }) => {
    for (const chapter of QUESTIONS.flatMap((q) => q.chapters)) {
      await page.goto(`${chapter.slug}/`);
      const exercises = page.locator('hw-exercise');
      const count = await exercises.count();
      expect(count, chapter.slug).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const ex = exercises.nth(i);
        const id = (await ex.getAttribute('data-exercise')) ?? '';
        const status = ex.getByRole('status');
        await ex.getByRole('button', { name: 'Check', exact: true }).click();
        await expect(status, `${id} blank`).toHaveText(/^Could not read your answer\. .*No answer yet/s);
        await expect(ex.getByText('Attempts: 0'), `${id} blank`).toBeVisible();
        // Without a handed-in run, an input checked against the run cannot be checked yet: that costs no attempt either.
        const readsRuns = exerciseById(id)?.usesRuns === true;
        const lines = ex.getByRole('textbox');
        let typed = 0;
        for (let j = 0; j < (await lines.count()); j++) {
          if ((await lines.nth(j).evaluate((e) => e.tagName)) !== 'INPUT') continue;
          await lines.nth(j).fill('((');
          typed++;
        }
        if (typed === 0) continue;
        if (!readsRuns) await expect(ex.locator('[data-preview]').filter({ hasNotText: 'Could not read' }), `${id} preview`).toHaveCount(0);
        await ex.getByRole('button', { name: 'Check', exact: true }).click();
        await expect(status, `${id} typed`).toHaveText(
          readsRuns ? /^Could not read.*(?:"\(\("|Could not check this yet)/s : /^Could not read.*"\(\("/s,
        );
        await expect(ex.getByText('Attempts: 0'), `${id} typed`).toBeVisible();
      }
      await page.reload();
      for (let i = 0; i < count; i++) await expect(exercises.nth(i).getByText('Attempts: 0')).toBeVisible();
    }
  });
});
