import { expect, openApp, test, type Page } from './fixtures';

/** RGB of a pixel of a canvas (its own pixels, not the page's). */
async function pixels(page: Page, selector: string, points: [number, number][]): Promise<number[][]> {
  return page.locator(selector).evaluate((canvas: HTMLCanvasElement, pts) => {
    const ctx = canvas.getContext('2d')!;
    return pts.map(([x, y]) => Array.from(ctx.getImageData(x, y, 1, 1).data.slice(0, 3)));
  }, points);
}

const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]) <= 8);

/**
 * How many of 8 x 8 cells of a neuron's thumbnail (res x res: 24, the Wormhole's 50) have the colour of the same
 * cell's centre in the big plane (300 x 300): the plane shows that neuron's map where most match (the data points
 * cover a few).
 */
async function cellsMatchingThumbnail(page: Page, neuronId: string): Promise<number> {
  const thumbnail = `[data-neuron-id="${neuronId}"] canvas`;
  const res = await page.locator(thumbnail).evaluate((c: HTMLCanvasElement) => c.width);
  const cells: [number, number][] = [];
  for (let a = 0; a < 8; a++)
    for (let b = 0; b < 8; b++)
      cells.push([Math.floor(((a + 0.5) * res) / 8), Math.floor(((b + 0.5) * res) / 8)]);
  const thumb = await pixels(page, thumbnail, cells);
  const at = (i: number) => Math.floor(((i + 0.5) * 300) / res);
  const plane = await pixels(
    page,
    'canvas[data-testid="heatmap"]',
    cells.map(([i, j]) => [at(i), at(j)]),
  );
  return thumb.filter((c, k) => near(c, plane[k])).length;
}

const plane = (page: Page) => page.getByTestId('heatmap');

test('the colour legend beside the plane gives the output and the neuron/weight scales with their ends', async ({
  page,
}) => {
  await openApp(page);
  await expect(page.getByTestId('output-scale')).toHaveText(/Output P\(blue\)\s*0\s*1/);
  await expect(page.getByTestId('neuron-scale')).toHaveText(/Neurons, weights\s*−1\s*1/);
  await page.getByLabel('Architecture').selectOption({ label: 'Dynamic-Live' });
  await page.getByLabel('Reward task').selectOption('2d');
  await expect(page.getByTestId('neuron-scale')).toHaveText(/Neuron output\s*0\s*1/);
});

test('hovering a neuron shows its output over the plane; leaving puts the network output back', async ({
  page,
}) => {
  await openApp(page);
  const before = await plane(page).evaluate((c: HTMLCanvasElement) => c.toDataURL());
  await expect(plane(page)).toHaveAttribute('data-shows', 'output');

  // Input x1: orange on the left, blue on the right; x2: blue at the top (no data points at the edges).
  await page.locator('[data-neuron-id="x1"]').hover();
  await expect(plane(page)).toHaveAttribute('data-shows', 'x1');
  await expect(page.getByTestId('neuron-scale')).toContainText("Plane: x1's output");
  const [left, right] = await pixels(page, 'canvas[data-testid="heatmap"]', [
    [4, 150],
    [295, 150],
  ]);
  expect(left[0]).toBeGreaterThan(left[2] + 80);
  expect(right[2]).toBeGreaterThan(right[0] + 80);
  await page.locator('[data-neuron-id="x2"]').hover();
  await expect(plane(page)).toHaveAttribute('data-shows', 'x2');
  const [top, bottom] = await pixels(page, 'canvas[data-testid="heatmap"]', [
    [150, 4],
    [150, 295],
  ]);
  expect(top[2]).toBeGreaterThan(top[0] + 80);
  expect(bottom[0]).toBeGreaterThan(bottom[2] + 80);

  // A hidden neuron: the plane is its thumbnail's map, made big; the network's output is not.
  expect(await cellsMatchingThumbnail(page, 'h1.0')).toBeLessThan(40);
  await page.locator('[data-neuron-id="h1.0"]').hover();
  await expect(plane(page)).toHaveAttribute('data-shows', 'h1.0');
  expect(await cellsMatchingThumbnail(page, 'h1.0')).toBeGreaterThanOrEqual(56);
  expect(await cellsMatchingThumbnail(page, 'h1.1')).toBeLessThan(40);

  await page.getByRole('heading', { name: 'Output' }).hover();
  await expect(plane(page)).toHaveAttribute('data-shows', 'output');
  expect(await plane(page).evaluate((c: HTMLCanvasElement) => c.toDataURL())).toBe(before);
});

test('hovering a neuron shows its map on the DIAN and the Wormhole too', async ({ page }) => {
  await openApp(page);
  for (const label of ['Dynamic Input Activation', 'Fixed-Point Wormhole']) {
    await page.getByLabel('Architecture').selectOption({ label });
    await expect(page.getByTestId('step')).toHaveText('0');
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('step')).toHaveText('1');
    await page.locator('[data-neuron-id="h1.0"]').hover();
    await expect(plane(page)).toHaveAttribute('data-shows', 'h1.0');
    await expect.poll(() => cellsMatchingThumbnail(page, 'h1.0')).toBeGreaterThanOrEqual(56);
    await page.getByRole('heading', { name: 'Output' }).hover();
    await expect(plane(page)).toHaveAttribute('data-shows', 'output');
  }
});

/** Every visible control of the page without a one-line help (title, aria-description or aria-describedby). */
async function controlsWithoutHelp(page: Page): Promise<{ walked: number; missing: string[] }> {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>('button, input, select, textarea')].filter(
      (el) => el.offsetParent !== null,
    );
    const nameOf = (el: HTMLElement) =>
      el.getAttribute('aria-label') ??
      ((el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || el.outerHTML.slice(0, 60));
    const helped = (el: HTMLElement) =>
      (el.title || el.getAttribute('aria-description') || '').trim().length > 10 ||
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .some((id) => (document.getElementById(id)?.textContent ?? '').trim().length > 10);
    return { walked: controls.length, missing: controls.filter((el) => !helped(el)).map(nameOf) };
  });
}

test('every control of every architecture has a line of help', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Your CSV…' }).click();
  await expect(page.getByTestId('csv-import')).toBeVisible();
  const mlp = await controlsWithoutHelp(page);
  expect(mlp.missing).toEqual([]);
  // Toolbar, share bar, data (with the CSV import and seven features), training, graph and output controls.
  expect(mlp.walked).toBeGreaterThan(30);
  // The help is the control's description, as a screen reader reads it.
  await expect(page.getByLabel('Learning rate')).toHaveAccessibleDescription(/Step size of the optimizer/);
  await expect(page.getByRole('button', { name: 'Add hidden layer' })).toHaveAccessibleDescription(
    /hidden layer of 2 neurons/,
  );
  for (const label of ['Dynamic Input Activation', 'Fixed-Point Wormhole', 'Dynamic-Live']) {
    await page.getByLabel('Architecture').selectOption({ label });
    await expect(page.getByTestId('step')).toHaveText('0');
    const { walked, missing } = await controlsWithoutHelp(page);
    expect(missing, label).toEqual([]);
    expect(walked).toBeGreaterThan(20);
  }
  // Live's 2-D task shows the Data panel; a table of 4 inputs, the plane's axes.
  await page.getByLabel('Reward task').selectOption('2d');
  await page.getByLabel('Task', { exact: true }).selectOption({ label: 'Iris (3 classes)' });
  await expect(page.getByLabel('Horizontal axis')).toBeVisible();
  expect((await controlsWithoutHelp(page)).missing).toEqual([]);
});
