/** Browser-test steps on a training widget (TrainForm + TrainPanel): fill the settings a test names, press Start. */
import type { Locator } from '@playwright/test';

/** Scrolls to the widget, sets backend (unless 'auto' is wanted), image size and epochs, and presses Start. */
export async function startTraining(w: Locator, s: { backend?: string; imageSize: number; epochs: number }): Promise<void> {
  await w.scrollIntoViewIfNeeded();
  if (s.backend) await w.getByLabel('Backend').selectOption(s.backend);
  await w.getByLabel('Image size').selectOption(String(s.imageSize));
  await w.getByLabel('Epochs').fill(String(s.epochs));
  await w.getByRole('button', { name: 'Start' }).click();
}
