import { chooseBackend, engineStep, expect, loss, openApp, stepCount, test } from './fixtures';

test('loads with no console errors; auto picks wasm or cpu on the software adapter', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('backend')).toHaveText(/^(wasm|cpu)$/);
  await expect(page.getByTestId('adapter')).toHaveText(/WebGPU adapter: software/);
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect(page.getByLabel('Architecture')).toBeVisible();
  await expect(page.locator('svg[data-testid="network-graph"] [data-neuron-id="h1.0"]')).toBeVisible();
  await expect(page.locator('[data-edge-id="x1->h1.0"]')).toHaveAttribute('data-weight', /^-?\d/);
});

test('with the Backend control set to webgpu the worker runs on webgpu and trains', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await chooseBackend(page, 'webgpu');
  await expect(page.getByTestId('adapter')).toHaveText(/WebGPU adapter: software/);
  const edge = page.locator('[data-edge-id="x1->h1.0"]');
  const weightAt0 = Number(await edge.getAttribute('data-weight'));
  for (let i = 1; i <= 5; i++) {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('step')).toHaveText(String(i));
  }
  const onWebgpu = Number(await edge.getAttribute('data-weight'));
  expect(onWebgpu).not.toBe(weightAt0);
  // The same five steps on cpu give the same weight: webgpu really computed (no silent zeros).
  await chooseBackend(page, 'cpu');
  await expect(page.getByTestId('step')).toHaveText('0');
  expect(Number(await edge.getAttribute('data-weight'))).toBe(weightAt0);
  for (let i = 1; i <= 5; i++) {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('step')).toHaveText(String(i));
  }
  expect(Math.abs(Number(await edge.getAttribute('data-weight')) - onWebgpu)).toBeLessThan(1e-3);
});

test('Play makes the step counter and the loss move, and the loss falls', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Speed').fill('4');
  await expect(page.getByText('full speed')).toBeVisible();
  const initial = await loss(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => stepCount(page), { timeout: 20_000 }).toBeGreaterThan(1500);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(await loss(page)).toBeLessThan(initial * 0.8);
  // Paused means paused: the page settles on the engine's step, and one Step moves it by exactly one.
  const paused = await engineStep(page);
  await expect(page.getByTestId('step')).toHaveText(String(paused));
  await page.getByRole('button', { name: 'Step' }).click();
  expect(await engineStep(page)).toBe(paused + 1);
  await expect(page.getByTestId('step')).toHaveText(String(paused + 1));
});

test('Step advances exactly one step (button and right arrow)', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText('1');
  await page.locator('body').press('ArrowRight');
  await expect(page.getByTestId('step')).toHaveText('2');
  // The engine itself has taken two steps, no more.
  expect(await engineStep(page)).toBe(2);
  await expect(page.getByTestId('step')).toHaveText('2');
});

test('space plays and pauses', async ({ page }) => {
  await openApp(page);
  await page.locator('body').press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => stepCount(page)).toBeGreaterThan(0);
  await page.locator('body').press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('space plays and pauses wherever focus is: after clicking Step it plays, not steps again', async ({
  page,
}) => {
  await openApp(page);
  const step = page.getByRole('button', { name: 'Step' });
  await step.click();
  await expect(page.getByTestId('step')).toHaveText('1');
  await step.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => stepCount(page)).toBeGreaterThan(1);
  await step.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // Enter still presses the focused button; in a text field Space is typed.
  const before = await engineStep(page);
  await step.press('Enter');
  await expect.poll(() => engineStep(page)).toBe(before + 1);
  await page.getByLabel('Batch size').press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('changing the task retrains from step 0 on the new data', async ({ page }) => {
  await openApp(page);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText('3');
  const pixels = () => page.getByTestId('heatmap').evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const circlePicture = await pixels();
  await page.getByLabel('Task').selectOption('xor');
  await expect(page.getByTestId('step')).toHaveText('0');
  await expect(page.getByTestId('event-log')).toContainText('xor');
  expect(await pixels()).not.toBe(circlePicture);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText('1');
});

test('the heatmap is drawn in both classes of colour', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Speed').fill('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => stepCount(page), { timeout: 20_000 }).toBeGreaterThan(2000);
  await page.getByRole('button', { name: 'Pause' }).click();
  const colours = await page.getByTestId('heatmap').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let blue = 0;
    let orange = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 2] > data[i] + 40) blue++;
      if (data[i] > data[i + 2] + 40) orange++;
    }
    return { blue, orange };
  });
  // The circle task: a blue disc inside an orange ring, each covering a real share of the plane.
  expect(colours.blue).toBeGreaterThan(5000);
  expect(colours.orange).toBeGreaterThan(5000);
});

test('a diverging learning rate pauses training with a clear alert', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Activation').selectOption('linear');
  await page.getByLabel('Learning rate').fill('10');
  await page.getByLabel('Learning rate').press('Enter');
  await expect(page.getByTestId('step')).toHaveText('0');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('alert')).toContainText(/diverged/);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(Number.isFinite(await loss(page))).toBe(true);
  await expect(page.getByTestId('event-log')).toContainText(/diverged/);
});

test('a learning rate that is not a number is refused with a message and nothing is lost', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Step' }).click();
  await page.getByLabel('Learning rate').fill('fast please');
  await page.getByLabel('Learning rate').press('Enter');
  await expect(page.getByRole('alert')).toContainText('Learning rate must be a number');
  await expect(page.getByLabel('Learning rate')).toHaveValue('0.03');
  await expect(page.getByTestId('step')).toHaveText('1');
});

test('an engine worker that fails to start shows a message and can be restarted', async ({ page }) => {
  await page.route('**/engine.worker*', (route) => route.abort());
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('The engine stopped');
  await page.unroute('**/engine.worker*');
  await page.getByRole('button', { name: 'Restart engine' }).click();
  await expect(page.getByTestId('backend')).toHaveText(/^(wasm|cpu)$/);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText('1');
});
