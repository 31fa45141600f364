import { expect, openApp, stepCount, test } from './fixtures';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await expect(page.locator('[data-gate]')).toHaveCount(0);
  await page.getByLabel('Architecture').selectOption({ label: 'Dynamic Input Activation' });
  await expect(page.getByTestId('event-log')).toContainText('Dynamic Input Activation network');
});

test('choosing Dynamic Input Activation switches the graph to the gated network', async ({ page }) => {
  const graph = page.locator('svg[data-testid="network-graph"]');
  await expect(graph.locator('[data-gate]')).toHaveCount(1);
  await expect(graph.locator('[data-neuron-id="e.0"]')).toBeVisible();
  await expect(graph.locator('[data-edge-id="x1->e.0"]')).toHaveAttribute('data-weight', /^-?\d/);
  await expect(graph.locator('[data-edge-id="h2.0->y"]')).toHaveCount(1);
  await expect(page.getByText('Shape fix.')).toBeVisible();
  await expect(page.getByTestId('test-accuracy-gate-off')).toHaveText(/%$/);
});

test('with Step, the gate is open on even steps and closed on odd ones', async ({ page }) => {
  const gate = page.locator('[data-gate]');
  await expect(gate).toHaveAttribute('data-open', 'false');
  for (let step = 1; step <= 4; step++) {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('step')).toHaveText(String(step));
    await expect(gate).toHaveAttribute('data-open', String(step % 2 === 0));
    const g = Number(await gate.getAttribute('data-value'));
    if (step % 2 === 0) expect(g).toBeGreaterThan(0);
    else expect(g).toBe(0);
  }
  // With period 3 the gate opens on steps divisible by 3.
  await page.getByLabel('Period').fill('3');
  await page.getByLabel('Period').press('Enter');
  await expect(page.getByTestId('step')).toHaveText('0');
  const opens: string[] = [];
  for (let step = 1; step <= 3; step++) {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('step')).toHaveText(String(step));
    opens.push((await gate.getAttribute('data-open'))!);
  }
  expect(opens).toEqual(['false', 'false', 'true']);
});

test('the comparison runs the DIAN and its baselines and shows their curves and a verdict', async ({
  page,
}) => {
  await page.getByLabel('Steps to compare').fill('300');
  await page.getByLabel('Steps to compare').press('Enter');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByTestId('verdict')).toContainText('After 300 steps', { timeout: 30_000 });
  const panel = page.getByTestId('comparison');
  await expect(panel.locator('[data-series]')).toHaveCount(8);
  await expect(panel.locator('tbody tr')).toHaveCount(4);
  await expect(panel.locator('tbody')).toContainText('MLP (same widths)');
  const d = await panel.locator('[data-series="DIAN (periodic gate) test"]').getAttribute('d');
  expect(d!.split(/[ML]/).length).toBeGreaterThan(5);
  // Comparing does not move the main experiment.
  expect(await stepCount(page)).toBe(0);
});

test('hovering the output plane reads the gate value for that input', async ({ page }) => {
  const heatmap = page.getByTestId('heatmap');
  await heatmap.hover({ position: { x: 40, y: 40 } });
  await expect(page.getByText(/gate g = 0\.\d{3}/)).toBeVisible();
});

test('counting iterations from 0, as the paper loop, opens the gate on the first step; a reload keeps it', async ({
  page,
}) => {
  await page.getByLabel('Count iterations').selectOption('from0');
  await expect(page.getByTestId('step')).toHaveText('0');
  const gate = page.locator('[data-gate]');
  const opens: string[] = [];
  for (let step = 1; step <= 3; step++) {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('step')).toHaveText(String(step));
    opens.push((await gate.getAttribute('data-open'))!);
  }
  expect(opens).toEqual(['true', 'false', 'true']);
  const before = page.url();
  await page.getByLabel('Initialisation').selectOption('pytorch');
  // The address bar holds the experiment once the change is in it.
  await expect.poll(() => page.url()).not.toBe(before);
  await page.reload();
  await expect(page.getByLabel('Count iterations')).toHaveValue('from0');
  await expect(page.getByLabel('Initialisation')).toHaveValue('pytorch');
});

test("on digits the comparison runs the repository's claim as a 2 x 2 over seeds, with the spread", async ({
  page,
}) => {
  await page.getByLabel('Task', { exact: true }).selectOption('digits');
  await expect(page.locator('[data-neuron-id="y9"]')).toHaveCount(1);
  const panel = page.getByTestId('comparison');
  await expect(panel.getByLabel('Compare', { exact: true })).toHaveValue('paper');
  await panel.getByLabel('Seeds').fill('2');
  await panel.getByLabel('Seeds').press('Enter');
  await panel.getByLabel('Steps to compare').fill('100');
  await panel.getByLabel('Steps to compare').press('Enter');
  await panel.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(panel.getByTestId('verdict')).toContainText('The repository reports 87.34%', {
    timeout: 60_000,
  });
  await expect(panel.getByTestId('verdict')).toContainText('mean over 2 seeds');
  await expect(panel.locator('tbody tr')).toHaveCount(4);
  await expect(panel.locator('tbody')).toContainText("the repository's baseline (MLP, relu output)");
  // Each accuracy is a mean with its spread over the two seeds.
  await expect(panel.locator('tbody tr').first()).toContainText(/\d+\.\d% ± \d+\.\d%/);
});
