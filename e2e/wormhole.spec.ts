import { expect, openApp, test, type Page } from './fixtures';

async function openWormhole(page: Page) {
  await openApp(page);
  await page.getByLabel('Architecture').selectOption({ label: 'Fixed-Point Wormhole' });
  await expect(page.getByTestId('event-log')).toContainText('Fixed-Point Wormhole network');
  await expect(page.getByTestId('fp-iterations')).toHaveText(/^\d+$/);
}

const sweeps = async (page: Page) => Number(await page.getByTestId('fp-iterations').textContent());

test('the convergence view shows a residual trace that ends below tol, with its iteration count', async ({
  page,
}) => {
  await openWormhole(page);
  await expect(page.getByTestId('fp-stop')).toHaveText('tol (converged)');
  const residual = Number(await page.getByTestId('fp-residual').textContent());
  expect(residual).toBeLessThan(1e-4);
  const n = await sweeps(page);
  expect(n).toBeGreaterThanOrEqual(2);
  // The plotted trace has one point per sweep, falling to the tol line.
  const d = await page.locator('.residual-line').getAttribute('d');
  expect(d!.split(/[ML]/).filter(Boolean)).toHaveLength(n);
  await expect(page.locator('.tol-label')).toHaveText('tol 0.0001');
  // Picking another sample by clicking the plane replays its solve.
  await page.getByTestId('heatmap').click({ position: { x: 20, y: 20 } });
  await expect(page.getByTestId('convergence')).toContainText('Sample (-5.');
  await expect(page.getByTestId('iterations-heatmap')).toBeVisible();
});

test('switching the solver changes the iteration count shown', async ({ page }) => {
  await openWormhole(page);
  // Open the gates so that the fixed point takes real work.
  await page.getByLabel('Gate bias at start').fill('3');
  await page.getByLabel('Gate bias at start').press('Enter');
  await expect(page.getByTestId('fp-stop')).toHaveText('tol (converged)');
  await page.getByLabel('Solver', { exact: true }).selectOption('Anderson');
  await expect(page.getByTestId('fp-stop')).toHaveText('tol (converged)');
  const anderson = await sweeps(page);
  await page.getByLabel('Solver', { exact: true }).selectOption('Plain');
  await expect.poll(() => sweeps(page)).not.toBe(anderson);
  expect(await sweeps(page)).toBeGreaterThan(anderson);
});

test('adding a wormhole by drag creates its arc; dragging the arc away removes it', async ({ page }) => {
  await openWormhole(page);
  await expect(page.locator('[data-wormhole]')).toHaveCount(1);
  await page.locator('[data-neuron-id="y"]').dragTo(page.locator('[data-neuron-id="h2.0"]'));
  await expect(page.locator('[data-wormhole="3->2"]')).toHaveCount(1);
  await expect(page.locator('[data-wormhole="3->2"]')).toHaveAttribute('data-gate', /^0\.\d+/);
  // Grab the arc near its earlier-layer end (away from the new arc) and pull it well away.
  const mid = await page.locator('[data-wormhole="3->1"] .edge-hit').evaluate((p: SVGPathElement) => {
    const point = p.getPointAtLength(p.getTotalLength() * 0.8);
    const m = p.getScreenCTM()!;
    return { x: point.x * m.a + m.e, y: point.y * m.d + m.f };
  });
  await page.mouse.move(mid.x, mid.y);
  await page.mouse.down();
  await page.mouse.move(mid.x, mid.y + 120, { steps: 6 });
  await page.mouse.up();
  await expect(page.locator('[data-wormhole="3->1"]')).toHaveCount(0);
  await expect(page.locator('[data-wormhole]')).toHaveCount(1);
});

test('a solve that hits maxIter is shown as not converged, and the pause policy stops training', async ({
  page,
}) => {
  await openWormhole(page);
  await page.getByLabel('Gate bias at start').fill('3');
  await page.getByLabel('Gate bias at start').press('Enter');
  await page.getByLabel('Solver', { exact: true }).selectOption('Plain');
  await page.getByLabel('When a solve does not converge').selectOption('pause');
  await page.getByLabel('Max iterations', { exact: true }).fill('2');
  await page.getByLabel('Max iterations', { exact: true }).press('Enter');
  await expect(page.getByTestId('fp-stop')).toHaveText('maxIter (not converged)');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('hit maxIter');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(page.getByTestId('fp-failures-forward')).toHaveText('1');
});

test('forward and adjoint solves that do not converge are counted apart, per step and in total', async ({
  page,
}) => {
  await openWormhole(page);
  await page.getByLabel('Gate bias at start').fill('3');
  await page.getByLabel('Gate bias at start').press('Enter');
  await page.getByLabel('Adjoint solver').selectOption('Plain');
  await page.getByLabel('Adjoint max iterations').fill('1');
  await page.getByLabel('Adjoint max iterations').press('Enter');
  await expect(page.getByTestId('fp-failures-adjoint')).toHaveText('0');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText('1');
  await expect(page.getByTestId('fp-training')).toContainText('the adjoint solve 1 iterations (maxIter)');
  await expect(page.getByTestId('fp-failures-adjoint')).toHaveText('1');
  await expect(page.getByTestId('fp-failures-forward')).toHaveText('0');
  await expect(page.getByTestId('event-log')).toContainText(
    'the adjoint solve (implicit gradient) of training step 1 hit maxIter after 1 iterations',
  );
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText('2');
  await expect(page.getByTestId('fp-failures-adjoint')).toHaveText('2');
});

test('the Wormhole trains on a sequence task with a long-term dependency', async ({ page }) => {
  await openWormhole(page);
  await page.getByLabel('Task').selectOption('temporal-xor');
  await expect(page.getByLabel('Sequence length T')).toHaveValue('6');
  await expect(page.locator('[data-neuron-id="b6"]')).toBeVisible();
  await expect(page.getByTestId('heatmap')).toBeHidden();
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step')).toHaveText('1');
  await expect(page.getByTestId('fp-stop')).toHaveText(/tol|maxIter/);
  await expect(page.getByTestId('fp-training')).toContainText(
    /its batch took \d+ sweeps .*the adjoint solve \d+ iterations/,
  );
});

test('a wormhole can be added and removed without a pointer', async ({ page }) => {
  await openWormhole(page);
  await page.getByLabel('Wormhole from layer').selectOption('3');
  await page.getByLabel('back to layer').selectOption('2');
  await page.getByRole('button', { name: 'Add wormhole' }).click();
  await expect(page.locator('[data-wormhole="3->2"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Remove wormhole' }).click();
  await expect(page.locator('[data-wormhole="3->2"]')).toHaveCount(0);
  await expect(page.locator('[data-wormhole="3->1"]')).toHaveCount(1);
});

test('the sweeps map says how its sweeps relate to the decision boundary and to the gates', async ({
  page,
}) => {
  await openWormhole(page);
  const relations = page.getByTestId('sweeps-relations');
  await expect(relations).toContainText(
    /\d+-\d+ sweeps; rank correlation with the distance to the decision boundary/,
  );
  await expect(relations).toContainText(/with the gate value (ρ [+−]?\d\.\d\d|none)$/);
});
