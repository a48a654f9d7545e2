import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';

/** How many runs' features the book keeps in this browser. */
function keptFeatureCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('dlcv-hw1-run-features');
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('features')) {
            resolve(0);
            return;
          }
          const c = db.transaction('features').objectStore('features').count();
          c.onsuccess = () => resolve(c.result);
        };
      }),
  );
}

test("a kept run's feature space is drawn again after a reload, and deleting the run deletes its features", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('2-3/?train-limit=64');
  let w = page.locator('hw-fine-tune');
  await w.scrollIntoViewIfNeeded();
  await expect(w.getByText(/No weights are loaded/)).toBeVisible({ timeout: 30_000 });
  await w.getByLabel('Backend').selectOption('wasm');
  await w.getByLabel('Image size').selectOption('32');
  await w.getByLabel('Epochs').fill('1');
  await w.getByRole('button', { name: 'Start' }).click();
  await expect(w.getByText(/Run completed on wasm .*ResNet-18, not pretrained\./)).toBeVisible({ timeout: 150_000 });
  const [, points, train, val] = (await w.getByText(/^Features of this run: /).textContent())!.match(
    /: (\d+) images \((\d+) train, (\d+) validation\)\. Press "Draw t-SNE"\.$/,
  )!;
  expect(await keptFeatureCount(page)).toBe(1);

  await page.reload();
  w = page.locator('hw-fine-tune');
  await w.scrollIntoViewIfNeeded();
  const kept = w.getByText(
    new RegExp(
      `^Features of your kept run (resnet18-42-\\S+) \\(ResNet-18, not pretrained\\), kept in this browser: ${points} images \\(${train} train, ${val} validation\\)\\. Press "Draw t-SNE"\\.$`,
    ),
  );
  await expect(kept).toBeVisible({ timeout: 30_000 });
  const runId = (await kept.textContent())!.match(/kept run (\S+) /)![1];
  await expect(w.getByRole('table', { name: new RegExp(`Class centroids of the ${points} feature vectors \\(512-D\\)`) })).toBeVisible();
  await w.getByLabel('Iterations').fill('250');
  await w.getByRole('button', { name: 'Draw t-SNE' }).click();
  const views = w.locator('hw-feature-space');
  await expect(views.nth(0).getByRole('img', { name: new RegExp(`^2-D t-SNE of ${points} points`) })).toBeVisible({ timeout: 90_000 });
  await expect(views.nth(1).getByRole('img', { name: new RegExp(`^3-D t-SNE of ${val} points`) })).toBeVisible({ timeout: 90_000 });
  await expect(
    w.getByText(
      new RegExp(
        `^t-SNE drawn \\(2-D: KL [\\d.]+, trustworthiness [\\d.]+; 3-D: KL [\\d.]+, trustworthiness [\\d.]+\\); kept with run ${runId}\\.$`,
      ),
    ),
  ).toBeVisible({ timeout: 90_000 });
  const axe = await new AxeBuilder({ page }).include('hw-fine-tune').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  page.on('dialog', (d) => void d.accept());
  const row = page
    .locator('hw-run-list')
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox', { name: `Compare run ${runId}` }) });
  await row.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => keptFeatureCount(page), { timeout: 15_000 }).toBe(0);
  await page.reload();
  w = page.locator('hw-fine-tune');
  await w.scrollIntoViewIfNeeded();
  await expect(w.getByText(/^After a run, the 512 features before fc/)).toBeVisible({ timeout: 30_000 });
  await expect(w.getByRole('button', { name: 'Draw t-SNE' })).toBeDisabled();
});
