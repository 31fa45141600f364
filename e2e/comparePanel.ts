/** Steps the Compare-any-two e2e tests share. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Starts a long comparison (20,000 steps), sees it run not stale, and Play cancels it, saying so. */
export async function longComparisonCancelledByPlay(page: Page, panel: Locator): Promise<void> {
  await panel.getByLabel('Steps to compare').fill('20000');
  await panel.getByLabel('Steps to compare').press('Enter');
  await panel.getByRole('button', { name: 'Compare', exact: true }).click();
  const progress = panel.getByTestId('comparison-progress');
  await expect(progress).toHaveText(/^running: step [1-9]\d* of 20000$/, { timeout: 60_000 });
  // The new comparison is of the experiment as it is: not stale.
  await expect(panel.getByTestId('comparison-stale')).toHaveCount(0);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(progress).toHaveText(/^Comparison cancelled: you pressed Play \(at step \d+ of 20000\)\.$/);
  await expect(panel.getByRole('button', { name: 'Compare', exact: true })).toBeEnabled();
}
