/**
 * Export PyTorch script (issue 15): the button beside Export file downloads a .py file named by the architecture,
 * for every architecture (Dynamic-Live's is plain Python).
 */
import { chooseBackend, expect, openApp, test, type Page } from './fixtures';

async function downloadScript(page: Page): Promise<{ name: string; text: string }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PyTorch script' }).click();
  const download = await downloading;
  const text = (await import('node:fs')).readFileSync((await download.path())!, 'utf8');
  return { name: download.suggestedFilename(), text };
}

test('Export PyTorch script downloads a .py file whose name says the architecture', async ({ page }) => {
  await openApp(page);
  await chooseBackend(page, 'cpu');
  for (let step = 1; step <= 3; step++) {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('step')).toHaveText(String(step));
  }
  const mlp = await downloadScript(page);
  expect(mlp.name).toBe('mlp_circle_step3.py');
  expect(mlp.text).toMatch(/^"""MLP: circle, seed 1, exported from the Dynamic Nets Playground at step 3\./);
  expect(mlp.text).toContain('"dense0/kernel": [');
  expect(mlp.text).toContain('STEP = 3');

  await page.getByLabel('Architecture').selectOption({ label: 'Fixed-Point Wormhole' });
  const wormhole = await downloadScript(page);
  expect(wormhole.name).toMatch(/^wormhole_circle_step\d+\.py$/);
  expect(wormhole.text).toContain('class FixedPoint(torch.autograd.Function):');

  // Dynamic-Live: its own script (plain Python), named by its reward task; no "not yet" alert any more.
  await page.getByLabel('Architecture').selectOption({ label: 'Dynamic-Live' });
  await expect(page.getByTestId('event-log')).toContainText('Dynamic-Live network');
  for (let step = 1; step <= 2; step++) {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('step')).toHaveText(String(step));
  }
  const live = await downloadScript(page);
  expect(live.name).toBe('live_temporal_xor_step2.py');
  expect(live.text).toMatch(
    /^"""Dynamic-Live network: temporal-xor, seed 1, as its README describes, exported .* at step 2\./,
  );
  expect(live.text).toContain('class ReadmeTrainer:');
  expect(live.text).toContain('"neuron/out": [');
  expect(live.text).toContain('STEP = 2');
  await expect(page.getByRole('alert').filter({ hasText: 'PyTorch' })).toHaveCount(0);
});
