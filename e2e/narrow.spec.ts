import { defaultSpec, encodeLink } from '../src/experiment';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test('on a phone the network comes first, on the first screen, with touch-sized handles and buttons', async ({
  page,
}) => {
  await page.goto(`/${encodeLink(defaultSpec('live'))}`);
  await expect(page.getByTestId('backend')).toHaveText(/^(webgpu|webgl|wasm|cpu)$/);
  const network = page.locator('section.network');
  const box = (await network.boundingBox())!;
  // Its top on the first screen, above the settings (it was 1,300 px down, under them).
  expect(box.y).toBeLessThan(844);
  const settings = (await page.locator('.column.left').boundingBox())!;
  expect(settings.y).toBeGreaterThan(box.y);
  expect(box.width).toBeLessThanOrEqual(390);
  // A coarse pointer: the Live ports are 14 px in radius (a 28 px target), buttons 44 px high.
  await expect(page.locator('.neuron.live .port').first()).toBeAttached();
  const radius = await page
    .locator('.neuron.live .port')
    .first()
    .evaluate((el) => getComputedStyle(el).r);
  expect(radius).toBe('14px');
  const play = (await page.getByRole('button', { name: 'Play' }).boundingBox())!;
  expect(play.height).toBeGreaterThanOrEqual(44);
  // Nothing wider than the screen: no sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
