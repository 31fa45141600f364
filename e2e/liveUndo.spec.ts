/**
 * Issue 14: undo and redo (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y) of every Dynamic-Live graph edit — neurons added,
 * deleted and moved — with the spec and the address going back exactly; and a Live weight typed without a pointer.
 */
import { decodeLink, type LiveSpec } from '../src/experiment';
import { dragNeuronDown, expect, openApp, stepCount, test, type Page } from './fixtures';

async function openLive(page: Page): Promise<void> {
  await openApp(page);
  await page.getByLabel('Architecture').selectOption({ label: 'Dynamic-Live' });
  await expect(page.locator('[data-neuron-id="out"]')).toBeVisible();
  await expect(page.getByTestId('step')).toHaveText('0');
}

/** The Live graph the page's address holds (what a copied link would carry). */
async function liveOfAddress(page: Page): Promise<Pick<LiveSpec, 'layers' | 'sources' | 'positions'>> {
  const hash = await page.evaluate(() => location.hash);
  const { layers, sources, positions } = decodeLink(hash).spec.live;
  return structuredClone({ layers, sources, positions });
}

/** Waits until the address holds this graph. */
const addressHolds = (page: Page, live: Awaited<ReturnType<typeof liveOfAddress>>) =>
  expect.poll(() => liveOfAddress(page)).toEqual(live);

/** Presses Tab until `locator` has focus (bounded). */
async function tabTo(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('never reached by Tab');
}

const neuron = (page: Page, id: string) => page.locator(`g.neuron[data-neuron-id="${id}"]`);
const edge = (page: Page, id: string) => page.locator(`g.edge[data-edge-id="${id}"]`);

test('keyboard only: a Live neuron added, deleted and moved is undone and redone exactly (graph and address)', async ({
  page,
}) => {
  await openLive(page);
  const log = page.getByTestId('event-log');
  const start = await liveOfAddress(page);
  await addressHolds(page, start);

  // Add a neuron (Tab, Enter), undo it with Ctrl+Z, redo it with Ctrl+Shift+Z.
  await tabTo(page, page.getByRole('button', { name: 'Add neuron' }));
  await page.keyboard.press('Enter');
  await expect(neuron(page, 'h3')).toHaveCount(1);
  await expect.poll(async () => (await liveOfAddress(page)).layers[1]).toEqual(['h0', 'h1', 'h2', 'h3']);
  const added = await liveOfAddress(page);
  await page.keyboard.press('Control+z');
  await expect(neuron(page, 'h3')).toHaveCount(0);
  await addressHolds(page, start);
  await expect(log).toContainText('undo: neuron h3 is gone');
  await page.keyboard.press('Control+Shift+z');
  await expect(neuron(page, 'h3')).toHaveCount(1);
  await addressHolds(page, added);
  await page.keyboard.press('Control+z');
  await addressHolds(page, start);

  // Delete h1 (Tab to it, Enter, Delete): undo puts it back with its edges, each list in its order.
  await tabTo(page, neuron(page, 'h1'));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  await expect(neuron(page, 'h1')).toHaveCount(0);
  await expect(edge(page, 'h1->out')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(neuron(page, 'h1')).toHaveCount(1);
  await expect(edge(page, 'h1->out')).toHaveCount(1);
  await expect(edge(page, 'h0->h1')).toHaveCount(1);
  await addressHolds(page, start);
  expect((await liveOfAddress(page)).sources.out).toEqual(['h1', 'h2']);
  await expect(log).toContainText('undo: neuron h1 is back');
  await page.keyboard.press('Control+y');
  await expect(neuron(page, 'h1')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(neuron(page, 'h1')).toHaveCount(1);

  // Move h2 (a drag: moves have no key), then undo with the keyboard: back in its column, no position kept.
  const h2 = neuron(page, 'h2');
  const placed = await h2.getAttribute('transform');
  await dragNeuronDown(page, h2, 60);
  await expect(h2).not.toHaveAttribute('transform', placed!);
  await expect.poll(async () => Object.keys((await liveOfAddress(page)).positions)).toEqual(['h2']);
  await page.locator('body').press('Control+z');
  await expect(h2).toHaveAttribute('transform', placed!);
  await addressHolds(page, start);

  // Training goes on from the restored graph.
  const before = await stepCount(page);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText(String(before + 1));
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('keyboard only: a Live weight is typed, the neuron keeps summing to 1, a bad value is refused, undo puts it back', async ({
  page,
}) => {
  await openLive(page);
  // out reads h1 and h2, 0.5 each before any training.
  await expect(edge(page, 'h1->out')).toHaveAttribute('data-weight', '0.5000');
  await page.locator('.weight-by-keyboard > summary').focus();
  await page.keyboard.press('Enter');
  const connection = page.getByRole('combobox', { name: 'Connection', exact: true });
  await connection.focus();
  await connection.selectOption({ label: 'h1 → out' });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Edit weight' })).toBeFocused();
  await page.keyboard.press('Enter');
  const input = page.getByLabel('Weight h1 → out');
  await expect(input).toBeFocused();
  await expect(page.getByTestId('live-weight-note')).toHaveText(/out's weights sum to 1/);

  // Outside 0-1 (as the README describes, weights are never negative): refused, nothing changes.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('1.5');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('weight-editor').getByRole('alert')).toHaveText(
    'The weight h1 → out must be from 0 to 1; kept 0.5.',
  );
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('0.8');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('weight-editor')).toBeHidden();
  // The engine scaled the other weight: 0.8 + 0.2 = 1.
  await expect(edge(page, 'h1->out')).toHaveAttribute('data-weight', '0.8000');
  await expect(edge(page, 'h2->out')).toHaveAttribute('data-weight', '0.2000');

  await page.locator('body').press('Control+z');
  await expect(edge(page, 'h1->out')).toHaveAttribute('data-weight', '0.5000');
  await expect(edge(page, 'h2->out')).toHaveAttribute('data-weight', '0.5000');
  await page.locator('body').press('Control+y');
  await expect(edge(page, 'h1->out')).toHaveAttribute('data-weight', '0.8000');
  await expect(edge(page, 'h2->out')).toHaveAttribute('data-weight', '0.2000');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText('1');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a click on a Live edge opens the same editor', async ({ page }) => {
  await openLive(page);
  // A straight edge has a box of height 0 (Playwright calls it invisible): the pointer clicks its middle anyway.
  await edge(page, 'in->h1').locator('path.edge-hit').click({ force: true });
  await expect(page.getByLabel('Weight in → h1')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('0.25');
  await page.keyboard.press('Enter');
  await expect(edge(page, 'in->h1')).toHaveAttribute('data-weight', '0.2500');
  await expect(edge(page, 'h0->h1')).toHaveAttribute('data-weight', '0.7500');
});
