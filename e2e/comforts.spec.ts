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

/** The first layer's kernel in an exported file, wherever the file keeps it. */
function kernelOf(file: unknown): { values: number[] } {
  const stack = [file];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v && typeof v === 'object') {
      if ('dense0/kernel' in v) return (v as Record<string, { values: number[] }>)['dense0/kernel'];
      stack.push(...Object.values(v));
    }
  }
  throw new Error('no dense0/kernel in the file');
}

const edge = (page: Page, id: string) => page.locator(`[data-edge-id="${id}"]`);

/** Clicks an edge's wide hit area (the visible line lets the pointer through). */
async function openWeightEditor(page: Page, id: string) {
  await edge(page, id).locator('path.edge-hit').click();
  await expect(page.getByTestId('weight-editor')).toBeVisible();
}

test('clicking an edge edits its weight: the engine takes the typed value; a bad value is refused and changes nothing', async ({
  page,
}) => {
  await openApp(page);
  const before = await edge(page, 'x1->h1.0').getAttribute('data-weight');
  await openWeightEditor(page, 'x1->h1.0');
  const input = page.getByLabel('Weight x1 → h1.0');
  // It opens on the weight now.
  expect(Number(await input.inputValue())).toBeCloseTo(Number(before), 3);
  // Not a plain decimal: a message, the editor stays, the weight is as it was.
  await input.fill('0x10');
  await input.press('Enter');
  await expect(page.getByTestId('weight-editor').getByRole('alert')).toHaveText(
    /The weight x1 → h1.0 must be a number; kept/,
  );
  await expect(edge(page, 'x1->h1.0')).toHaveAttribute('data-weight', before!);
  await input.fill('1e7');
  await input.press('Enter');
  await expect(page.getByTestId('weight-editor').getByRole('alert')).toHaveText(
    /must be from -1000000 to 1000000/,
  );
  // A plain decimal: the engine's next frame has it, and the plane changes with it.
  const plane = await page.getByTestId('heatmap').evaluate((c: HTMLCanvasElement) => c.toDataURL());
  await input.fill('-2.5');
  await input.press('Enter');
  await expect(page.getByTestId('weight-editor')).toBeHidden();
  await expect(edge(page, 'x1->h1.0')).toHaveAttribute('data-weight', '-2.500');
  await expect
    .poll(() => page.getByTestId('heatmap').evaluate((c: HTMLCanvasElement) => c.toDataURL()))
    .not.toBe(plane);
  // The exported weights (the engine's own) hold it: dense0/kernel row x1, column h1.0.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export file' }).click();
  const file: unknown = JSON.parse(
    (await import('node:fs')).readFileSync(await (await downloading).path(), 'utf8'),
  );
  // Input x1 is row 0 of the first kernel, h1.0 its column 0.
  expect(kernelOf(file).values[0]).toBe(-2.5);
  // Escape closes the editor without a change.
  await openWeightEditor(page, 'x2->h1.1');
  const other = await edge(page, 'x2->h1.1').getAttribute('data-weight');
  await page.getByLabel('Weight x2 → h1.1').fill('3');
  await page.getByLabel('Weight x2 → h1.1').press('Escape');
  await expect(page.getByTestId('weight-editor')).toBeHidden();
  await expect(edge(page, 'x2->h1.1')).toHaveAttribute('data-weight', other!);
});

test('undo and redo a weight edit (buttons and keys) and a wormhole edit', async ({ page }) => {
  await openApp(page);
  const before = await edge(page, 'x1->h1.0').getAttribute('data-weight');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await openWeightEditor(page, 'x1->h1.0');
  await page.getByLabel('Weight x1 → h1.0').fill('1.25');
  await page.getByLabel('Weight x1 → h1.0').press('Enter');
  await expect(edge(page, 'x1->h1.0')).toHaveAttribute('data-weight', '1.250');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(edge(page, 'x1->h1.0')).toHaveAttribute('data-weight', before!);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(edge(page, 'x1->h1.0')).toHaveAttribute('data-weight', '1.250');
  await page.locator('body').press('Control+z');
  await expect(edge(page, 'x1->h1.0')).toHaveAttribute('data-weight', before!);
  await page.locator('body').press('Control+Shift+Z');
  await expect(edge(page, 'x1->h1.0')).toHaveAttribute('data-weight', '1.250');
  await page.locator('body').press('Control+z');
  await page.locator('body').press('Control+y');
  await expect(edge(page, 'x1->h1.0')).toHaveAttribute('data-weight', '1.250');
  // Not while typing: Ctrl+Z in a text field is the field's own.
  await page.getByLabel('Seed').press('Control+z');
  await expect(edge(page, 'x1->h1.0')).toHaveAttribute('data-weight', '1.250');
  // A new network (another seed) forgets the edits.
  await page.getByLabel('Seed').fill('2');
  await page.getByLabel('Seed').press('Enter');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  // The Wormhole: a wormhole added from the form, undone and redone.
  await page.getByLabel('Architecture').selectOption({ label: 'Fixed-Point Wormhole' });
  await expect(page.locator('[data-wormhole="3->1"]')).toHaveCount(1);
  await page.getByLabel('Wormhole from layer').selectOption('2');
  await page.getByLabel('back to layer').selectOption('1');
  await page.getByRole('button', { name: 'Add wormhole' }).click();
  await expect(page.locator('[data-wormhole="2->1"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('[data-wormhole="2->1"]')).toHaveCount(0);
  await expect(page.locator('[data-wormhole="3->1"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.locator('[data-wormhole="2->1"]')).toHaveCount(1);
});

/** Mean distance from the centre and mean position of a thumbnail's blue and orange pixels. */
async function classPixels(page: Page, task: string) {
  return page.locator(`.task-thumbnail[data-task="${task}"] canvas`).evaluate((c: HTMLCanvasElement) => {
    const { data, width, height } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    const sums = { blue: [0, 0, 0, 0], orange: [0, 0, 0, 0] };
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const [r, , b, a] = data.slice(4 * (y * width + x), 4 * (y * width + x) + 4);
        if (a < 200) continue;
        const s = b > r + 80 ? sums.blue : r > b + 80 ? sums.orange : undefined;
        if (!s) continue;
        s[0] += Math.hypot(x - width / 2, y - height / 2);
        s[1] += x;
        s[2] += y;
        s[3] += 1;
      }
    const mean = (s: number[]) => ({ r: s[0] / s[3], x: s[1] / s[3], y: s[2] / s[3], n: s[3] });
    return { blue: mean(sums.blue), orange: mean(sums.orange) };
  });
}

test("the task picker shows each 2-D task's data; a click picks that task", async ({ page }) => {
  await openApp(page);
  const thumbnails = page.getByTestId('task-thumbnails').getByRole('button');
  await expect(thumbnails).toHaveCount(5);
  await expect(page.getByRole('button', { name: 'Circle' })).toHaveAttribute('aria-pressed', 'true');
  // Circle: blue inside, orange on the ring; gaussian: blue up and right, orange down and left.
  const circle = await classPixels(page, 'circle');
  expect(circle.blue.n).toBeGreaterThan(50);
  expect(circle.orange.n).toBeGreaterThan(50);
  expect(circle.blue.r).toBeLessThan(circle.orange.r - 6);
  const gaussian = await classPixels(page, 'gaussian');
  expect(gaussian.blue.x).toBeGreaterThan(gaussian.orange.x + 10);
  expect(gaussian.blue.y).toBeLessThan(gaussian.orange.y - 10);
  await page.getByRole('button', { name: 'Spiral' }).click();
  await expect(page.getByLabel('Task', { exact: true })).toHaveValue('spiral');
  await expect(page.getByRole('button', { name: 'Spiral' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Circle' })).toHaveAttribute('aria-pressed', 'false');
});

test('undo and redo a Dynamic-Live connection', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Architecture').selectOption({ label: 'Dynamic-Live' });
  await expect(page.locator('[data-neuron-id="out"]')).toBeVisible();
  const liveEdge = page.locator('svg[data-testid="network-graph"] [data-edge-id="out->h2"]');
  await page.getByLabel('Connect from').selectOption('out');
  await page.getByLabel('Connect to', { exact: true }).selectOption('h2');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(liveEdge).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(liveEdge).toHaveCount(0);
  await page.locator('body').press('Control+y');
  await expect(liveEdge).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a weight can be set without a pointer: Set a weight, the connection by its neurons, Edit weight, Enter', async ({
  page,
}) => {
  await openApp(page);
  await page.locator('.weight-by-keyboard > summary').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: 'Connection', exact: true }).focus();
  await page.getByRole('combobox', { name: 'Connection', exact: true }).selectOption({ label: 'x2 → h1.1' });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Edit weight' })).toBeFocused();
  await page.keyboard.press('Enter');
  const input = page.getByLabel('Weight x2 → h1.1');
  await expect(input).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('1.25');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('weight-editor')).toBeHidden();
  await expect(edge(page, 'x2->h1.1')).toHaveAttribute('data-weight', '1.250');
});
