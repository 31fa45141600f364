/** Issue 14: the Wormhole's fixed point made visible (replay on the graph, the sweeps map) and its rough edges. */
import { encodeLink, EXAMPLES } from '../src/experiment';

const hardBoundary = encodeLink(EXAMPLES.find((e) => e.id === 'wormhole-hard-boundary')!.spec);
import { expect, openApp, test, type Page } from './fixtures';

async function openWormhole(page: Page) {
  await openApp(page);
  await page.getByLabel('Architecture').selectOption({ label: 'Fixed-Point Wormhole' });
  await expect(page.getByTestId('event-log')).toContainText('Fixed-Point Wormhole network');
  await expect(page.getByTestId('fp-iterations')).toHaveText(/^\d+$/);
}

async function steps(page: Page, n: number) {
  const start = Number(await page.getByTestId('step').textContent());
  for (let i = 1; i <= n; i++) {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('step')).toHaveText(String(start + i));
  }
}

/** Each neuron's state on the graph, as the replay painted it. */
const graphStates = (page: Page) =>
  page
    .locator('g.neuron rect.fp-state')
    .evaluateAll((rects) => rects.map((r) => `${r.getAttribute('data-state')} ${getComputedStyle(r).fill}`));

/** The colour of a canvas's pixel (in its own pixels). */
const pixel = (page: Page, testId: string, x: number, y: number) =>
  page
    .getByTestId(testId)
    .evaluate(
      (c: HTMLCanvasElement, [px, py]) => Array.from(c.getContext('2d')!.getImageData(px, py, 1, 1).data),
      [Math.round(x), Math.round(y)],
    );

test('the sweep replay paints the graph: neuron states and gates change from sweep to sweep', async ({
  page,
}) => {
  // Open gates: the fixed point takes many sweeps, and layer 1 changes once the wormholes feed it.
  await openApp(page, hardBoundary);
  await expect(page.getByTestId('fp-iterations')).toHaveText(/^\d+$/);
  await steps(page, 2);
  // Live: the thumbnails show, no states over them.
  await expect(page.locator('rect.fp-state').first()).toHaveAttribute('display', 'none');

  await page.getByLabel('Sweep', { exact: true }).fill('1');
  await expect(page.getByTestId('fp-sweep')).toHaveText(/^sweep 1 of \d+$/);
  await expect(page.locator('rect.fp-state').first()).not.toHaveAttribute('display', 'none');
  await expect(page.locator('.fp-sweep-label')).toHaveText(/^sweep 1 of \d+, sample/);
  const first = await graphStates(page);
  const gateFirst = await page.locator('[data-wormhole="3->1"]').getAttribute('data-gate');
  // Every hidden and output neuron has its state: 6 + 6 + 1.
  expect(first).toHaveLength(13);

  await page.getByRole('button', { name: 'Next sweep' }).click();
  await expect(page.getByTestId('fp-sweep')).toHaveText(/^sweep 2 of \d+$/);
  await expect(page.locator('.fp-sweep-label')).toHaveText(/^sweep 2 of/);
  await expect.poll(() => graphStates(page)).not.toEqual(first);
  // What the graph shows is the colours, not only the numbers: some neuron's painted colour changed.
  const fills = (states: string[]) => states.map((s) => s.slice(s.indexOf(' ') + 1));
  expect(fills(await graphStates(page))).not.toEqual(fills(first));
  expect(fills(first).some((f) => f !== 'rgb(255, 255, 255)')).toBe(true);
  // The gates are read from the sweep too (sweep 1's layer 3 was not yet there).
  await expect
    .poll(() => page.locator('[data-wormhole="3->1"]').getAttribute('data-gate'))
    .not.toBe(gateFirst);

  await page.getByRole('button', { name: 'Back to live' }).click();
  await expect(page.locator('rect.fp-state').first()).toHaveAttribute('display', 'none');
  await expect(page.locator('.fp-sweep-label')).toHaveText('');
});

test('the sweeps map is large, has a numbered colour scale, says the sweeps under the pointer, rings the sample', async ({
  page,
}) => {
  await openApp(page, hardBoundary);
  await expect(page.getByTestId('sweeps-relations')).toContainText('sweeps');
  const map = page.getByTestId('iterations-heatmap');
  const box = (await map.boundingBox())!;
  const plane = (await page.getByTestId('heatmap').boundingBox())!;
  expect(box.width).toBeGreaterThan(0.8 * plane.width);
  // The legend's numbers span the map's range of sweeps.
  const [, lo, hi] = /— (\d+)-(\d+) sweeps/.exec(
    (await page.getByTestId('sweeps-relations').textContent())!,
  )!;
  const ticks = (await page.getByTestId('sweeps-legend').locator('text').allTextContents()).map(Number);
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  expect(Math.min(...ticks)).toBeGreaterThanOrEqual(Number(lo));
  expect(Math.max(...ticks)).toBeLessThanOrEqual(Number(hi));

  // Hovering the top-left quarter: its coordinates on the axes (x1 < 0 < x2) and its sweeps.
  await map.hover({ position: { x: box.width / 4, y: box.height / 4 } });
  const hover = page.getByTestId('sweeps-hover');
  await expect(hover).toHaveText(/^\(-\d\.\d\d, \d\.\d\d\): \d+ sweeps?$/);
  const [, n] = /: (\d+) sweep/.exec((await hover.textContent())!)!;
  expect(Number(n)).toBeGreaterThanOrEqual(Number(lo));
  expect(Number(n)).toBeLessThanOrEqual(Number(hi));

  // Click the plane at (3/4, 1/4) of its size: x1 = 3, x2 = 3; both views ring that sample.
  await page.getByTestId('heatmap').click({ position: { x: plane.width * 0.75, y: plane.height * 0.25 } });
  await expect(page.getByTestId('convergence')).toContainText('Sample (3.0');
  const marker = await page.getByTestId('heatmap').getAttribute('data-marker');
  const [x1, x2] = marker!.split(',').map(Number);
  expect(x1).toBeCloseTo(3, 0);
  expect(x2).toBeCloseTo(3, 0);
  await expect(map).toHaveAttribute('data-picked', `${x1.toFixed(2)}, ${x2.toFixed(2)}`);
  // The ring (dark, 2.5 px wide at radius 7) lies right of the point on both canvases (300 x 300 pixels, [-6, 6]^2).
  const cx = ((x1 + 6) / 12) * 300;
  const cy = ((6 - x2) / 12) * 300;
  const darkest = async (id: string) => {
    const brightness = [];
    for (let dx = 5; dx <= 9; dx++)
      brightness.push(Math.max(...(await pixel(page, id, cx + dx, cy)).slice(0, 3)));
    return Math.min(...brightness);
  };
  for (const id of ['heatmap', 'iterations-heatmap']) await expect.poll(() => darkest(id)).toBeLessThan(60);
});

test('a sample is picked from the keyboard: a training point by number', async ({ page }) => {
  await openWormhole(page);
  const field = page.getByLabel(/^Training point/);
  const sampleText = page.getByTestId('convergence').locator('p.note').first();
  const before = await sampleText.textContent();
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(sampleText).not.toHaveText(before!);
  const picked = await page.getByTestId('heatmap').getAttribute('data-marker');
  const [x1, x2] = picked!.split(',').map(Number);
  await expect(sampleText).toContainText(`Sample (${x1.toFixed(2)}, ${x2.toFixed(2)})`);
  // Another number, another point; a number out of range is refused with the range.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('6');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('heatmap').getAttribute('data-marker')).not.toBe(picked);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('100000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText(/Pick a training point from 1 to \d+/);
});

test('the edit controls offer only backward wormholes, and a refused drag says why', async ({ page }) => {
  await openWormhole(page);
  // From layer 3 (the output): back to 1 or 2; from layer 2: back to 1 only.
  const back = page.getByLabel('back to layer');
  await expect(back.locator('option')).toHaveText(['1', '2']);
  await expect(page.getByLabel('Wormhole from layer').locator('option')).toHaveText(['2', '3']);
  await page.getByLabel('Wormhole from layer').selectOption('2');
  await expect(back.locator('option')).toHaveText(['1']);

  // Dragging forward, from layer 1 onto layer 2: refused, with the reason.
  await page.locator('[data-neuron-id="h1.0"]').dragTo(page.locator('[data-neuron-id="h2.1"]'));
  await expect(page.getByRole('alert')).toContainText(
    'Wormhole not added: A wormhole goes back, from a later layer to an earlier one: layer 2 comes after layer 1.',
  );
  // Onto the inputs: refused too; the one wormhole stays.
  await page.locator('[data-neuron-id="h2.0"]').dragTo(page.locator('[data-neuron-id="x1"]'));
  await expect(page.getByRole('alert').filter({ hasText: 'cannot go back to the inputs' })).toHaveCount(1);
  await expect(page.locator('[data-wormhole]')).toHaveCount(1);
});

test('adding a wormhole keeps the loss curve and marks the edit', async ({ page }) => {
  await openWormhole(page);
  await steps(page, 3);
  const points = () =>
    page
      .locator('path.series[data-series="train"]')
      .evaluate((p) => p.getAttribute('d')!.split(/[ML]/).length - 1);
  // Steps 0 to 3.
  await expect.poll(points).toBe(4);
  await page.getByLabel('Wormhole from layer').selectOption('3');
  await page.getByLabel('back to layer').selectOption('2');
  await page.getByRole('button', { name: 'Add wormhole' }).click();
  await expect(page.locator('[data-wormhole="3->2"]')).toHaveCount(1);
  await expect(page.locator('.edit-mark')).toHaveAttribute('data-step', '3');
  await expect(page.locator('.edit-mark text')).toHaveText('edited');
  await steps(page, 1);
  await expect.poll(points).toBe(5);
  await expect(page.locator('.edit-mark')).toHaveCount(1);
});

test("the convergence chart's tol label sits right of the plot, clear of the residual line", async ({
  page,
}) => {
  await openWormhole(page);
  await expect(page.locator('.tol-label')).toHaveText('tol 0.0001');
  const label = (await page.locator('.tol-label').boundingBox())!;
  const line = (await page.locator('.residual-line').boundingBox())!;
  const tol = (await page.locator('.tol-line').boundingBox())!;
  expect(label.x).toBeGreaterThanOrEqual(line.x + line.width);
  expect(label.x).toBeGreaterThanOrEqual(tol.x + tol.width);
});

test('arcs have their own ends, and a grab near two arcs removes the nearer one only', async ({ page }) => {
  await openWormhole(page);
  await page.getByLabel('back to layer').selectOption('2');
  await page.getByRole('button', { name: 'Add wormhole' }).click();
  await expect(page.locator('[data-wormhole]')).toHaveCount(2);
  // Both leave layer 3, at different points.
  const ends = await page
    .locator('[data-wormhole]')
    .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-ends')));
  expect(ends[0]!.split(',')[0]).not.toBe(ends[1]!.split(',')[0]);
  // Where both leave layer 3 they run 7 px apart, and 3->2's wide grab stroke lies over 3->1's. A grab 2 px from
  // 3->1 towards 3->2 lands on 3->2's element, and takes 3->1, the nearer arc.
  await page.locator('[data-neuron-id="y"]').scrollIntoViewIfNeeded();
  const near = (key: string) =>
    page.locator(`[data-wormhole="${key}"] .edge-hit`).evaluate((p: SVGPathElement) => {
      const point = p.getPointAtLength(p.getTotalLength() * 0.04);
      const m = p.getScreenCTM()!;
      return { x: point.x * m.a + m.e, y: point.y * m.d + m.f };
    });
  const [on31, on32] = [await near('3->1'), await near('3->2')];
  const length = Math.hypot(on32.x - on31.x, on32.y - on31.y);
  const grab = { x: on31.x + ((on32.x - on31.x) * 2) / length, y: on31.y + ((on32.y - on31.y) * 2) / length };
  const under = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-wormhole]')?.getAttribute('data-wormhole'),
    grab,
  );
  expect(under).toBe('3->2');
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x, grab.y + 120, { steps: 6 });
  await page.mouse.up();
  await expect(page.locator('[data-wormhole="3->1"]')).toHaveCount(0);
  await expect(page.locator('[data-wormhole="3->2"]')).toHaveCount(1);
});
