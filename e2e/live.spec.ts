import LZString from 'lz-string';
import { dragNeuronDown, engineStep, expect, openApp, stepCount, test, type Page } from './fixtures';

async function openLive(page: Page) {
  await openApp(page);
  await page.getByLabel('Architecture').selectOption({ label: 'Dynamic-Live' });
  await expect(page.getByTestId('event-log')).toContainText('Dynamic-Live network');
  await expect(page.locator('[data-neuron-id="out"]')).toBeVisible();
}

const edge = (page: Page, id: string) =>
  page.locator(`svg[data-testid="network-graph"] [data-edge-id="${id}"]`);

test('negative rewards until a rewiring: the log shows it and the edge changes in the graph', async ({
  page,
}) => {
  await openLive(page);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText('1');
  const log = page.getByTestId('event-log');
  for (let i = 0; i < 60 && !(await log.textContent())!.includes('disconnected'); i++) {
    await page.getByRole('button', { name: 'Reward −1' }).click();
    await expect(log.locator('li').first()).toContainText(/reward|connected/);
  }
  const entry = log.locator('li.has-edge', { hasText: 'disconnected' }).first();
  await expect(entry).toContainText(/disconnected (\S+) → (\S+) \(reward -/);
  const edgeId = await entry.getAttribute('data-edge');
  // The disconnected edge is drawn as allowed-but-unconnected, with weight 0.
  await expect(edge(page, edgeId!)).toHaveAttribute('data-weight', '0.000');
  await expect(edge(page, edgeId!)).toHaveClass(/unconnected/);
  // Hovering the log entry highlights the edge.
  await entry.hover();
  await expect(edge(page, edgeId!)).toHaveClass(/highlight/);
});

test('drag from one neuron to another connects them; dragging the edge away removes it', async ({ page }) => {
  await openLive(page);
  await expect(edge(page, 'h0->out')).toHaveCount(0);
  await page.locator('[data-neuron-id="h0"] .port').dragTo(page.locator('[data-neuron-id="out"] .body'));
  await expect(edge(page, 'h0->out')).toHaveCount(1);
  // out had [0.5, 0.5]; the new source starts at 1/3, then the three renormalise: (1/3) / (4/3) = 0.25.
  await expect(edge(page, 'h0->out')).toHaveAttribute('data-weight', '0.2500');
  await expect(page.getByTestId('event-log')).not.toContainText('already');

  // Drag the edge h1 -> out well away from where it lies.
  const box = (await edge(page, 'in->h1').locator('.edge-hit').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 120, { steps: 8 });
  await page.mouse.up();
  await expect(edge(page, 'in->h1')).toHaveCount(0);
});

test('impossible edits are refused with a message', async ({ page }) => {
  await openLive(page);
  await page.locator('[data-neuron-id="h1"] .port').dragTo(page.locator('[data-neuron-id="in"] .body'));
  await expect(page.getByRole('alert')).toContainText('in is an input');
  await page.locator('[data-neuron-id="in"] .port').dragTo(page.locator('[data-neuron-id="h1"] .body'));
  await expect(page.getByRole('alert').filter({ hasText: 'already exists' })).toBeVisible();
});

test('edits survive Play and go into the spec: add, connect, delete a neuron', async ({ page }) => {
  await openLive(page);
  await page.getByRole('button', { name: 'Add neuron' }).click();
  await expect(page.locator('[data-neuron-id="h3"]')).toBeVisible();
  await expect(edge(page, 'in->h3')).toHaveCount(1);
  await page.locator('[data-neuron-id="h3"] .port').dragTo(page.locator('[data-neuron-id="out"] .body'));
  await expect(edge(page, 'h3->out')).toHaveCount(1);
  await page.getByLabel('Speed').fill('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await page.getByTestId('step').textContent())).toBeGreaterThan(500);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(edge(page, 'h3->out')).toHaveCount(1);
  await expect(edge(page, 'h3->out')).toHaveAttribute('data-weight', /^\d/);
  // Select h3 and delete it.
  await page.locator('[data-neuron-id="h3"] .body').click();
  await page.getByRole('button', { name: 'Delete h3' }).click();
  await expect(page.locator('[data-neuron-id="h3"]')).toHaveCount(0);
  await expect(edge(page, 'h3->out')).toHaveCount(0);
});

test('dragging a neuron moves it and keeps its edges attached', async ({ page }) => {
  await openLive(page);
  const node = page.locator('[data-neuron-id="h2"]');
  const before = await node.getAttribute('transform');
  await dragNeuronDown(page, node, 60);
  await expect(node).not.toHaveAttribute('transform', before!);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText('1');
  await expect(node).not.toHaveAttribute('transform', before!);
});

test('an edge can be added and removed without a pointer, from the Connect controls', async ({ page }) => {
  await openLive(page);
  await page.getByLabel('Connect from').selectOption('out');
  await page.getByLabel('Connect to', { exact: true }).selectOption('h2');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(edge(page, 'out->h2')).toHaveCount(1);
  await page.getByRole('button', { name: 'Remove edge' }).click();
  await expect(edge(page, 'out->h2')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('at full speed a rewiring storm reaches the log counted per frame, and Pause still answers', async ({
  page,
}) => {
  await openLive(page);
  // Target-blind rewards, large steps and certain reconnection: many rewirings every step.
  await page.getByLabel('Reward', { exact: true }).selectOption('reference');
  for (const [label, value] of [
    ['Live learning rate', '2'],
    ['Rewiring probability', '1'],
  ]) {
    await page.getByLabel(label).fill(value);
    await page.getByLabel(label).press('Enter');
  }
  await expect(page.getByTestId('step')).toHaveText('0');
  await page.getByLabel('Speed').fill('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await page.getByTestId('step').textContent())).toBeGreaterThan(2000);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByTestId('event-log')).toContainText('counted rather than listed');
});

test('"as the beta code does" goes into the link, comes back on reload, and trains', async ({ page }) => {
  await openLive(page);
  const liveOfHash = async () => {
    const hash = await page.evaluate(() => location.hash);
    const s = new URLSearchParams(hash.slice(1)).get('s');
    return s
      ? (JSON.parse(LZString.decompressFromEncodedURIComponent(s)) as { live: { fidelity?: string } }).live
      : {};
  };
  const fidelity = page.getByLabel('Fidelity');
  await expect(fidelity).toHaveValue('readme');
  // The default is not written into links (links made before the field keep their text).
  await expect.poll(async () => 'fidelity' in (await liveOfHash())).toBe(false);
  await expect(page.getByText('nochinator/Dynamic-live-architecture')).toBeVisible();
  await expect(page.getByTestId('live-fidelity-differences')).toContainText('Normalisation');

  await fidelity.selectOption({ label: 'as the beta code does' });
  await expect.poll(async () => (await liveOfHash()).fidelity).toBe('beta');
  await expect(page.getByTestId('live-fidelity-note')).toContainText('commit 0a078d0');
  await expect(page.getByLabel('Memory M')).toBeDisabled();
  await expect(page.getByLabel('Rewiring probability')).toBeDisabled();

  await page.reload();
  await expect(page.getByLabel('Architecture')).toHaveValue('live');
  await expect(page.getByLabel('Fidelity')).toHaveValue('beta');
  await expect(page.getByLabel('Update mode')).toBeDisabled();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => stepCount(page)).toBeGreaterThan(200);
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(await engineStep(page)).toBeGreaterThan(200);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
