import { test, expect, type Page } from '@playwright/test';
import { variantFor } from '../../src/exercises/variant';
import { formatNumber } from '../../src/exercises/format-number';
import { onePapaya, threePapayas } from '../../src/homework/q1-1-variants';
import { bce } from '../../src/math/bce';
import { OPENINGS } from '../../src/widgets/openings';

const COURSE = { name: 'Test course', perStudentVariants: true, salt: 'fall-2026' };
const STUDENT = 'S-271828';
const HOMEWORK = { kind: 'homework', seed: 0 } as const;

const line = (label: string, [y, p]: readonly [number, number]) => `${label}: y = ${y}, ŷ = ${p}, loss ${formatNumber(bce(y, p, 'bits'))} bits`;

/** Types into the exercise's inputs by their labels and presses Check; returns its result. */
async function check(page: Page, id: string, fields: Record<string, string>) {
  const ex = page.locator(`[data-exercise="${id}"]`);
  for (const [label, value] of Object.entries(fields)) await ex.getByLabel(label, { exact: true }).fill(value);
  await ex.getByRole('button', { name: 'Check', exact: true }).click();
  const status = ex.getByRole('status');
  await expect(status).not.toHaveText(/^(Checking…)?$/);
  return status;
}

test.describe('Question 1 widgets with per-student variants', () => {
  test.beforeEach(async ({ page }) => {
    await page.route('**/course.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(COURSE) }));
  });

  test('the BCE explorer plots the student\'s own papayas of q1.1d and q1.1c once each is checked, never the homework\'s', async ({ page }) => {
    const variant = variantFor(STUDENT, COURSE);
    const own = threePapayas(variant);
    expect(own).not.toEqual(threePapayas(HOMEWORK));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('1-1/');
    const explorer = page.locator('hw-bce-explorer');
    const points = explorer.getByRole('list', { name: 'Papayas of the exercises' });
    const losses = { 'Loss of each papaya in bits, entry 1': '1', 'Loss of each papaya in bits, entry 2': '1', 'Loss of each papaya in bits, entry 3': '1', 'Average loss in bits': '1' };

    const blocked = await check(page, 'q1.1d', losses);
    await expect(blocked).toContainText('Enter your student id');
    await expect(points).toBeHidden();

    await page.getByRole('button', { name: /^Student/ }).click();
    const panel = page.getByRole('dialog', { name: 'Your progress' });
    await panel.getByLabel('Student id').fill(STUDENT);
    await panel.getByLabel('Name').fill('Ada Lovelace');
    await panel.getByRole('button', { name: 'Save student' }).click();
    await expect(panel.getByText(`your own numbers (seed ${variant.seed})`)).toBeVisible();
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect(page.locator('[data-ex="q1.1d"][data-param="p1"]').first()).toHaveText(String(own[0][1]));

    await explorer.scrollIntoViewIfNeeded();
    await expect(explorer.locator('svg[role="img"]')).toBeVisible();
    const { y, p } = OPENINGS.bce;
    await expect(explorer.locator('[data-readout]')).toHaveText(`L(y = ${y}, ŷ = ${p}) = ${formatNumber(bce(y, p, 'bits'))} bits.`);
    await expect(explorer.locator('[data-readout]')).not.toContainText(formatNumber(bce(...onePapaya(variant), 'bits')));
    await expect(points).toBeHidden();
    await expect(explorer.locator('svg')).not.toContainText('1.1');

    const wrong = await check(page, 'q1.1d', losses);
    await expect(wrong).not.toHaveText(/^Correct/);
    await expect(points.getByRole('listitem')).toHaveText(own.map((e, i) => line(`1.1d papaya ${i + 1}`, e)));
    for (const [i, e] of threePapayas(HOMEWORK).entries()) {
      if (own[i][0] !== e[0] || own[i][1] !== e[1]) await expect(points).not.toContainText(`ŷ = ${e[1]}, loss ${formatNumber(bce(e[0], e[1], 'bits'))}`);
    }
    await expect(points).not.toContainText('1.1c');
    const hint = explorer.getByText('appear here and on the chart once you have checked');
    await expect(hint).toBeVisible();

    await check(page, 'q1.1c', { 'Loss in bits': '0.5' });
    await expect(points.getByRole('listitem').first()).toHaveText(line('1.1c', onePapaya(variant)));
    await expect(explorer.locator('svg')).toContainText('1.1c');
    await expect(hint).toBeHidden();

    await page.reload();
    await expect(points.getByRole('listitem')).toHaveText([line('1.1c', onePapaya(variant)), ...own.map((e, i) => line(`1.1d papaya ${i + 1}`, e))]);
    expect(errors).toEqual([]);
  });
});
