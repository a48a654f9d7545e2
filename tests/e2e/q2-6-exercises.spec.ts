import { test, expect, type Locator } from '@playwright/test';
import { RUN_OPTIONS } from '../../src/homework/q2-6';
import type { RunRecord } from '../../src/record/run-record';
import { homeworkRuns } from '../helpers/run-records';

const file = (run: RunRecord) => ({ name: `${run.id}.run.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(run)) });

/** A column of the comparison table by heading, for the rows of the student's runs (name → cell text). */
async function column(table: Locator, heading: string): Promise<Map<string, string>> {
  const heads = (await table.getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
  const i = heads.indexOf(heading);
  const out = new Map<string, string>();
  for (const row of await table.locator('tbody').getByRole('row').all()) {
    const name = (await row.getByRole('rowheader').innerText()).trim();
    if (!name.startsWith('Reported'))
      out.set(
        name,
        (
          await row
            .getByRole('cell')
            .nth(i - 1)
            .innerText()
        ).trim(),
      );
  }
  return out;
}

test('a student hands in the three runs and answers the best macro F1 and the ratio of trained weights from the table', async ({
  page,
}) => {
  const runs = homeworkRuns();
  await page.goto('2-6/');
  const w = page.locator('hw-comparison');
  await w.scrollIntoViewIfNeeded();
  await w.getByLabel('Import run records (JSON)').setInputFiles(runs.map(file));
  for (const run of runs)
    await w.getByRole('row').filter({ hasText: run.id }).getByRole('button', { name: 'Hand in with my submission' }).click();
  await expect(w.getByText(`q2.2: ${runs[0].id}; q2.3: ${runs[1].id}; q2.4: ${runs[2].id}`)).toBeVisible();

  const table = w.getByRole('table', { name: /Your ticked runs/ });
  const f1 = [...(await column(table, 'Macro F1')).entries()].map(([name, text]) => ({ q: name.slice(0, 4), f1: Number(text) }));
  const best = f1.reduce((a, b) => (b.f1 > a.f1 ? b : a)).q;
  const params = [...(await column(table, 'Parameters')).entries()].map(([name, text]) => ({
    q: name.slice(0, 4),
    n: Number(text.split(' ')[0].replace(/,/g, '')),
  }));
  const ratio = params.find((p) => p.q === 'q2.3')!.n / params.find((p) => p.q === 'q2.2')!.n;

  const ex = page.locator('hw-exercise[data-exercise="q2.6.models"]');
  await ex.scrollIntoViewIfNeeded();
  await ex.getByRole('radio', { name: RUN_OPTIONS.find((o) => o.id === best)!.label }).check();
  await ex.getByLabel(/How many times as many weights/).fill(ratio.toFixed(1));
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.getByRole('status')).toContainText(/^Correct/);

  const claims = page.locator('hw-exercise[data-exercise="q2.6.claims"]');
  await claims.getByRole('checkbox', { name: /consistent decrease in validation losses/ }).check();
  await claims.getByRole('checkbox', { name: /is not overfitting/ }).check();
  await claims.getByRole('button', { name: 'Check' }).click();
  await expect(claims.getByRole('status')).toContainText(/^Correct/);
});
