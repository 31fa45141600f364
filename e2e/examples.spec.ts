import { defaultSpec, EXAMPLES, encodeLink } from '../src/experiment';
import { expect, openApp, stepCount, test } from './fixtures';

test('Examples opens a curated experiment as its link, says what to look for, and Back returns', async ({
  page,
}) => {
  await openApp(page, encodeLink(defaultSpec('mlp')));
  await expect(page.getByTestId('example-note')).toHaveCount(0);
  const spiral = EXAMPLES.find((e) => e.id === 'mlp-spiral-sin')!;

  await page.getByText('Examples', { exact: true }).click();
  await page.getByTestId('example-mlp-spiral-sin').click();
  await expect(page.getByTestId('event-log')).toContainText('4-8-8-8-8-8-8-1 MLP on the spiral task');
  await expect(page.getByTestId('example-note')).toContainText('What to look for: Six layers of 8');
  await expect(page.getByLabel('Task')).toHaveValue('spiral');
  // The address bar holds the example's link (shared, it opens the same experiment with its caption).
  expect(await page.evaluate(() => location.hash)).toBe(encodeLink(spiral.spec));
  // The list closed behind the choice.
  await expect(page.getByTestId('example-mlp-spiral-plain')).toBeHidden();

  // Changing how it is shown keeps the caption; changing the experiment drops it.
  await page.getByLabel('Speed').fill('1');
  await expect(page.getByTestId('example-note')).toBeVisible();
  await page.getByLabel('Learning rate').fill('0.1');
  await page.getByLabel('Learning rate').press('Enter');
  await expect(page.getByTestId('example-note')).toHaveCount(0);

  // Back: the experiment before the example.
  await page.goBack();
  await expect(page.getByLabel('Task')).toHaveValue('circle');
  await expect(page.getByTestId('event-log')).toContainText('2-4-2-1 MLP on the circle task');
  expect(await stepCount(page)).toBe(0);
});

test('a shared example link shows its caption on a fresh page, from the keyboard too', async ({ page }) => {
  const circle = EXAMPLES.find((e) => e.id === 'mlp-circle-squares')!;
  await openApp(page, encodeLink(circle.spec));
  await expect(page.getByTestId('example-note')).toContainText('one hidden neuron reaches 100%');
  await page.goto('/');
  await expect(page.getByTestId('loss')).toHaveText(/^\d/);
  // Keyboard only: the summary opens the list, Tab reaches the examples, Enter opens one.
  await page.locator('.examples > summary').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('example-mlp-circle-squares').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('example-note')).toContainText('The circle from');
});
