import { expect, openApp, test, type Page } from './fixtures';

/** Logs every value the step counter shows, from now on. */
async function logSteps(page: Page): Promise<void> {
  await page.evaluate(() => {
    const counter = document.querySelector('[data-testid="step"]')!;
    const log = [counter.textContent];
    (window as unknown as { shownSteps: (string | null)[] }).shownSteps = log;
    new MutationObserver(() => log.push(counter.textContent)).observe(counter, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
}
const shownSteps = (page: Page) =>
  page.evaluate(() => (window as unknown as { shownSteps: string[] }).shownSteps.map(Number));

test('slow motion shows every step: Play from 0 shows 1 before 2, and again after each Pause', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Speed').fill('0');
  await expect(page.getByText('slow motion')).toBeVisible();
  await logSteps(page);
  for (let round = 0; round < 2; round++) {
    const from = (await shownSteps(page)).at(-1)!;
    await page.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(async () => (await shownSteps(page)).at(-1), { timeout: 20_000 })
      .toBeGreaterThan(from + 1);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    const shown = (await shownSteps(page)).filter((s, i, all) => s !== all[i - 1]);
    // One step at a time: no value is skipped.
    const after = shown.slice(shown.indexOf(from));
    expect(after.slice(0, 3)).toEqual([from, from + 1, from + 2]);
  }
});
