import { expect, test as base, type Locator, type Page } from '@playwright/test';

/** Every test fails on a console error or an uncaught page error. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      await use(errors);
      expect(errors).toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
export type { Page };

export async function stepCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('step').textContent());
}

export async function loss(page: Page): Promise<number> {
  return Number(await page.getByTestId('loss').textContent());
}

/** Opens the app and waits until the engine has loaded the experiment and drawn its first frame. */
export async function openApp(page: Page, hash = ''): Promise<void> {
  await page.goto(`/${hash}`);
  await expect(page.getByTestId('backend')).toHaveText(/^(webgpu|webgl|wasm|cpu)$/);
  await expect(page.getByTestId('loss')).toHaveText(/^\d/);
}

export async function chooseBackend(page: Page, backend: string): Promise<void> {
  await page.getByLabel('Backend').selectOption(backend);
  await expect(page.getByTestId('backend')).toHaveText(backend, { timeout: 30_000 });
  await expect(page.getByTestId('loss')).toHaveText(/^\d/);
}

/**
 * The engine's own step, asked through Export file: the worker answers messages in order, so the answer comes
 * after every step it was told to take (a condition to wait on, instead of a pause for frames to land).
 */
export async function engineStep(page: Page): Promise<number> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export file' }).click();
  const name = (await downloading).suggestedFilename();
  return Number(/-step(\d+)\.json$/.exec(name)![1]);
}

/** Drags a Live neuron down by `dy` px, grabbed just left of its centre (on its body, off its port ring). */
export async function dragNeuronDown(page: Page, neuron: Locator, dy: number): Promise<void> {
  const box = (await neuron.locator('.body').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2 - 4, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 4, box.y + box.height / 2 + dy, { steps: 6 });
  await page.mouse.up();
}
