import { expect, openApp, test, type Page } from './fixtures';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Architecture').selectOption({ label: 'Dynamic Input Activation' });
  await expect(page.locator('[data-gate]')).toHaveCount(1);
});

/** Logs every text the valve's label shows, from now on. */
async function logValve(page: Page): Promise<void> {
  await page.evaluate(() => {
    const label = document.querySelector('[data-testid="gate-label"]')!;
    const log: string[] = [];
    (window as Window & { valveTexts?: string[] }).valveTexts = log;
    new MutationObserver(() => log.push(label.textContent ?? '')).observe(label, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
}
const valveTexts = (page: Page) =>
  page.evaluate(() => (window as Window & { valveTexts?: string[] }).valveTexts!);

test('at full speed the valve shows one steady aggregate: open 50% of the last 48 steps, and the mean g', async ({
  page,
}) => {
  const gate = page.locator('[data-gate]');
  await page.getByLabel('Speed').fill('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await page.getByTestId('step').textContent())).toBeGreaterThan(100);
  await logValve(page);
  await expect.poll(async () => (await valveTexts(page)).length, { timeout: 20_000 }).toBeGreaterThan(10);
  const whilePlaying = await valveTexts(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  // Every text shown while playing is the aggregate (never a step's own open or closed), at 50% for period 2.
  for (const text of whilePlaying) expect(text).toMatch(/^open 50% of the last 48 stepsmean g 0\.\d\d$/);
  await expect(gate).toHaveAttribute('data-open-share', '0.5000');
  // Paused, the valve shows the step it stopped at again.
  await expect(page.getByTestId('gate-label')).toHaveText(/^(openg 0\.\d\d|closed)$/);
  await expect(gate).toHaveAttribute('data-summary', 'false');
});

test('stepping, the valve shows each step: closed (a bar across), then open (an arrow through it) with g', async ({
  page,
}) => {
  const gate = page.locator('[data-gate]');
  const [bar, arrow] = [gate.locator('.gate-bar'), gate.locator('.gate-open-arrow')];
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText('1');
  await expect(page.getByTestId('gate-label')).toHaveText('closed');
  await expect(bar).toHaveAttribute('opacity', '1');
  await expect(arrow).toHaveAttribute('opacity', '0');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText('2');
  const g = Number(await gate.getAttribute('data-value'));
  await expect(page.getByTestId('gate-label')).toHaveText(`openg ${g.toFixed(2)}`);
  await expect(bar).toHaveAttribute('opacity', '0');
  await expect(arrow).toHaveAttribute('opacity', '1');
  await expect(gate).toHaveAttribute('data-summary', 'false');
});

test("the extra path's neurons show their activation, and its lane runs into each neuron of layer 3", async ({
  page,
}) => {
  const graph = page.getByTestId('network-graph');
  // Painted as the other neurons are: a 24 x 24 map (an unpainted canvas is 300 x 150).
  for (const id of ['e.0', 'e.7']) {
    const canvas = graph.locator(`[data-neuron-id="${id}"] canvas`);
    await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([24, 24]);
  }
  const ends = async () =>
    graph.locator('.gate-into path').evaluateAll((paths) =>
      paths.map((p) => {
        const [, , , x2, y2] = /M([\d.]+),([\d.]+) L([\d.]+),([\d.]+)/
          .exec(p.getAttribute('d')!)!
          .map(Number);
        return [x2, y2];
      }),
    );
  const neuronBoxes = async (ids: string[]) =>
    Promise.all(
      ids.map((id) =>
        graph.locator(`[data-neuron-id="${id}"]`).evaluate((n: SVGGElement) => {
          const [x, y] = /translate\(([\d.]+),([\d.]+)\)/
            .exec(n.getAttribute('transform')!)!
            .slice(1)
            .map(Number);
          return [x, y + Number(n.querySelector('rect')!.getAttribute('height')) / 2];
        }),
      ),
    );
  const into = (points: number[][]) => points.map(([x, y]) => [Math.round(x + 1), Math.round(y)]);
  expect(into(await ends())).toEqual(
    (await neuronBoxes(['y'])).map(([x, y]) => [Math.round(x), Math.round(y)]),
  );
  await page.getByLabel('Task').selectOption('iris');
  await expect(graph.locator('[data-neuron-id="y2"]')).toHaveCount(1);
  await expect(graph.locator('.gate-into path')).toHaveCount(3);
  expect(into(await ends())).toEqual(
    (await neuronBoxes(['y0', 'y1', 'y2'])).map(([x, y]) => [Math.round(x), Math.round(y)]),
  );
});
