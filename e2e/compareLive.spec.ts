import { longComparisonCancelledByPlay } from './comparePanel';
import { expect, openApp, test } from './fixtures';

test('Compare any two on Dynamic-Live: learning rate 0.1 against 1 over 2 seeds, Live curves and verdict, stale, cancelled', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Architecture').selectOption({ label: 'Dynamic-Live' });
  await expect(page.getByTestId('event-log')).toContainText('Dynamic-Live network');
  await expect(page.locator('[data-neuron-id="out"]')).toBeVisible();
  // A at the design's learning rate 0.1 (the default is 1.5); its default B is ten times it.
  await page.getByLabel('Live learning rate').fill('0.1');
  await page.getByLabel('Live learning rate').press('Enter');
  await expect(page.getByTestId('event-log').getByText(/loaded a 1-3-1 Dynamic-Live/)).toHaveCount(2);
  await page.getByRole('button', { name: 'Compare any two' }).click();
  const panel = page.getByTestId('comparison');

  // B is a Live variant: its options and the seed; no other architecture is offered.
  const kinds = panel.getByLabel('B differs in');
  await expect(kinds).toHaveValue('live.lr');
  await expect(panel.getByLabel("B's Live learning rate")).toHaveValue('1');
  await expect(kinds.locator('option')).toHaveText([
    'Live learning rate',
    'Memory M',
    'Depth D',
    'Reward sharing',
    'Rewiring probability',
    'Firing',
    'Update mode',
    'Fidelity',
    'seed',
  ]);
  await expect(panel.getByText('compared only with a Live network')).toBeVisible();
  // Another option's control, and back.
  await kinds.selectOption('live.memory');
  await expect(panel.getByLabel("B's Memory M")).toHaveValue('1');
  await kinds.selectOption('live.lr');
  await panel.getByLabel('Seeds').fill('2');
  await panel.getByLabel('Seeds').press('Enter');
  await panel.getByLabel('Steps to compare').fill('100');
  await panel.getByLabel('Steps to compare').press('Enter');
  await panel.getByRole('button', { name: 'Compare', exact: true }).click();

  // The verdict in Live's terms, naming the spread over the seeds; the table's values are means ± spreads.
  const verdict = panel.getByTestId('verdict');
  await expect(verdict).toContainText('After 100 steps', { timeout: 60_000 });
  await expect(verdict).toContainText('accuracy over the last 100 rewarded steps');
  await expect(verdict).toContainText('A (Live learning rate 0.1)');
  await expect(verdict).toContainText('B (Live learning rate 1)');
  await expect(verdict).toContainText(/spread over 2 seeds|more than the spread over 2 seeds/);
  await expect(verdict).toContainText('Mean reward over those steps');
  await expect(verdict).not.toContainText('test');
  await expect(panel.locator('thead')).toContainText('Accuracy (last 100 rewarded steps)');
  await expect(panel.locator('tbody tr')).toHaveCount(2);
  await expect(panel.locator('tbody tr').nth(1)).toContainText(/\d+\.\d% ± \d+\.\d%/);
  await expect(panel.locator('tbody tr').nth(1)).toContainText(/-?\d\.\d{3} ± \d\.\d{3}/);

  // Both arms' accuracy (solid) and mean reward (dashed) on one chart, its axes saying what is plotted.
  for (const arm of ['A (Live learning rate 0.1)', 'B (Live learning rate 1)'])
    for (const metric of ['accuracy', 'reward']) {
      const d = await panel.locator(`[data-series="${arm} ${metric}"]`).getAttribute('d');
      // Steps 50 and 100 (at step 0 no reward has come: no point).
      expect(d!.split(/[ML]/).filter(Boolean), `${arm} ${metric}`).toHaveLength(2);
    }
  await expect(panel.locator('[data-series$=" test"]')).toHaveCount(0);
  await expect(panel.locator('[data-axis="y"]')).toHaveText('accuracy, mean reward');
  // B learns at another rate: its curve is not A's.
  const accuracy = (arm: string) => panel.locator(`[data-series="${arm} accuracy"]`).getAttribute('d');
  expect(await accuracy('A (Live learning rate 0.1)')).not.toBe(await accuracy('B (Live learning rate 1)'));
  await expect(panel.locator('[data-axis="x"]')).toHaveText('training steps');
  await expect(panel.getByTestId('comparison-legend')).toContainText('solid: accuracy; dashed: mean reward');
  await expect(panel.getByTestId('comparison-stale')).toHaveCount(0);

  // A Live option changed: the result is marked stale, saying which.
  const memory = page.getByLabel('Memory M', { exact: true });
  await memory.fill('4');
  await memory.press('Enter');
  await expect(panel.getByTestId('comparison-stale')).toHaveText(
    "Stale: compared at step 0 of the experiment, before you changed the Dynamic-Live's memory M (3 → 4).",
  );

  // A long one, cancelled by Play: the panel says so.
  await longComparisonCancelledByPlay(page, panel);
});
