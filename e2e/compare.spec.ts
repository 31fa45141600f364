import { longComparisonCancelledByPlay } from './comparePanel';
import { expect, openApp, test } from './fixtures';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  // Closed at first on the MLP (no comparisons of its own): opened on request, by keyboard too.
  const open = page.getByRole('button', { name: 'Compare any two' });
  await expect(open).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('comparison').getByLabel('Steps to compare')).toHaveCount(0);
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(open).toHaveAttribute('aria-expanded', 'true');
});

test('Compare any two: an MLP with tanh against relu over 2 seeds, then stale, then cancelled by Play', async ({
  page,
}) => {
  const panel = page.getByTestId('comparison');
  await expect(panel.getByLabel('Compare', { exact: true })).toHaveValue('ab');
  await expect(panel.getByLabel('B differs in')).toHaveValue('activation');
  await expect(panel.getByLabel("B's activation")).toHaveValue('relu');
  await panel.getByLabel('Seeds').fill('2');
  await panel.getByLabel('Seeds').press('Enter');
  await panel.getByLabel('Steps to compare').fill('100');
  await panel.getByLabel('Steps to compare').press('Enter');
  await panel.getByRole('button', { name: 'Compare', exact: true }).click();

  const verdict = panel.getByTestId('verdict');
  await expect(verdict).toContainText('After 100 steps', { timeout: 60_000 });
  await expect(verdict).toContainText('A (activation tanh)');
  await expect(verdict).toContainText('B (activation relu)');
  // The verdict names the spread over the seeds, and each accuracy is a mean ± its spread.
  await expect(verdict).toContainText('spread over 2 seeds');
  await expect(panel.locator('tbody tr')).toHaveCount(2);
  await expect(panel.locator('tbody tr').nth(1)).toContainText(/\d+\.\d% ± \d+\.\d%/);
  // Both curves on one chart, told apart by colour, with a legend.
  const legend = panel.getByTestId('comparison-legend');
  await expect(legend).toContainText('A (activation tanh)');
  await expect(legend).toContainText('B (activation relu)');
  for (const arm of ['A (activation tanh)', 'B (activation relu)']) {
    const d = await panel.locator(`[data-series="${arm} test"]`).getAttribute('d');
    // Steps 0, 50 and 100.
    expect(d!.split(/[ML]/).filter(Boolean)).toHaveLength(3);
  }
  const colour = (arm: string) => panel.locator(`[data-series="${arm} test"]`).getAttribute('stroke');
  expect(await colour('A (activation tanh)')).not.toBe(await colour('B (activation relu)'));
  await expect(panel.getByTestId('comparison-stale')).toHaveCount(0);

  // The experiment changes: the result says it is stale, and what changed.
  const rate = page.getByLabel('Learning rate', { exact: true });
  await rate.fill('0.1');
  await rate.press('Enter');
  await expect(panel.getByTestId('comparison-stale')).toHaveText(
    'Stale: compared at step 0 of the experiment, before you changed the learning rate (0.03 → 0.1).',
  );

  // A long one, cancelled by Play: the panel says so.
  await longComparisonCancelledByPlay(page, panel);
});

test('B may be another architecture (never Dynamic-Live, which is compared with Live networks); a bad B is refused with a message', async ({
  page,
}) => {
  const panel = page.getByTestId('comparison');
  await panel.getByLabel('B differs in').selectOption('width');
  await panel.getByLabel("B's width").fill('65');
  await panel.getByLabel("B's width").press('Enter');
  // The field refuses it and keeps its value.
  await expect(panel.getByRole('alert')).toBeVisible();
  await panel.getByLabel('B differs in').selectOption('activation');
  await panel.getByLabel("B's activation").selectOption('tanh');
  await panel.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(panel.getByTestId('comparison-problem')).toHaveText(
    'B is the same as A (activation tanh): choose another activation.',
  );
  await expect(panel.getByTestId('comparison-progress')).toHaveCount(0);

  await panel.getByLabel('B differs in').selectOption('architecture');
  await panel.getByLabel("B's network").selectOption('wormhole');
  await panel.getByLabel('Steps to compare').fill('50');
  await panel.getByLabel('Steps to compare').press('Enter');
  await panel.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(panel.getByTestId('verdict')).toContainText('After 50 steps', { timeout: 60_000 });
  await expect(panel.getByTestId('comparison-legend')).toContainText('B (Wormhole 6-6)');
  // The loss chart's axes say what is plotted.
  await expect(panel.locator('[data-axis="y"]')).toHaveText('loss (mean over seeds)');
  await expect(panel.getByLabel("B's network").locator('option')).toHaveText(['MLP', 'DIAN', 'Wormhole']);
});
