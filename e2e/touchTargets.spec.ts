/** Issue 14, touch screens: the Wormhole's backward arcs (and Live's edges) get a finger-sized invisible target. */
import { defaultSpec, encodeLink } from '../src/experiment';
import { expect, test, type Page } from './fixtures';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

async function open(page: Page, architecture: 'wormhole' | 'live'): Promise<void> {
  await page.goto(`/${encodeLink(defaultSpec(architecture))}`);
  await expect(page.getByTestId('backend')).toHaveText(/^(webgpu|webgl|wasm|cpu)$/);
  await expect(page.getByTestId('step')).toHaveText('0');
}

test('on a coarse pointer an arc is grabbed 10 units off its line (outside the 12 px path) and dragged away', async ({
  page,
}) => {
  await open(page, 'wormhole');
  const arc = page.locator('[data-wormhole="3->1"]');
  await expect(arc).toHaveCount(1);
  expect(await arc.locator('.edge-hit').evaluate((el) => getComputedStyle(el).strokeWidth)).toBe('28px');
  // The arc's middle, moved 10 graph units along its normal away from the layers (up): 6 units past the 12 px
  // path's edge, within the 28 px one.
  const grab = await arc.locator('.edge-hit').evaluate((p: SVGPathElement) => {
    const at = p.getTotalLength() / 2;
    const [a, b] = [p.getPointAtLength(at - 1), p.getPointAtLength(at + 1)];
    const [tx, ty] = [b.x - a.x, b.y - a.y];
    const norm = Math.hypot(tx, ty);
    let [nx, ny] = [-ty / norm, tx / norm];
    if (ny > 0) [nx, ny] = [-nx, -ny];
    const mid = p.getPointAtLength(at);
    const m = p.getScreenCTM()!;
    const screen = (x: number, y: number) => ({ x: x * m.a + m.e, y: y * m.d + m.f });
    return { point: screen(mid.x + 10 * nx, mid.y + 10 * ny), top: screen(0, 0).y };
  });
  expect(grab.point.y).toBeGreaterThan(grab.top);
  // What the finger lands on there: the arc's own hit path.
  expect(
    await page.evaluate(
      ({ x, y }) =>
        document.elementFromPoint(x, y)?.closest('[data-wormhole]')?.getAttribute('data-wormhole'),
      grab.point,
    ),
  ).toBe('3->1');
  await page.mouse.move(grab.point.x, grab.point.y);
  await page.mouse.down();
  await page.mouse.move(grab.point.x, grab.point.y + 120, { steps: 6 });
  await page.mouse.up();
  await expect(arc).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test("on a coarse pointer Live's edges have a 28 px target too", async ({ page }) => {
  await open(page, 'live');
  const hit = page.locator('[data-edge-id="in->h1"] .edge-hit');
  expect(await hit.evaluate((el) => getComputedStyle(el).strokeWidth)).toBe('28px');
});
