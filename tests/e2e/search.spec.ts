import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** TeX as a reader would see it leak into an excerpt: a backslash command such as \operatorname or \mathbf. */
const TEX_COMMAND = /\\[A-Za-z]+/;
/** A token that is one run of glyphs twice over (e.g. "(y=1y=1)"): one formula indexed in two forms. */
const DOUBLED_RUN = /(?<=^|[\s([{“"'])(\S{2,})\1(?=$|[\s)\]},.;:”"'])/u;

const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Search the book' });
const resultsOf = (page: Page) =>
  dialogOf(page)
    .getByRole('listitem')
    .filter({ has: page.locator('a.search-title') });

/** Holds Pagefind's script back so that every keystroke below lands while the index is still loading. */
async function slowIndex(page: Page, ms = 1500): Promise<void> {
  await page.route('**/pagefind/pagefind.js', async (route) => {
    await new Promise((r) => setTimeout(r, ms));
    await route.continue();
  });
}

test.describe('search', () => {
  test('every letter typed right after pressing Search arrives, and results follow', async ({ page }) => {
    await slowIndex(page);
    await page.goto('1-1/');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.keyboard.type('jacobian softmax');
    const box = dialogOf(page).getByRole('searchbox', { name: 'Search' });
    await expect(box).toBeFocused();
    await expect(box).toHaveValue('jacobian softmax');
    await expect(resultsOf(page).first().getByRole('link').first()).toHaveText(/softmax classifier/);
  });

  test('/ opens search from the page and Ctrl+K from inside an answer field', async ({ page }) => {
    await slowIndex(page);
    await page.goto('1-1/');
    await page.keyboard.press('/');
    await page.keyboard.type('cross-entropy');
    const box = dialogOf(page).getByRole('searchbox', { name: 'Search' });
    await expect(box).toHaveValue('cross-entropy');
    await page.keyboard.press('Escape');
    await expect(dialogOf(page)).toBeHidden();

    const answer = page.locator('[data-exercise="q1.1c"]').getByRole('textbox', { name: 'Loss in bits' });
    await answer.click();
    await page.keyboard.press('Control+K');
    await page.keyboard.type('papaya');
    await expect(box).toBeFocused();
    await expect(box).toHaveValue('papaya');
    await expect(answer).toHaveValue('');
  });

  test('/ typed in an answer field is a slash and leaves search closed', async ({ page }) => {
    await page.goto('1-1/');
    const answer = page.locator('[data-exercise="q1.1c"]').getByRole('textbox', { name: 'Loss in bits' });
    await answer.click();
    await page.keyboard.type('log2(10)/2');
    await expect(answer).toHaveValue('log2(10)/2');
    await expect(dialogOf(page)).toBeHidden();
  });

  for (const query of ['jacobian softmax', 'cross-entropy', 'softmax derivative', 'binary cross-entropy loss']) {
    test(`results for “${query}” read like the page, without TeX or doubled formulas`, async ({ page }) => {
      await page.goto('./');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.keyboard.type(query);
      await expect(dialogOf(page).getByRole('status')).toContainText(/pages? match/);
      const items = resultsOf(page);
      await expect(items.first()).toBeVisible();
      const texts = (await items.allInnerTexts()).slice(0, 3).map((t) => t.replace(/\s+/g, ' '));
      const all = texts.join(' ');
      expect(all).not.toMatch(TEX_COMMAND);
      expect(all.match(DOUBLED_RUN)?.[0] ?? '').toBe('');
      expect(all).toMatch(/[∂∑∈−^=]/u);
    });
  }

  test('a nonsense word finds nothing (no pages matched by a shorter prefix of it)', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Search' }).click();
    for (const word of ['blorptastic', 'asdfgh', 'xyzzy']) {
      await dialogOf(page).getByRole('searchbox', { name: 'Search' }).fill(word);
      await expect(dialogOf(page).getByRole('status')).toHaveText(`No results for “${word}”.`);
      await expect(resultsOf(page)).toHaveCount(0);
    }
    await dialogOf(page).getByRole('searchbox', { name: 'Search' }).fill('papayas');
    await expect(dialogOf(page).getByRole('status')).toContainText(/pages? match/);
  });

  test('the open dialog with results has no serious accessibility problems, in both themes', async ({ page }) => {
    await page.goto('1-2/');
    await page.keyboard.press('/');
    await page.keyboard.type('softmax');
    await expect(resultsOf(page).first()).toBeVisible();
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const result = await new AxeBuilder({ page }).include('[data-search-dialog]').analyze();
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `[${theme}] ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });

  test('full-text search finds a chapter, and Enter follows the first result', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Search' }).click();
    const dialog = dialogOf(page);
    await dialog.getByRole('searchbox', { name: 'Search' }).fill('papaya');
    await expect(dialog.getByRole('link', { name: /papayas/i }).first()).toBeVisible();
    await dialog
      .getByRole('link', { name: /papayas/i })
      .first()
      .click();
    await expect(page).toHaveURL(/\/hw1\/1-1\//);
    await expect(dialog).toBeHidden();
    await page.waitForLoadState('load');

    await page.keyboard.press('/');
    await page.keyboard.type('stratified split');
    await expect(resultsOf(page).first().getByRole('link').first()).toHaveText(/stratified split/);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/hw1\/2-1\//);
  });
});
