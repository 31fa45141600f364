import { expect, openApp, test } from './fixtures';

test('Live on iris: three output neurons, one per class, trained by their own rewards', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Architecture').selectOption({ label: 'Dynamic-Live' });
  await expect(page.locator('[data-neuron-id="out"]')).toBeVisible();
  await page.getByLabel('Reward task').selectOption('2d');
  await page.getByLabel('Task', { exact: true }).selectOption('iris');
  for (const id of ['out0', 'out1', 'out2', 'x4'])
    await expect(page.locator(`[data-neuron-id="${id}"]`)).toBeVisible();
  await expect(page.locator('[data-neuron-id="out"]')).toHaveCount(0);
  await expect(page.getByTestId('live-classes-note')).toContainText('3 output neurons, one per class');
  await page.getByLabel('Firing').selectOption('sigmoid');
  await expect(page.getByTestId('live-classes-note')).not.toContainText('below chance');
  await page.getByLabel('Speed').fill('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await page.getByTestId('step').textContent())).toBeGreaterThan(2000);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/live13-iris.png', fullPage: true });
});

test('Live on digits: 64 inputs and ten outputs, and it trains', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Architecture').selectOption({ label: 'Dynamic-Live' });
  await page.getByLabel('Reward task').selectOption('2d');
  await page.getByLabel('Task', { exact: true }).selectOption('digits');
  for (const id of ['out0', 'out9', 'x64'])
    await expect(page.locator(`[data-neuron-id="${id}"]`)).toBeAttached();
  await expect(page.getByTestId('live-classes-note')).toContainText('10 output neurons, one per class');
  await page.getByLabel('Firing').selectOption('sigmoid');
  await page.getByLabel('Speed').fill('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await page.getByTestId('step').textContent())).toBeGreaterThan(1000);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/live13-digits.png', fullPage: true });
});
