import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { seedFor, variantFor } from '../../src/exercises/variant';
import { exerciseById } from '../../src/homework/catalog';
import { readSubmission } from '../../src/submission/read-submission';
import { gradeSubmission } from '../../src/grading/grade-submission';
import { bce } from '../../src/math/bce';

const COURSE = { name: 'Test course', perStudentVariants: true, salt: 'fall-2026' };
const STUDENT = 'S-314159';

test.describe('per-student variants', () => {
  test.beforeEach(async ({ page }) => {
    await page.route('**/course.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(COURSE) }));
  });

  test('a student gets their own numbers, checks against them, and the grader recomputes the same variant', async ({ page }) => {
    const variant = variantFor(STUDENT, COURSE);
    expect(variant).toEqual({ kind: 'student', seed: seedFor(STUDENT, COURSE.salt) });
    const def = exerciseById('q1.1c')!;
    const own = def.params(variant);
    const homework = def.params({ kind: 'homework', seed: 0 });
    expect(own).not.toEqual(homework);

    await page.goto('1-1/');
    const ex = page.locator('[data-exercise="q1.1c"]');
    await ex.getByRole('textbox').fill('1');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByRole('status')).toContainText('Enter your student id');
    await expect(ex.getByText('Attempts: 0')).toBeVisible();

    await page.getByRole('button', { name: /^Student/ }).click();
    const panel = page.getByRole('dialog', { name: 'Your progress' });
    await panel.getByLabel('Student id').fill(STUDENT);
    await panel.getByLabel('Name').fill('Grace Hopper');
    await panel.getByRole('button', { name: 'Save student' }).click();
    await expect(panel.getByText(`your own numbers (seed ${variant.seed})`)).toBeVisible();
    await panel.getByRole('button', { name: 'Close' }).click();

    await expect(page.locator('[data-ex="q1.1c"][data-param="p"]').first()).toHaveText(String(own.p));
    const answer = bce(Number(own.y), Number(own.p), 'bits');
    await ex.getByRole('textbox').fill(bce(Number(homework.y), Number(homework.p), 'bits').toFixed(4));
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByRole('status')).not.toHaveText(/^Correct/);
    await ex.getByRole('textbox').fill(answer.toFixed(4));
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByRole('status')).toHaveText(/^Correct/);

    await page.getByRole('button', { name: /^Student/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download submission' }).click(),
    ]);
    const parsed = readSubmission(readFileSync(await download.path(), 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.variant).toEqual(variant);
    const graded = await gradeSubmission(parsed.value, COURSE);
    expect(graded.flags.map((f) => f.kind)).not.toContain('seed-mismatch');
    expect(graded.items.find((i) => i.id === 'q1.1c')?.marks).toBe(1);
  });
});
