import LZString from 'lz-string';
import { defaultSpec, SCHEMA_VERSION } from '../src/experiment';
import { chooseBackend, engineStep, expect, openApp, test, type Page } from './fixtures';

async function copyLink(page: Page, withWeights = false): Promise<string> {
  if (withWeights) await page.getByLabel('include trained weights').check();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toContain(`#v=${SCHEMA_VERSION}&s=`);
  return link;
}

async function steps(page: Page, n: number) {
  for (let i = 1; i <= n; i++) {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('step')).toHaveText(String(i));
  }
}

test('a link reproduces the settings and, on cpu, the same loss after the same steps', async ({
  page,
  context,
}) => {
  await openApp(page);
  await chooseBackend(page, 'cpu');
  await page.getByLabel('Task').selectOption('xor');
  await page.getByLabel('Seed').fill('5');
  await page.getByLabel('Seed').press('Enter');
  await page.getByLabel('Learning rate').fill('0.1');
  await page.getByLabel('Learning rate').press('Enter');
  await page.getByRole('button', { name: 'Add neuron to layer 1' }).click();
  await expect(page.getByTestId('event-log')).toContainText('2-5-2-1 MLP on the xor task (seed 5)');
  await steps(page, 8);
  const loss = await page.getByTestId('loss').textContent();
  const link = await copyLink(page);
  // The address bar carries the same experiment.
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(link.slice(link.indexOf('#')));

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('backend')).toHaveText('cpu');
  await expect(other.getByLabel('Task')).toHaveValue('xor');
  await expect(other.getByLabel('Seed')).toHaveValue('5');
  await expect(other.getByLabel('Learning rate')).toHaveValue('0.1');
  await expect(other.getByText('5 neurons')).toBeVisible();
  await expect(other.getByRole('alert')).toHaveCount(0);
  await steps(other, 8);
  await expect(other.getByTestId('loss')).toHaveText(loss!);
});

test('graph edits travel in the link', async ({ page, context }) => {
  await openApp(page);
  await page.getByLabel('Architecture').selectOption({ label: 'Dynamic-Live' });
  await expect(page.locator('[data-neuron-id="out"]')).toBeVisible();
  await page.locator('[data-neuron-id="h0"] .port').dragTo(page.locator('[data-neuron-id="out"] .body'));
  await expect(page.locator('[data-edge-id="h0->out"]')).toHaveCount(1);
  const link = await copyLink(page);
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByLabel('Architecture')).toHaveValue('live');
  await expect(other.locator('[data-edge-id="h0->out"]')).toHaveCount(1);
  // The link carries the recipe, not the weights: out starts uniform over its three sources.
  await expect(other.locator('[data-edge-id="h0->out"]')).toHaveAttribute('data-weight', '0.3333');
});

test('a link with trained weights opens on the same network and the same heatmap at once', async ({
  page,
  context,
}) => {
  await openApp(page);
  await chooseBackend(page, 'cpu');
  await page.getByLabel('Speed').fill('4');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => Number(await page.getByTestId('step').textContent())).toBeGreaterThan(300);
  await page.getByRole('button', { name: 'Pause' }).click();
  // Wait until the page shows the step the engine stopped at (the last frame, with its heatmap).
  const step = String(await engineStep(page));
  await expect(page.getByTestId('step')).toHaveText(step);
  const picture = await page.getByTestId('heatmap').evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const link = await copyLink(page, true);
  expect(link).toContain('&w=');

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('step')).toHaveText(step);
  await expect
    .poll(() => other.getByTestId('heatmap').evaluate((c: HTMLCanvasElement) => c.toDataURL()))
    .toBe(picture);
});

/** What Export file saves now (after every step the engine was told to take: it answers in order). */
async function exported(page: Page) {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export file' }).click();
  const file = await (await downloading).path();
  return JSON.parse((await import('node:fs')).readFileSync(file, 'utf8'));
}

/** Steps one at a time on each page (in front: a page behind draws its frames rarely); the losses shown after each. */
async function stepEach(pages: Page[], from: number, n: number): Promise<string[][][]> {
  const shown: string[][][] = [];
  for (const p of pages) {
    await p.bringToFront();
    const losses: string[][] = [];
    for (let step = from + 1; step <= from + n; step++) {
      await p.getByRole('button', { name: 'Step' }).click();
      await expect(p.getByTestId('step')).toHaveText(String(step));
      losses.push([
        (await p.getByTestId('loss').textContent())!,
        (await p.getByTestId('test-loss').textContent())!,
      ]);
    }
    shown.push(losses);
  }
  return shown;
}

test('a link with trained weights goes on exactly as the sender: 10 more steps, the same losses', async ({
  page,
  context,
}) => {
  await openApp(page);
  await chooseBackend(page, 'cpu');
  await page.getByLabel('Architecture').selectOption({ label: 'Dynamic Input Activation' });
  await page.getByLabel('Optimizer').selectOption('adam');
  await page.getByLabel('Learning rate').fill('0.01');
  await page.getByLabel('Learning rate').press('Enter');
  await page.getByLabel('Noise').fill('20');
  await expect(page.getByTestId('event-log')).toContainText('Dynamic Input Activation network');
  await page.getByLabel('Speed').fill('4');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => Number(await page.getByTestId('step').textContent())).toBeGreaterThan(200);
  await page.getByRole('button', { name: 'Pause' }).click();
  const step = await engineStep(page);
  await expect(page.getByTestId('step')).toHaveText(String(step));
  const link = await copyLink(page, true);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('step')).toHaveText(String(step));
  await expect(other.getByTestId('backend')).toHaveText('cpu');
  await expect(other.getByTestId('loss')).toHaveText((await page.getByTestId('loss').textContent())!);

  // The same link as one made before the state was carried: weights and step only.
  // As it stands in the link (URLSearchParams would read lz-string's '+' as a space).
  const w = /&w=([^&]*)/.exec(link)![1];
  const { state, ...weightsOnly } = JSON.parse(LZString.decompressFromEncodedURIComponent(w));
  expect(state.optimizer).toBe('adam');
  const oldLink = link.replace(w, LZString.compressToEncodedURIComponent(JSON.stringify(weightsOnly)));
  const old = await context.newPage();
  await old.goto(oldLink);
  await expect(old.getByTestId('step')).toHaveText(String(step));
  await expect(old.getByTestId('event-log')).toContainText("not the optimizer's state or the batch order");
  await expect(other.getByTestId('event-log')).not.toContainText("not the optimizer's state");

  const [sender, receiver, stateless] = await stepEach([page, other, old], step, 10);
  expect(receiver).toEqual(sender);
  // To the last bit: the weights and the state after the ten steps.
  const [a, b, c] = [await exported(page), await exported(other), await exported(old)];
  expect(b.step).toBe(step + 10);
  expect(b.weights).toEqual(a.weights);
  expect(b.state).toEqual(a.state);
  // Without the state the run goes elsewhere.
  expect(c.weights).not.toEqual(a.weights);
  expect(stateless).toHaveLength(10);
});

test('a garbage link shows an alert and a working default page', async ({ page }) => {
  await page.goto('/#v=1&s=this-is-not-a-link%7B%22');
  await expect(page.getByRole('alert')).toContainText('This link could not be used as it was');
  await expect(page.getByTestId('backend')).toHaveText(/^(wasm|cpu)$/);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText('1');
  // Link content is never injected as HTML.
  const other = await page.context().newPage();
  await other.goto('/#v=1&s=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  await expect(other.getByRole('alert')).toContainText(/truncated or damaged|valid experiment data/);
  await expect(other.locator('img[src="x"]')).toHaveCount(0);
});

test('a tampered link loads its valid parts and names the bad ones', async ({ page }) => {
  const data = { ...defaultSpec(), seed: 99, mlp: { hiddenLayers: [-3, 1e9], activation: 'tanh' } };
  await page.goto(`/#v=1&s=${LZString.compressToEncodedURIComponent(JSON.stringify(data))}`);
  await expect(page.getByRole('alert')).toContainText('hidden layers must be');
  await expect(page.getByLabel('Seed')).toHaveValue('99');
  await expect(page.getByText('4 neurons', { exact: true })).toBeVisible();
  await expect(page.getByTestId('loss')).toHaveText(/^\d/);
});

test('export to a file and import it back (also by dropping it on the page); malformed files are refused', async ({
  page,
}) => {
  await openApp(page);
  await chooseBackend(page, 'cpu');
  await steps(page, 5);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export file' }).click();
  const file = await (await downloading).path();
  const text = (await import('node:fs')).readFileSync(file, 'utf8');
  const data = JSON.parse(text);
  expect(data.format).toBe('dynamic-nets-experiment');
  expect(data.step).toBe(5);
  expect(Object.keys(data.weights)).toContain('dense0/kernel');
  expect(data.history.at(-1).step).toBe(5);
  const loss = await page.getByTestId('loss').textContent();

  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('step')).toHaveText('0');
  await page
    .getByLabel('Experiment file to import')
    .setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('step')).toHaveText('5');
  await expect(page.getByTestId('loss')).toHaveText(loss!);

  // Dropping the file on the page loads it too.
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('step')).toHaveText('0');
  await page.evaluate((json) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, text);
  await expect(page.getByTestId('step')).toHaveText('5');

  await page.getByLabel('Experiment file to import').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "dynamic-nets-exp'),
  });
  await expect(page.getByRole('alert')).toContainText(
    'broken.json could not be loaded: it is not valid JSON',
  );
  await expect(page.getByTestId('step')).toHaveText('5');
});

test('pasting an unusable link into the address bar keeps the running experiment', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Task').selectOption('spiral');
  await expect(page.getByTestId('event-log')).toContainText('spiral task');
  await page.evaluate(() => (location.hash = '#v=1&s=garbage'));
  await expect(page.getByRole('alert')).toContainText('Your experiment is unchanged');
  await expect(page.getByLabel('Task')).toHaveValue('spiral');
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(new RegExp(`^#v=${SCHEMA_VERSION}&s=`));
  expect(await page.evaluate(() => location.hash)).not.toBe('#v=1&s=garbage');
});

test('L copies the link as the button does: with the trained weights when the box is checked', async ({
  page,
}) => {
  await openApp(page);
  await steps(page, 2);
  await page.locator('body').press('l');
  await expect(page.getByTestId('share-link')).toHaveValue(/#v=\d+&s=/);
  expect(await page.getByTestId('share-link').inputValue()).not.toContain('&w=');
  await page.getByLabel('include trained weights').check();
  // L is not taken while an input (the checkbox) has focus: move focus off it first.
  await page.getByLabel('include trained weights').blur();
  await page.locator('body').press('l');
  await expect(page.getByTestId('share-link')).toHaveValue(/&w=/);
});
