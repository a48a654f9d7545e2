import { test, expect, type Page } from '@playwright/test';
import { variantFor } from '../../src/exercises/variant';
import { formatNumber } from '../../src/exercises/format-number';
import { onePapaya, threePapayas } from '../../src/homework/q1-1-variants';
import { bce } from '../../src/math/bce';

const COURSE = { name: 'Test course', perStudentVariants: true, salt: 'fall-2026' };
const STUDENT = 'S-271828';
const HOMEWORK = { kind: 'homework', seed: 0 } as const;

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

  test("the BCE explorer guards the student's own papayas once the id is saved, computes the homework's, and lists no papaya after a check", async ({
    page,
  }) => {
    const variant = variantFor(STUDENT, COURSE);
    const own = [onePapaya(variant), ...threePapayas(variant)];
    const homework = [onePapaya(HOMEWORK), ...threePapayas(HOMEWORK)];
    expect(own).not.toEqual(homework);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('1-1/');
    const explorer = page.locator('hw-bce-explorer');
    const readout = explorer.locator('[data-readout]');
    /** Sets the explorer to (y, ŷ). */
    const typePapaya = async ([y, p]: readonly [number, number]) => {
      await explorer.getByRole('radio', { name: `y = ${y}` }).check();
      await explorer.getByLabel('ŷ exactly').fill(String(p));
    };
    const losses = {
      'Loss of each papaya in bits, entry 1': '1',
      'Loss of each papaya in bits, entry 2': '1',
      'Loss of each papaya in bits, entry 3': '1',
      'Average loss in bits': '1',
    };

    const blocked = await check(page, 'q1.1d', losses);
    await expect(blocked).toContainText('Enter your student id');
    await explorer.scrollIntoViewIfNeeded();
    await typePapaya(own[0]);
    await expect(readout).toHaveText(`L(y = ${own[0][0]}, ŷ = ${own[0][1]}) = ${formatNumber(bce(...own[0], 'bits'))} bits.`);

    await page.getByRole('button', { name: /^Student/ }).click();
    const panel = page.getByRole('dialog', { name: 'Your progress' });
    await panel.getByLabel('Student id').fill(STUDENT);
    await panel.getByLabel('Name').fill('Ada Lovelace');
    await panel.getByRole('button', { name: 'Save student' }).click();
    await expect(panel.getByText(`your own numbers (seed ${variant.seed})`)).toBeVisible();
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect(page.locator('[data-ex="q1.1d"][data-param="p1"]').first()).toHaveText(String(own[1][1]));
    await expect(readout).toContainText('These are the numbers of exercise q1.1c');
    await expect(explorer).not.toContainText(formatNumber(bce(...own[0], 'bits')));

    await check(page, 'q1.1d', losses);
    await check(page, 'q1.1c', { 'Loss in bits': '0.5' });
    await page.reload();
    await explorer.scrollIntoViewIfNeeded();
    await expect(explorer.locator('svg[role="img"]')).toBeVisible();
    await expect(explorer.getByRole('list')).toHaveCount(0);
    await expect(explorer.locator('svg')).not.toContainText('1.1');
    for (const [i, e] of own.entries()) {
      await typePapaya(e);
      await expect(readout).toContainText(`These are the numbers of exercise ${i === 0 ? 'q1.1c' : `q1.1d, papaya ${i}`}`);
      await expect(explorer.locator('svg')).not.toContainText('you');
      for (const unit of ['bits', 'nats'] as const) await expect(explorer).not.toContainText(formatNumber(bce(...e, unit)));
    }
    for (const e of homework) {
      await typePapaya(e);
      await expect(readout).toHaveText(`L(y = ${e[0]}, ŷ = ${e[1]}) = ${formatNumber(bce(...e, 'bits'))} bits.`);
      await expect(explorer.locator('svg')).toContainText('you');
    }
    expect(errors).toEqual([]);
  });
});
