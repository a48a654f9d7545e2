import { test, expect, type Locator } from '@playwright/test';
import { canonicalNumbers } from '../helpers/answer-keys';
import { FIX } from '../helpers/math-fixtures';
import { Q1_2 } from '../../src/homework/q1-2';

const f4 = (x: number) => x.toFixed(4);
const num = (key: string) => String(canonicalNumbers(key)[0]);
const optionLabel = (key: string, id: string): string => {
  const input = Q1_2.flatMap((e) => e.inputs).find((i) => i.key === key);
  if (input?.kind !== 'choice') throw new Error(`no choice ${key}`);
  return input.options.find((o) => o.id === id)!.label;
};

/** Types each value into a grid from its first cell on, pressing Enter after each, and checks focus walks the cells in order. */
async function typeGrid(cells: Locator, values: string[], status: Locator): Promise<void> {
  await expect(cells).toHaveCount(values.length);
  await cells.first().click();
  for (let i = 0; i < values.length; i++) {
    await expect(cells.nth(i)).toBeFocused();
    await cells.nth(i).page().keyboard.type(values[i]);
    await cells.nth(i).page().keyboard.press('Enter');
    if (i < values.length - 1) await expect(status).toHaveText('');
  }
}

test.describe('exercises from the keyboard', () => {
  test('Enter in a one-line answer checks it (the homework accepts log2(10) for q1.1c)', async ({ page }) => {
    await page.goto('1-1/');
    const ex = page.locator('[data-exercise="q1.1c"]');
    const field = ex.getByRole('textbox', { name: 'Loss in bits' });
    const status = ex.getByRole('status');
    await field.click();
    await page.keyboard.type(f4(FIX.bce[0].nats));
    await page.keyboard.press('Enter');
    await expect(status).toHaveText(/^Not yet/);
    await expect(status).toContainText('nats');
    await expect(ex.getByText('Attempts: 1')).toBeVisible();

    await field.fill('');
    await page.keyboard.type('log2(10)');
    await page.keyboard.press('Enter');
    await expect(status).toHaveText(/^Correct/);
    await expect(ex.getByText('Attempts: 2')).toBeVisible();
    await expect(field).toBeFocused();
  });

  test('in a matrix Enter moves to the next cell and the last cell checks', async ({ page }) => {
    await page.goto('1-2/');
    const ex = page.locator('[data-exercise="q1.2d"]');
    await ex.scrollIntoViewIfNeeded();
    const dz = canonicalNumbers('q1.2d.dz').map(String);
    for (let j = 0; j < dz.length; j++) await ex.getByRole('textbox', { name: `∂L/∂z[2], entry ${j + 1}` }).fill(dz[j]);
    await ex.getByRole('radio', { name: optionLabel('q1.2d.dW', 'outer'), exact: true }).check();
    const status = ex.getByRole('status', { includeHidden: true });
    const cells = ex.getByRole('textbox', { name: /^Jacobian .*, row \d, column \d$/ });
    await typeGrid(cells, FIX.softmax[0].jacobian_dyk_dzj.flat().map(f4), status);
    await expect(status).toHaveText(/^Correct/);
    await expect(ex.getByText('Attempts: 1')).toBeVisible();
  });

  test('in a vector Enter moves to the next entry and the last entry checks', async ({ page }) => {
    await page.goto('1-1/');
    const ex = page.locator('[data-exercise="q1.1d"]');
    await ex.scrollIntoViewIfNeeded();
    await ex.getByRole('textbox', { name: 'Average loss in bits' }).fill(num('q1.1d.mean'));
    const status = ex.getByRole('status', { includeHidden: true });
    const cells = ex.getByRole('textbox', { name: /^Loss of each papaya in bits, entry \d$/ });
    await typeGrid(cells, canonicalNumbers('q1.1d.losses').map(String), status);
    await expect(status).toHaveText(/^Correct/);
  });
});
