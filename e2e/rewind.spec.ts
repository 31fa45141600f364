import { defaultSpec, encodeLink } from '../src/experiment';
import { expect, openApp, test, type Page } from './fixtures';

test('Rewind looks back at a kept step exactly, and Step trains on from there as the run did', async ({
  page,
}) => {
  await openApp(page, encodeLink(defaultSpec('mlp')));
  const loss = page.getByTestId('loss');
  const step = page.getByTestId('step');
  const atStart = await loss.textContent();
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(step).toHaveText('1');
  const atOne = await loss.textContent();
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(step).toHaveText('2');
  const atTwo = await loss.textContent();

  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await step.textContent())).toBeGreaterThan(300);
  await page.getByRole('button', { name: 'Pause' }).click();
  // A weight set by hand now can be undone, until a look back: then undo would write it into another step's network.
  await page.locator('.weight-by-keyboard > summary').click();
  await page.getByRole('button', { name: 'Edit weight' }).click();
  await page.getByTestId('weight-editor').getByRole('textbox').fill('0.5');
  await page.getByTestId('weight-editor').getByRole('textbox').press('Enter');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  const rewind = page.getByLabel('Rewind');
  await expect(page.getByTestId('rewind')).toContainText(/\d+ steps kept/);

  // Step 1 is kept (steps 0, 1, 2, 3, 4, 5, 7, 9, ...): index 1.
  await rewind.fill('1');
  await expect(step).toHaveText('1');
  await expect(loss).toHaveText(atOne!);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await expect(page.getByTestId('rewind')).toContainText('looking back at step 1');
  // Keyboard: Home goes to the first kept step, the load's.
  await rewind.focus();
  await page.keyboard.press('Home');
  await expect(step).toHaveText('0');
  await expect(loss).toHaveText(atStart!);

  // Training on from step 0 repeats the run: two Steps give step 2's loss again; the later run is dropped.
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(step).toHaveText('1');
  await expect(loss).toHaveText(atOne!);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(step).toHaveText('2');
  await expect(loss).toHaveText(atTwo!);
  await expect(page.getByTestId('rewind')).toContainText('3 steps kept');
});

/** Each edge of the Live graph as drawn: its id and weight (4 digits; 0 when unconnected). */
const edgeWeights = (page: Page) =>
  page
    .locator('g.edge')
    .evaluateAll((edges) =>
      edges.map((g) => `${g.getAttribute('data-edge-id')}=${g.getAttribute('data-weight')}`),
    );

/** The log's rewiring lines ("step 14 disconnected h0 → h2 (reward -0.250)"), sorted. */
const rewiringLines = (page: Page) =>
  page
    .getByTestId('event-log')
    .locator('li')
    .evaluateAll((items) =>
      items.map((li) => li.textContent ?? '').filter((t) => /\d (connected|disconnected) /.test(t)),
    )
    .then((lines) => lines.sort());

const stepOf = (line: string) => Number(/^step (\d+)/.exec(line)![1]);

test('Rewind on Dynamic-Live: step, graph and rewirings go back, and Steps on rewire as the run did', async ({
  page,
}) => {
  // The defaults (learning rate 1.5) rewire at steps 8, 9, 10, 14, 15, 16, 18 and 22 of seed 1.
  await page.goto(`/${encodeLink(defaultSpec('live'))}`);
  await expect(page.getByTestId('backend')).toHaveText(/^(webgpu|webgl|wasm|cpu)$/);
  await expect(page.locator('[data-neuron-id="out"]')).toBeVisible();
  const step = page.getByTestId('step');
  const counter = page.getByTestId('live-rewirings');
  const seen = new Map<number, { counter: string; edges: string[] }>();
  for (let n = 1; n <= 24; n++) {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(step).toHaveText(String(n));
    seen.set(n, { counter: (await counter.textContent())!, edges: await edgeWeights(page) });
  }
  const run = await rewiringLines(page);
  expect(run.filter((line) => stepOf(line) > 9).length).toBeGreaterThan(3);
  expect(seen.get(24)!.counter).not.toBe(seen.get(9)!.counter);
  expect(seen.get(24)!.edges).not.toEqual(seen.get(9)!.edges);
  await expect(page.getByTestId('rewind')).toContainText('a graph edit starts them afresh');

  // Kept: 0, 1, 2, 3, 4, 5, 7, 9, ...: step 9 is index 7.
  await page.getByLabel('Rewind').fill('7');
  await expect(step).toHaveText('9');
  await expect(page.getByTestId('rewind')).toContainText('looking back at step 9');
  await expect(counter).toHaveText(seen.get(9)!.counter);
  await expect.poll(() => edgeWeights(page)).toEqual(seen.get(9)!.edges);

  // Steps on from 9: each step's counter as the run had it, the same graph at 24, and each rewiring logged again.
  for (let n = 10; n <= 24; n++) {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(step).toHaveText(String(n));
    await expect(counter).toHaveText(seen.get(n)!.counter);
  }
  await expect.poll(() => edgeWeights(page)).toEqual(seen.get(24)!.edges);
  await expect
    .poll(() => rewiringLines(page))
    .toEqual([...run, ...run.filter((line) => stepOf(line) > 9)].sort());
  await expect(page.getByTestId('rewind')).toContainText('12 steps kept');

  // A graph edit starts the kept steps afresh at its step (the steps before it are another network).
  await page.getByLabel('Rewind').fill('9');
  await expect(step).toHaveText('15');
  await page.getByLabel('Connect from').selectOption('out');
  await page.getByLabel('Connect to', { exact: true }).selectOption('h2');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.locator('g.edge[data-edge-id="out->h2"]')).toHaveCount(1);
  await expect(page.getByLabel('Rewind')).toHaveAttribute('max', '0');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(step).toHaveText('16');
  await expect(page.getByTestId('rewind')).toContainText('1 step kept, log-spaced');
});
