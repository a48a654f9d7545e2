import { test, expect } from '@playwright/test';

test.describe('widgets say only what is so', () => {
  test('the data set loader shows no decoding bar or Cancel button while idle', async ({ page }) => {
    await page.goto('2-1/');
    await expect(page.getByText(/default data set|Looking for/).first()).toBeVisible();
    await expect(page.getByLabel('Decoding images')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeHidden();
  });

  test('the BCE explorer says "1 bit", and the formula tester drops its mismatch rows once a formula matches', async ({ page }) => {
    await page.goto('1-1/');
    const bce = page.locator('hw-bce-explorer');
    await bce.getByRole('radio', { name: 'y = 1' }).check();
    await bce.getByLabel('ŷ exactly').fill('0.5');
    await expect(bce.locator('[data-readout]')).toHaveText('L(y = 1, ŷ = 0.5) = 1 bit.');
    await bce.getByRole('radio', { name: /nats/ }).check();
    await expect(bce.locator('[data-readout]')).toContainText('nats.');

    await page.goto('1-2/');
    const tester = page.locator('hw-delta-formula');
    const formula = tester.getByLabel(/∂ŷ_k\/∂z_j/);
    await formula.fill('y_k*(1 - y_j)');
    await tester.getByRole('button', { name: 'Test at random logits' }).click();
    await expect(tester.getByRole('table')).toBeVisible();
    await formula.fill('y_k*(d - y_j)');
    await tester.getByRole('button', { name: 'Test at random logits' }).click();
    await expect(tester.locator('[data-readout]')).toContainText('No cell (k, j) disagrees');
    await expect(tester.getByRole('table')).toBeHidden();
  });

  test('the contents say why there is no 2.5', async ({ page }) => {
    await page.goto('2-4/');
    await expect(page.getByRole('navigation', { name: 'Contents' })).toContainText('No 2.5: the homework itself goes from 2.4 to 2.6.');
  });
});
