import { defaultSpec, encodeLink } from '../src/experiment';
import { expect, openApp, test } from './fixtures';

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

test('Rewind says why it is not offered for Dynamic-Live', async ({ page }) => {
  await page.goto(`/${encodeLink(defaultSpec('live'))}`);
  await expect(page.getByTestId('backend')).toHaveText(/^(webgpu|webgl|wasm|cpu)$/);
  await expect(page.getByTestId('rewind-note')).toContainText('not offered for Dynamic-Live');
  await expect(page.getByLabel('Rewind')).toHaveCount(0);
});
