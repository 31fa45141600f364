/** Issue 14, "A student sees it": the Dynamic-Live network's rewiring, rewards and values, edits and refusals. */
import { decodeLink } from '../src/experiment';
import { LIVE_EXAMPLES, liveExampleLink } from '../src/experiment/arch/live/examples';
import { expect, openApp, stepCount, test, type Page } from './fixtures';

async function openLive(page: Page): Promise<void> {
  await openApp(page);
  await page.getByLabel('Architecture').selectOption({ label: 'Dynamic-Live' });
  await expect(page.locator('[data-neuron-id="out"]')).toBeVisible();
  await expect(page.getByTestId('live-rewirings')).toHaveText(/^No rewiring yet/);
}

/** Opens a Live link: its loss shows only after the first reward, so this waits for the graph and the log. */
async function openLink(page: Page, hash: string): Promise<void> {
  await page.goto(`/${hash}`);
  await expect(page.getByTestId('backend')).toHaveText(/^(webgpu|webgl|wasm|cpu)$/);
  await expect(page.locator('[data-neuron-id="out"]')).toBeVisible();
  await expect(page.getByTestId('event-log')).toContainText('Dynamic-Live');
}

/** One Step click, waiting for its frame. */
async function step(page: Page): Promise<void> {
  const before = await stepCount(page);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText(String(before + 1));
}

/** The spec a page's address holds. */
const specOfHash = (page: Page) => page.evaluate(() => location.hash).then((hash) => decodeLink(hash));

test('every reward pulses the output, without rewiring; hover shows a neuron activation; the strip has a legend', async ({
  page,
}) => {
  await openLive(page);
  for (let i = 0; i < 5; i++) await step(page);
  // Temporal XOR with d = 1: steps 2-5 are rewarded (step 1 has no x_(t-1)); none rewired.
  const out = page.locator('g.neuron[data-neuron-id="out"]');
  await expect(out).toHaveAttribute('data-pulses', '4');
  await expect(out).toHaveAttribute('data-last-reward', /^-?\d\.\d{3}$/);
  await expect(page.getByTestId('live-rewirings')).toHaveText(/^No rewiring yet/);
  await step(page);
  await expect(out).toHaveAttribute('data-pulses', '5');

  // Hover gives the activation; "in" outputs this step's bit, and h0 (its one source, weight 1) fires
  // (1 * x / x)^2 = x: the same value, 0 or 1, which a wrong index into the frame's values would not give.
  const tooltip = page.locator('.graph-wrap .tooltip');
  const hovered = async (id: string) => {
    await page.locator(`g.neuron[data-neuron-id="${id}"] circle.body`).hover();
    await expect(tooltip).toContainText(`${id}: activation`);
    return /activation (\d\.\d{3})/.exec((await tooltip.textContent())!)![1];
  };
  const bit = await hovered('in');
  expect(['0.000', '1.000']).toContain(bit);
  expect(await hovered('h0')).toBe(bit);
  const value = await hovered('h1');
  expect(Number(value)).toBeLessThanOrEqual(1);
  // A focused neuron's label says it too.
  const h1 = page.locator('g.neuron[data-neuron-id="h1"]');
  await h1.focus();
  await expect(h1).toHaveAttribute(
    'aria-label',
    `neuron h1: activation ${value}; Enter selects it, Delete removes it`,
  );

  const legend = page.getByTestId('recent-legend');
  await expect(legend).toContainText('output, rewarded');
  await expect(legend).toContainText('output, punished');
  await expect(legend).toContainText('target');
});

test('an edge lost and regained in one step flashes "rewired" once; the counter and the log say so', async ({
  page,
}) => {
  // Learning rate 1, p 0.5 (the "Lost and regained in one step" example), stepped by hand.
  await openLink(page, liveExampleLink(LIVE_EXAMPLES.churn));
  await expect(page.getByLabel('Live learning rate')).toHaveValue('1');
  await expect(page.getByTestId('live-rewirings')).toHaveText(/^No rewiring yet/);
  const rewired = page.locator('g.edge[data-change="rewired"]');
  for (let i = 0; i < 150 && (await rewired.count()) === 0; i++) await step(page);
  await expect(rewired.first()).toBeAttached();
  const edge = (await rewired.first().getAttribute('data-edge-id'))!;
  const at = (await rewired.first().getAttribute('data-change-step'))!;
  const [source, neuron] = edge.split('->');
  // Both changes of that step are in the log (one line each), the graph drew one flash, not a fade then a grow-in.
  const log = page.getByTestId('event-log');
  await expect(log).toContainText(`disconnected ${source} → ${neuron}`);
  await expect(log).toContainText(new RegExp(`(?<!dis)connected ${source} → ${neuron}`));
  await expect(page.getByTestId('live-rewirings')).toHaveText(
    /^\d+ rewirings? so far, the last at step \d+\.$/,
  );
  const last = Number(/step (\d+)/.exec((await page.getByTestId('live-rewirings').textContent())!)![1]);
  expect(last).toBeGreaterThanOrEqual(Number(at));
});

test('with the defaults in slow motion, Play shows a rewiring within seconds (step 8 on the default seed)', async ({
  page,
}) => {
  await openLive(page);
  await page.getByLabel('Speed').fill('0');
  await expect(page.getByText('slow motion', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Play' }).click();
  const counter = page.getByTestId('live-rewirings');
  // 2 steps a second: step 8 comes after 4 s; the wait allows for a loaded machine.
  await expect(counter).toHaveText(/^\d+ rewirings? so far, the last at step \d+\.$/, { timeout: 45_000 });
  await expect(page.locator('g.edge[data-change]').first()).toBeAttached();
  await page.getByRole('button', { name: 'Pause' }).click();
  const first = Number(/step (\d+)/.exec((await counter.textContent())!)![1]);
  expect(first).toBeGreaterThanOrEqual(8);
  expect((await specOfHash(page)).spec.live.lr).toBe(1.5);
});

test('the "Rewiring in slow motion" example opens at 2 steps a second and rewires at step 5', async ({
  page,
}) => {
  await openLink(page, liveExampleLink(LIVE_EXAMPLES.rewiring));
  await expect(page.getByText('slow motion', { exact: true })).toBeVisible();
  const counter = page.getByTestId('live-rewirings');
  for (let i = 0; i < 4; i++) await step(page);
  await expect(counter).toHaveText(/^No rewiring yet/);
  await step(page);
  await expect(counter).toHaveText(/^\d+ rewirings? so far, the last at step 5\.$/);
});

test('the user sequence: Live on parity data, 2-D reward task refused; selects, address and Copy link go back', async ({
  page,
  context,
}) => {
  await openApp(page);
  await page.getByLabel('Task', { exact: true }).selectOption('parity');
  await expect(page.getByTestId('event-log')).toContainText('parity');
  await page.getByLabel('Architecture').selectOption({ label: 'Dynamic-Live' });
  await expect(page.locator('[data-neuron-id="in"]')).toBeVisible();
  await expect.poll(async () => (await specOfHash(page)).spec.architecture).toBe('live');
  const running = (await specOfHash(page)).spec;
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => stepCount(page)).toBeGreaterThan(3);

  await page.getByLabel('Reward task').selectOption('2d');
  await expect(page.getByRole('alert')).toContainText('the Live 2-D reward task needs a 2-D data task');
  await expect(page.getByRole('alert')).toContainText('The experiment that was running is back, paused.');
  await expect(page.getByLabel('Reward task')).toHaveValue('temporal-xor');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.locator('[data-neuron-id="in"]')).toBeVisible();
  await expect(page.locator('[data-neuron-id="x1"]')).toHaveCount(0);
  // The address goes back to the running experiment (it is written a moment after a change).
  await expect.poll(async () => (await specOfHash(page)).spec.live).toEqual(running.live);
  expect((await specOfHash(page)).spec.task.kind).toBe('parity');
  expect((await specOfHash(page)).problems).toEqual([]);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(decodeLink(link.slice(link.indexOf('#'))).spec.live).toEqual(running.live);

  // Play trains the experiment shown: temporal XOR, its "in" neuron.
  const at = await stepCount(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => stepCount(page)).toBeGreaterThan(at + 3);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByLabel('Reward task')).toHaveValue('temporal-xor');
  await expect(page.getByRole('alert')).toHaveCount(1);

  // The copied link opens to that experiment, with no alert.
  const other = await context.newPage();
  await openLink(other, link.slice(link.indexOf('#')));
  await expect(other.getByLabel('Reward task')).toHaveValue('temporal-xor');
  await expect(other.locator('[data-neuron-id="in"]')).toBeVisible();
  await expect(other.getByRole('alert')).toHaveCount(0);
});

test('under the MLP a sequence data task moves the hidden Live 2-D reward task to temporal XOR, not a refusal', async ({
  page,
}) => {
  await openLive(page);
  await page.getByLabel('Reward task').selectOption('2d');
  await expect(page.locator('[data-neuron-id="x1"]')).toBeVisible();
  await page.getByLabel('Architecture').selectOption('mlp');
  await page.getByLabel('Task', { exact: true }).selectOption('parity');
  await expect(page.getByTestId('event-log')).toContainText('parity');
  await expect(page.getByLabel('Task', { exact: true })).toHaveValue('parity');
  await page.getByLabel('Architecture').selectOption({ label: 'Dynamic-Live' });
  await expect(page.getByLabel('Reward task')).toHaveValue('temporal-xor');
  await expect(page.locator('[data-neuron-id="in"]')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the echo task with delay d >= memory M is refused with the reason; the controls go back', async ({
  page,
}) => {
  await openLive(page);
  await page.getByLabel('Reward task').selectOption('delayed-reward');
  await expect(page.getByTestId('live-echo-note')).toContainText('Delay d must stay below Memory M (3)');
  await expect(page.getByTestId('event-log')).toContainText('loaded');
  const delay = page.getByLabel('Delay d');
  await delay.fill('3');
  await delay.press('Enter');
  await expect(page.getByRole('alert')).toContainText('the neurons remember only 3 steps');
  await expect(page.getByRole('alert')).toContainText('Delay d must be less than Memory M');
  await expect(delay).toHaveValue('1');
  await expect.poll(async () => (await specOfHash(page)).spec.live.delay).toBe(1);
  // Raising M first makes room for d = 3.
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  await page.getByLabel('Memory M').fill('4');
  await page.getByLabel('Memory M').press('Enter');
  await delay.fill('3');
  await delay.press('Enter');
  await expect(page.getByTestId('live-echo-note')).toContainText('Memory M (4)');
  for (let i = 0; i < 5; i++) await step(page);
  await expect(page.locator('g.neuron[data-neuron-id="out"]')).toHaveAttribute('data-pulses', /^[1-9]/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('keyboard only: select and delete a neuron, add one, connect and remove an edge; each edit is logged', async ({
  page,
}) => {
  await openLive(page);
  const log = page.getByTestId('event-log');
  /** Presses Tab until `locator` has focus (bounded). */
  const tabTo = async (locator: ReturnType<Page['locator']>) => {
    for (let i = 0; i < 200; i++) {
      if (await locator.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('never reached by Tab');
  };
  const h1 = page.locator('g.neuron[data-neuron-id="h1"]');
  await tabTo(h1);
  await page.keyboard.press('Enter');
  await expect(h1).toHaveClass(/selected/);
  await expect(page.getByRole('button', { name: 'Delete h1' })).toBeEnabled();
  await page.keyboard.press('Delete');
  await expect(page.locator('[data-neuron-id="h1"]')).toHaveCount(0);
  await expect(log).toContainText('you deleted neuron h1 and its edges');

  await tabTo(page.getByRole('button', { name: 'Add neuron' }));
  await page.keyboard.press('Enter');
  await expect(log).toContainText(/you added neuron h\d+ \(fed by in\)/);

  // Connect from "in" to "out" (the form's first choices), then remove that edge.
  await expect(page.getByLabel('Connect from')).toHaveValue('in');
  await expect(page.getByLabel('Connect to')).toHaveValue('out');
  await tabTo(page.getByRole('button', { name: 'Connect', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.locator('g.edge[data-edge-id="in->out"]')).toBeAttached();
  await expect(log).toContainText('you connected in → out');
  await tabTo(page.getByRole('button', { name: 'Remove edge' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('g.edge[data-edge-id="in->out"]')).toHaveCount(0);
  await expect(log).toContainText('you removed the edge in → out');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
