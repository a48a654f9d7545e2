import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The student edition must not ship solution text; the instructor edition (built by test:e2e) shows it. */
const OUT = process.env.BOOK_OUT ?? 'dist-e2e';

test.describe('student and instructor editions', () => {
  const chapters = ['1-1', '1-2', '2-6'];

  test('the student build holds no worked solutions or rubrics', async ({ page }) => {
    for (const slug of chapters) {
      const html = readFileSync(`${OUT}/${slug}/index.html`, 'utf8');
      expect(html).not.toContain('data-solution');
      expect(html).not.toContain('Rubric (');
      await page.goto(`${slug}/`);
      await expect(page.getByRole('complementary', { name: /Worked solution/ })).toHaveCount(0);
    }
  });

  test('the instructor build shows a worked solution and rubric after each exercise', () => {
    for (const slug of chapters) {
      const html = readFileSync(`${OUT}-instructor/${slug}/index.html`, 'utf8');
      expect(html).toContain('data-solution');
      expect(html).toContain('Rubric (');
      expect(html).toContain('instructor edition');
    }
    const c11 = readFileSync(`${OUT}-instructor/1-1/index.html`, 'utf8');
    expect((c11.match(/data-solution/g) ?? []).length).toBe(5);
  });

  test('the instructor page is built knowing its edition: the student edition says where the references are', () => {
    const student = readFileSync(`${OUT}/instructor/index.html`, 'utf8');
    expect(student).toContain('data-edition="student"');
    expect(student).toContain('reference answers are shown only in the instructor edition');
    const instructor = readFileSync(`${OUT}-instructor/instructor/index.html`, 'utf8');
    expect(instructor).toContain('data-edition="instructor"');
    expect(instructor).not.toContain('reference answers are shown only in the instructor edition');
  });
});
