import { expect, openApp, test } from './fixtures';

/**
 * Counts, in the page: frames the engine sent with maps, step-counter changes (frames drawn), and the draws of
 * the heatmap (drawImage on its canvas) and of the neuron thumbnails (putImageData inside the network graph).
 */
const COUNT = `
  window.__maps = { sent: 0, heat: 0, thumbs: 0 };
  const W = window.Worker;
  window.Worker = class extends W {
    constructor(...a) {
      super(...a);
      this.addEventListener('message', (e) => {
        if (e.data && e.data.type === 'frame' && e.data.frame.heatmapRes > 0) window.__maps.sent++;
      });
    }
  };
  const draw = CanvasRenderingContext2D.prototype.drawImage;
  CanvasRenderingContext2D.prototype.drawImage = function (...a) {
    if (this.canvas.getAttribute('data-testid') === 'heatmap') window.__maps.heat++;
    return draw.apply(this, a);
  };
  const put = CanvasRenderingContext2D.prototype.putImageData;
  CanvasRenderingContext2D.prototype.putImageData = function (...a) {
    if (this.canvas.closest && this.canvas.closest('[data-testid="network-graph"]')) window.__maps.thumbs++;
    return put.apply(this, a);
  };
`;

type Counts = { sent: number; heat: number; thumbs: number; drawn: number };
/** The page's window with the counts COUNT keeps. */
type Counted = typeof window & { __maps: Counts };

test('at full speed each map is drawn once: frames without new maps repaint neither the heatmap nor the thumbnails', async ({
  page,
}) => {
  await page.addInitScript({ content: COUNT });
  await openApp(page);
  await page.getByLabel('Speed').fill('4');
  // From here: counts of play only (the load drew the input thumbnails and the first maps).
  await page.evaluate(() => {
    const w = window as Counted;
    w.__maps = { sent: 0, heat: 0, thumbs: 0, drawn: 0 };
    new MutationObserver(() => w.__maps.drawn++).observe(document.querySelector('[data-testid="step"]')!, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await page.getByRole('button', { name: 'Play' }).click();
  const counts = () => page.evaluate(() => (window as Counted).__maps);
  // Enough frames drawn that more of them came without maps than with (maps are paced by their cost).
  await expect
    .poll(
      async () => {
        const c = await counts();
        return c.sent >= 3 && c.drawn >= c.sent + 20;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const c = await counts();
  // Counted as they arrive, before they are drawn: a map drawn was counted.
  const maps = c.sent;
  // The heatmap: its map and its points, two drawImage calls per map drawn.
  expect(c.heat).toBeGreaterThan(0);
  expect(c.heat).toBeLessThanOrEqual(2 * maps);
  // The default MLP's thumbnails over the plane: 4 + 2 hidden neurons and the output, once per map drawn.
  expect(c.thumbs).toBeGreaterThan(0);
  expect(c.thumbs).toBeLessThanOrEqual(7 * maps);
});

test('the data points drawn once are drawn anew when they change: Show test data adds the test points, at once', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText('1');
  const picture = () => page.getByTestId('heatmap').evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const trainOnly = await picture();
  await page.getByLabel('Show test data').check();
  await expect.poll(picture).not.toBe(trainOnly);
  await page.getByLabel('Show test data').uncheck();
  await expect.poll(picture).toBe(trainOnly);
});
