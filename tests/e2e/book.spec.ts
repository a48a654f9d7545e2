import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';

const CHAPTERS = ['1-1', '1-2', '2-1', '2-2', '2-3', '2-4', '2-6'];

async function openPanel(page: Page) {
  await page.getByRole('button', { name: /^Student/ }).click();
  return page.getByRole('dialog', { name: 'Your progress' });
}

async function signIn(page: Page, id = 's1234567', name = 'Ada Lovelace') {
  const panel = await openPanel(page);
  await panel.getByLabel('Student id').fill(id);
  await panel.getByLabel('Name').fill(name);
  await panel.getByRole('button', { name: 'Save student' }).click();
  await expect(panel.getByRole('status')).toContainText('Saved');
  return panel;
}

test.describe('the book', () => {
  test('home page lists every part with its marks and links to each chapter', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Homework 1');
    const main = page.getByRole('main');
    for (const [part, marks] of [
      ['1.1', '7'],
      ['1.2', '8'],
      ['2.1', '5'],
      ['2.2', '10'],
      ['2.3', '10'],
      ['2.4', '10'],
      ['2.6', '5'],
    ]) {
      const row = main.getByRole('row').filter({ has: page.getByRole('rowheader', { name: part, exact: true }) });
      await expect(row.getByRole('cell').last()).toHaveText(marks);
    }
    await expect(main).toContainText('55 marks');
    const nav = page.getByRole('navigation', { name: 'Contents' });
    await nav.getByRole('link', { name: /1\.2 A softmax classifier/ }).click();
    await expect(page).toHaveURL(/\/hw1\/1-2\/$/);
    await expect(nav.getByRole('link', { name: /1\.2 A softmax classifier/ })).toHaveAttribute('aria-current', 'page');
  });

  test('every chapter opens with its question and marks, has an outline and previous/next links, and no TeX left', async ({ page }) => {
    for (const slug of CHAPTERS) {
      await page.goto(`${slug}/`);
      await expect(page.locator('.eyebrow')).toContainText('marks');
      await expect(page.getByRole('complementary', { name: 'On this page' }).getByRole('link').first()).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Previous and next chapter' }).getByRole('link').first()).toBeVisible();
      // Code is typed text (an example answer may show the LaTeX a student can type); everything else must be rendered.
      const text = await page.getByRole('main').evaluate((main: HTMLElement) => {
        const code = [...main.querySelectorAll<HTMLElement>('code, pre')];
        code.forEach((c) => (c.style.display = 'none'));
        const shown = main.innerText;
        code.forEach((c) => (c.style.display = ''));
        return shown;
      });
      expect(text, `raw TeX on ${slug}`).not.toMatch(/\$\$|\\frac|\\hat|\\log|\\begin\{/);
    }
    await page.goto('1-1/');
    expect(await page.locator('.katex').count()).toBeGreaterThan(5);
    expect(await page.locator('script[src*="katex"]').count()).toBe(0);
  });

  test('pages pass an axe accessibility check in light and dark themes', async ({ page }) => {
    test.setTimeout(300_000); // axe over every page in two themes: about a minute on a quiet 2-core machine
    for (const path of ['./', ...CHAPTERS.map((s) => `${s}/`), 'instructor/']) {
      await page.goto(path);
      for (const theme of ['light', 'dark']) {
        await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
        const result = await new AxeBuilder({ page }).exclude('.katex-mathml').analyze();
        const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(
          serious.map(
            (v) =>
              `${path} [${theme}] ${v.id}: ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(', ')}`,
          ),
        ).toEqual([]);
      }
    }
  });

  test('the theme toggle names the theme it switches to, and the choice is remembered', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Light theme' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Light theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.getByRole('button', { name: 'Dark theme' })).toBeVisible();
  });

  test('answer, check, reload, download, reset and load a submission', async ({ page }) => {
    await page.goto('1-1/');
    await signIn(page);
    await page.keyboard.press('Escape');
    const ex = page.locator('[data-exercise="q1.1c"]');
    const input = ex.getByRole('textbox');
    await input.fill('3..2');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByRole('status')).toHaveText(/^Could not read/);
    await expect(ex.getByText('Attempts: 0')).toBeVisible();
    await input.fill('log2(10)');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByRole('status')).toHaveText(/^Correct/);
    await expect(ex.getByText('Attempts: 1')).toBeVisible();

    await page.reload();
    await expect(page.locator('[data-exercise="q1.1c"]').getByRole('textbox')).toHaveValue('log2(10)');
    await expect(page.locator('[data-exercise="q1.1c"]').getByText('Attempts: 1')).toBeVisible();

    const panel = await openPanel(page);
    await expect(panel.getByLabel('Student id')).toHaveValue('s1234567');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download submission' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^hw1-s1234567-\d{4}-\d\d-\d\d\.json$/);
    const file = await download.path();
    const sub = JSON.parse(readFileSync(file, 'utf8'));
    expect(sub.format).toBe('dlcv-hw1-submission');
    expect(sub.version).toBe(1);
    expect(sub.student).toEqual({ id: 's1234567', name: 'Ada Lovelace' });
    expect(sub.variant).toEqual({ kind: 'homework', seed: 0 });
    expect(sub.answers['q1.1c']).toBe('log2(10)');
    expect(sub.attempts['q1.1c']).toBe(1);
    expect(Number.isNaN(Date.parse(sub.createdAt))).toBe(false);

    await panel.getByRole('button', { name: 'Reset progress…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Reset all progress?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.locator('[data-exercise="q1.1c"]').getByRole('textbox')).toHaveValue('log2(10)');
    await panel.getByRole('button', { name: 'Reset progress…' }).click();
    await confirm.getByRole('button', { name: 'Delete everything' }).click();
    await expect(page.locator('[data-exercise="q1.1c"]').getByRole('textbox')).toHaveValue('');

    await panel
      .getByLabel('Load submission')
      .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "something-else"}') });
    await expect(panel.getByRole('status')).toContainText('not a valid submission');
    await expect(page.locator('[data-exercise="q1.1c"]').getByRole('textbox')).toHaveValue('');

    await panel.getByLabel('Load submission').setInputFiles(file);
    await expect(panel.getByRole('status')).toContainText('Loaded the submission of Ada Lovelace');
    await expect(page.locator('[data-exercise="q1.1c"]').getByRole('textbox')).toHaveValue('log2(10)');
    await page.reload();
    await expect(page.locator('[data-exercise="q1.1c"]').getByRole('textbox')).toHaveValue('log2(10)');

    // A file whose advisory fields are malformed (attempts 2.5, status "Correct", no name) still loads every answer, with a note.
    const messy = {
      ...sub,
      student: { id: sub.student.id },
      attempts: { 'q1.1c': 2.5 },
      results: { 'q1.1c': { status: 'Correct', marks: 1, maxMarks: 1 } },
    };
    const reopened = await openPanel(page);
    await reopened.getByRole('button', { name: 'Reset progress…' }).click();
    await confirm.getByRole('button', { name: 'Delete everything' }).click();
    await expect(page.locator('[data-exercise="q1.1c"]').getByRole('textbox')).toHaveValue('');
    await reopened
      .getByLabel('Load submission')
      .setInputFiles({ name: 'messy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(messy)) });
    await expect(reopened.getByRole('status')).toContainText('Loaded the submission of s1234567');
    await expect(reopened.getByRole('status')).toContainText('your answers are all kept');
    await expect(page.locator('[data-exercise="q1.1c"]').getByRole('textbox')).toHaveValue('log2(10)');
  });

  test('one answer of every kind survives a reload, goes into the submission as typed, and comes back on load', async ({ page }) => {
    await page.goto('1-1/');
    await signIn(page, 's7', 'Kind Tester');
    await page.keyboard.press('Escape');
    await page
      .locator('[data-exercise="q1.1a"]')
      .getByLabel(/vanishes/)
      .check();
    await page.locator('[data-exercise="q1.1b"]').getByRole('textbox').fill('-(y*log(p) + (1-y)*log(1-p))');
    await page.locator('[data-exercise="q1.1c"]').getByRole('textbox').fill('-log(0.1)/log(2)');
    const losses = page.locator('[data-exercise="q1.1d"]').getByRole('textbox');
    await losses.nth(0).fill('3.3219');
    await losses.nth(1).fill('0.3219');
    await losses.nth(2).fill('1.737');
    await losses.nth(3).fill('1.7936');
    await page.locator('[data-exercise="q1.1d"]').getByRole('button', { name: 'Check' }).click();
    await expect(page.locator('[data-exercise="q1.1d"]').getByRole('status')).toHaveText(/^Correct/);
    await page.goto('1-2/');
    await page.locator('[data-exercise="q1.2a"]').getByLabel('Shape of W[2]').fill('(K, Da)');
    const jac = page.locator('[data-exercise="q1.2d"]');
    await jac
      .getByRole('textbox', { name: /row 1, column 1/ })
      .first()
      .fill('0.0819');
    await jac
      .getByRole('textbox', { name: /row 3, column 2/ })
      .first()
      .fill('-0.1628');
    await jac.getByRole('button', { name: 'Check' }).click();
    await expect(jac.getByRole('status')).toHaveText(/^Could not read/);
    await page.goto('2-6/');
    await page.locator('[data-exercise="q2.6"]').getByRole('textbox').fill('The CNN overfits; augmentation helps.');
    await page.locator('[data-exercise="q2.6"]').getByRole('button', { name: 'Check' }).click();
    await expect(page.locator('[data-exercise="q2.6"]').getByRole('status')).toContainText('instructor');

    await page.goto('1-1/');
    await expect(page.locator('[data-exercise="q1.1a"]').getByLabel(/vanishes/)).toBeChecked();
    await expect(page.locator('[data-exercise="q1.1b"]').getByRole('textbox')).toHaveValue('-(y*log(p) + (1-y)*log(1-p))');
    await expect(page.locator('[data-exercise="q1.1d"]').getByRole('textbox').nth(2)).toHaveValue('1.737');
    const panel = await openPanel(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download submission' }).click(),
    ]);
    const file = await download.path();
    const sub = JSON.parse(readFileSync(file, 'utf8'));
    expect(sub.answers['q1.1a']).toBe('vanishing');
    expect(sub.answers['q1.1b']).toBe('-(y*log(p) + (1-y)*log(1-p))');
    expect(sub.answers['q1.1c']).toBe('-log(0.1)/log(2)');
    expect(sub.answers['q1.1d.losses']).toEqual(['3.3219', '0.3219', '1.737']);
    expect(sub.answers['q1.2a.W2']).toBe('(K, Da)');
    expect(sub.answers['q1.2d.jacobian']).toEqual([
      ['0.0819', '', ''],
      ['', '', ''],
      ['', '-0.1628', ''],
    ]);
    expect(sub.answers['q2.6']).toBe('The CNN overfits; augmentation helps.');
    expect(sub.attempts['q1.1d']).toBe(1);
    expect(sub.answers['q1.1d.mean']).toBe('1.7936');
    expect(sub.attempts['q1.2d']).toBeUndefined();

    await panel.getByRole('button', { name: 'Reset progress…' }).click();
    await page.getByRole('dialog', { name: 'Reset all progress?' }).getByRole('button', { name: 'Delete everything' }).click();
    await panel.getByLabel('Load submission').setInputFiles(file);
    await expect(panel.getByRole('status')).toContainText('Loaded the submission of Kind Tester');
    await page.goto('1-2/');
    await expect(page.locator('[data-exercise="q1.2a"]').getByLabel('Shape of W[2]')).toHaveValue('(K, Da)');
    await expect(
      page
        .locator('[data-exercise="q1.2d"]')
        .getByRole('textbox', { name: /row 3, column 2/ })
        .first(),
    ).toHaveValue('-0.1628');
    await page.goto('2-6/');
    await expect(page.locator('[data-exercise="q2.6"]').getByRole('textbox')).toHaveValue('The CNN overfits; augmentation helps.');
  });

  test('two tabs open at once do not overwrite each other’s answers', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await a.goto('1-1/');
    await b.goto('1-2/');
    await a.locator('[data-exercise="q1.1c"]').getByRole('textbox').fill('3.3219');
    await a.locator('[data-exercise="q1.1c"]').getByRole('textbox').blur();
    await b.locator('[data-exercise="q1.2b"]').getByRole('textbox').fill('31');
    await b.locator('[data-exercise="q1.2b"]').getByRole('textbox').blur();
    await a.locator('[data-exercise="q1.1c"]').getByRole('button', { name: 'Check' }).click();
    await expect(a.locator('[data-exercise="q1.1c"]').getByRole('status')).toHaveText(/^Correct/);
    const saved = await b.evaluate(() => JSON.parse(localStorage.getItem('dlcv-hw1:progress:v1') ?? '{}'));
    expect(saved.answers).toMatchObject({ 'q1.1c': '3.3219', 'q1.2b': '31' });
    expect(saved.attempts['q1.1c']).toBe(1);
  });

  test('hints are revealed one at a time and stay revealed after a reload', async ({ page }) => {
    await page.goto('1-1/');
    const ex = page.locator('[data-exercise="q1.1c"]');
    const hints = ex.getByRole('listitem');
    await expect(hints.first()).toBeHidden();
    await ex.getByRole('button', { name: 'Show a hint' }).click();
    await expect(hints.first()).toBeVisible();
    await expect(hints.nth(1)).toBeHidden();
    await page.reload();
    await expect(page.locator('[data-exercise="q1.1c"]').getByRole('listitem').first()).toBeVisible();
    await page.locator('[data-exercise="q1.1c"]').getByRole('button', { name: 'Show a hint' }).click();
    await expect(page.locator('[data-exercise="q1.1c"]').getByRole('button', { name: 'Show a hint' })).toBeDisabled();
  });

  test('a matrix accepts a pasted matrix and marks the wrong cells', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('1-2/');
    const ex = page.locator('[data-exercise="q1.2d"]');
    const first = ex.getByRole('textbox', { name: /row 1, column 1/ }).first();
    await first.focus();
    await page.evaluate(() => navigator.clipboard.writeText('1\t2\t3\n4\t5\t6\n7\t8\t9'));
    await page.keyboard.press('Control+V');
    await expect(ex.getByRole('textbox', { name: /row 3, column 3/ }).first()).toHaveValue('9');
    await expect(ex.getByRole('textbox', { name: /row 2, column 1/ }).first()).toHaveValue('4');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByRole('status')).not.toHaveText(/^Correct/);
    await expect(ex.getByRole('textbox', { name: /row 1, column 1/ }).first()).toHaveAttribute('aria-invalid', 'true');
  });

  test('blocked storage shows a warning and the book still works', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    await page.goto('1-1/');
    await expect(page.getByRole('alert')).toContainText('does not let the book save');
    const ex = page.locator('[data-exercise="q1.1c"]');
    await ex.getByRole('textbox').fill('log2(10)');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByRole('status')).toHaveText(/^Correct/);
  });

  test('a full storage shows a warning instead of failing', async ({ page }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    await page.goto('1-1/');
    const ex = page.locator('[data-exercise="q1.1c"]');
    await ex.getByRole('textbox').fill('2');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByRole('status')).toHaveText(/^Not yet|^Could not/);
    await expect(page.getByRole('alert')).toContainText('storage is full');
  });

  test('on a phone the contents open from a menu button', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('1-1/');
    const nav = page.getByRole('navigation', { name: 'Contents' });
    await expect(nav).toBeHidden();
    await page.getByRole('button', { name: 'Contents' }).click();
    await expect(nav).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });

  test('print hides the navigation and keeps the student’s answers', async ({ page }) => {
    await page.goto('1-1/');
    const ex = page.locator('[data-exercise="q1.1c"]');
    await ex.getByRole('textbox').fill('3.3219');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Contents' })).toBeHidden();
    await expect(ex.getByRole('textbox')).toBeVisible();
    await expect(ex.getByRole('textbox')).toHaveValue('3.3219');
    await expect(ex.getByRole('button', { name: 'Check' })).toBeHidden();
  });
});
