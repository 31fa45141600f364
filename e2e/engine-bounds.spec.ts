import LZString from 'lz-string';
import { readFileSync } from 'node:fs';
import { decodeLink, defaultSpec, encodeLink, SCHEMA_VERSION } from '../src/experiment';
import { heaviestWormhole } from '../src/experiment/testing/heaviest';
import { chooseBackend, engineStep, expect, openApp, stepCount, test, type Page } from './fixtures';

/** The hanging link: 12 fully recurrent hidden neurons, depth 20, memory 32, recursive updates. */
function hangingLiveLink(): string {
  const spec = defaultSpec('live');
  const hidden = Array.from({ length: 12 }, (_, i) => `h${i}`);
  spec.live = {
    ...spec.live,
    depth: 20,
    memory: 32,
    update: 'recursive',
    layers: [['in'], hidden, ['out']],
    sources: { ...Object.fromEntries(hidden.map((h) => [h, ['in', ...hidden]])), out: hidden },
  };
  return `/#v=${SCHEMA_VERSION}&s=${LZString.compressToEncodedURIComponent(JSON.stringify(spec))}`;
}

/** The trained weights and step, as Export file writes them. */
async function exported(
  page: Page,
): Promise<{ step: number; weights: Record<string, { values: number[] }> }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export file' }).click();
  const data = JSON.parse(readFileSync((await (await downloading).path())!, 'utf8'));
  return { step: data.step, weights: data.weights };
}

test('the hanging Live link ends in an alert naming what to change, and a working engine', async ({
  page,
}) => {
  await page.goto(hangingLiveLink());
  const alert = page.getByRole('alert').filter({ hasText: 'recursive update mode' });
  await expect(alert).toContainText(/Set Update mode to auto or accumulate .*lower Depth D to \d+/);
  // The engine answers: the setting it names loads and trains.
  await page.getByLabel('Update mode').selectOption('accumulate');
  await expect(page.getByTestId('step')).toHaveText('0');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText('1');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await page.getByTestId('step').textContent())).toBeGreaterThan(40);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('a worker that closes itself is detected, and Restart engine goes on with its weights, step and history', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openApp(page);
  await chooseBackend(page, 'cpu');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await page.getByTestId('step').textContent())).toBeGreaterThan(200);
  await page.getByRole('button', { name: 'Pause' }).click();
  const before = await exported(page);
  expect(before.step).toBeGreaterThan(200);
  await expect(page.getByTestId('step')).toHaveText(String(before.step));

  // The engine's worker ends itself (as a crash inside it would): the page gets no event, only silence.
  const workers = page.workers();
  expect(workers).toHaveLength(1);
  await workers[0].evaluate(() => self.close()).catch(() => undefined);
  const alert = page.getByRole('alert').filter({ hasText: 'The engine stopped answering' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText(`goes on from step ${before.step}`);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  await alert.getByRole('button', { name: 'Restart engine' }).click();
  await expect(alert).toHaveCount(0);
  await expect(page.getByTestId('backend')).toHaveText('cpu');
  expect(await engineStep(page)).toBe(before.step);
  await expect(page.getByTestId('step')).toHaveText(String(before.step));
  const after = await exported(page);
  expect(after.step).toBe(before.step);
  expect(after.weights).toEqual(before.weights);
  // The history goes on: the log still has the first load, and training continues from there.
  await expect(page.getByTestId('event-log')).toContainText('loaded a 2-4-2-1 MLP');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText(String(before.step + 1));
});

test('a link whose network is over the work budget, opened while an experiment trains, leaves that experiment and its link', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText('1');
  // The heaviest Wormhole: valid, and refused by the engine before it runs.
  await page.evaluate((hash) => (location.hash = hash), encodeLink(heaviestWormhole()));
  const alert = page.getByRole('alert').filter({ hasText: 'is back' });
  await expect(alert).toContainText(
    /Lower Max iterations .*The experiment that was running is back, paused\./,
  );
  await expect(page.getByLabel('Architecture')).toHaveValue('mlp');
  // The address bar holds the running experiment's link again.
  await expect
    .poll(async () => decodeLink(await page.evaluate(() => location.hash)).spec)
    .toEqual(defaultSpec('mlp'));
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText('2');
  expect(await engineStep(page)).toBe(2);
  expect(await stepCount(page)).toBe(2);
});
