import { defaultSpec, encodeLink } from '../src/experiment';
import { expect, openApp, test, type Page } from './fixtures';

/** Logs every value the step counter shows, from now on. */
async function logSteps(page: Page): Promise<void> {
  await page.evaluate(() => {
    const counter = document.querySelector('[data-testid="step"]')!;
    const log = [counter.textContent];
    (window as Window & { shownSteps?: (string | null)[] }).shownSteps = log;
    new MutationObserver(() => log.push(counter.textContent)).observe(counter, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
}
const shownSteps = (page: Page) =>
  page.evaluate(() => (window as Window & { shownSteps?: string[] }).shownSteps!.map(Number));

test('slow motion shows every step on a page too busy to draw for a while (a slow machine): 0, 1, 2, not 0 -> 3', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Speed').fill('0');
  await expect(page.getByText('slow motion', { exact: true })).toBeVisible();
  await logSteps(page);
  await page.getByRole('button', { name: 'Play' }).click();
  // The main thread is blocked for 1.6 s, longer than three slow-motion steps (0.5 s each): the page cannot draw
  // or answer the engine's frames meanwhile, as on a slow machine.
  await page.evaluate(() => {
    const until = performance.now() + 1600;
    while (performance.now() < until);
  });
  await expect.poll(async () => (await shownSteps(page)).at(-1), { timeout: 20_000 }).toBeGreaterThan(2);
  await page.getByRole('button', { name: 'Pause' }).click();
  const shown = (await shownSteps(page)).filter((s, i, all) => s !== all[i - 1]);
  expect(shown.slice(0, 4)).toEqual([0, 1, 2, 3]);
});

test('slow motion shows every step: Play from 0 shows 1 before 2, and again after each Pause', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Speed').fill('0');
  await expect(page.getByText('slow motion')).toBeVisible();
  await logSteps(page);
  for (let round = 0; round < 2; round++) {
    const from = (await shownSteps(page)).at(-1)!;
    await page.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(async () => (await shownSteps(page)).at(-1), { timeout: 20_000 })
      .toBeGreaterThan(from + 1);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    const shown = (await shownSteps(page)).filter((s, i, all) => s !== all[i - 1]);
    // One step at a time: no value is skipped.
    const after = shown.slice(shown.indexOf(from));
    expect(after.slice(0, 3)).toEqual([from, from + 1, from + 2]);
  }
});

const hash = (page: Page) => page.evaluate(() => location.hash);

test('the address bar holds the running experiment link from the first load, as Copy link gives it', async ({
  page,
}) => {
  await openApp(page);
  await expect.poll(() => hash(page)).toMatch(/^#v=\d+&s=/);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const copied = await page.getByTestId('share-link').inputValue();
  expect(copied.slice(copied.indexOf('#'))).toBe(await hash(page));
});

test('a broken link, opened or typed into the address bar, gives way to the running link, with the alert', async ({
  page,
}) => {
  await page.goto('/#v=1&s=garbage');
  await expect(page.getByRole('alert')).toContainText('This link could not be used as it was');
  await expect(page.getByTestId('loss')).toHaveText(/^\d/);
  await expect.poll(() => hash(page)).toMatch(/^#v=\d+&s=/);
  const running = await hash(page);
  // Typed again into the address bar (the same broken link): refused, and the running link is back.
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.evaluate(() => (location.hash = '#v=1&s=garbage'));
  await expect(page.getByRole('alert')).toContainText('Your experiment is unchanged');
  await expect.poll(() => hash(page)).toBe(running);
});

test('event log: entries of step 10 and more are shown whole (no list numbers cut at the edge, nothing clipped)', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Architecture').selectOption({ label: 'Dynamic-Live' });
  for (let step = 1; step <= 12; step++) {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('step')).toHaveText(String(step));
    await page.getByRole('button', { name: 'Reward +1' }).click();
  }
  const log = page.getByTestId('event-log');
  await expect(log.locator('li').first()).toHaveText('step 12 you gave reward +1');
  const layout = await log.evaluate((ol) => {
    const box = ol.getBoundingClientRect();
    return [...ol.querySelectorAll('li')].map((li) => {
      const text = li.getBoundingClientRect();
      return {
        // A list marker (1., 2., … 10.) sits left of the text, outside a log without padding: it must not exist.
        marker: getComputedStyle(li).display === 'list-item',
        inside: text.left >= box.left && text.right <= box.left + ol.clientWidth + 0.5,
        wraps: li.scrollWidth <= li.clientWidth,
      };
    });
  });
  expect(layout.length).toBeGreaterThan(12);
  for (const entry of layout) expect(entry).toEqual({ marker: false, inside: true, wraps: true });
});

test('a 64-neuron layer is drawn readably: its first and last neurons full size, "+53" naming the others', async ({
  page,
}) => {
  const spec = defaultSpec('mlp');
  spec.mlp.hiddenLayers = [64, 4];
  await openApp(page, encodeLink(spec));
  const graph = page.getByTestId('network-graph');
  const drawn = await graph
    .locator('g.neuron[data-neuron-id^="h1."]')
    .evaluateAll((nodes) =>
      nodes.map((n) => [
        n.getAttribute('data-neuron-id'),
        Number(n.querySelector('rect')!.getAttribute('height')),
      ]),
    );
  expect(drawn.map(([id]) => id)).toEqual([
    'h1.0',
    'h1.1',
    'h1.2',
    'h1.3',
    'h1.4',
    'h1.5',
    'h1.59',
    'h1.60',
    'h1.61',
    'h1.62',
    'h1.63',
  ]);
  for (const [, size] of drawn) expect(size).toBeGreaterThanOrEqual(20);
  const more = graph.locator('g.hidden-neurons');
  await expect(more.locator('text')).toHaveText('+53');
  await expect(more.locator('title')).toHaveText('h1.6 … h1.58: 53 more neurons, not drawn');
  // The drawn ones still name themselves on hover, and their edges read their own weights.
  await graph.locator('[data-neuron-id="h1.63"]').hover();
  await expect(page.locator('.tooltip')).toHaveText(/^h1\.63: bias -?\d/);
  await expect(graph.locator('[data-edge-id="h1.63->h2.3"]')).toHaveAttribute('data-weight', /^-?\d/);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText('1');
});
