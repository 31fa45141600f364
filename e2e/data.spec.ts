/** Issue 13 in the browser: your own CSV (paste, drop), many classes, the confusion matrix, the digits. */
import { expect, openApp, test, type Page } from './fixtures';

/** A CSV of `rows` rows of 4 features, 3 well-separated classes (a, b, c) in the first two features. */
function threeClassCsv(rows: number): string {
  const lines = ['f1,f2,f3,f4,kind'];
  for (let i = 0; i < rows; i++) {
    const c = i % 3;
    const angle = (2 * Math.PI * c) / 3;
    // A fixed wobble per row (no Math.random: the same file every run).
    const wobble = ((i * 7919) % 101) / 101 - 0.5;
    lines.push(
      [3 * Math.cos(angle) + wobble, 3 * Math.sin(angle) - wobble, wobble, (i % 5) / 5, 'abc'[c]]
        .map((v) => (typeof v === 'number' ? v.toFixed(3) : v))
        .join(','),
    );
  }
  return lines.join('\n');
}

async function pasteCsv(page: Page, text: string): Promise<void> {
  const panel = page.getByTestId('csv-import');
  if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Your CSV…' }).click();
  await page.getByLabel('Paste a CSV').fill(text);
  await page.getByRole('button', { name: 'Read pasted CSV' }).click();
}

test('a pasted CSV with bad rows names their lines and loads nothing until they are skipped', async ({
  page,
}) => {
  await openApp(page);
  const good = threeClassCsv(30).split('\n');
  // Line 5 has text in a number column, line 9 a missing cell.
  good[4] = 'x,1,2,3,a';
  good[8] = '1,2,,3,b';
  await pasteCsv(page, good.join('\n'));
  const problem = page.getByTestId('csv-problem');
  await expect(problem).toContainText('2 rows cannot be used');
  await expect(problem).toContainText('line 5: "x" in column "f1" is not a number');
  await expect(problem).toContainText('line 9: missing value in column "f3"');
  await expect(problem).toContainText('Skip these 2 rows?');
  await expect(page.getByRole('button', { name: 'Use this data' })).toHaveCount(0);
  await problem.getByRole('button', { name: 'Skip them' }).click();
  await expect(page.getByTestId('csv-summary')).toHaveText(
    '28 rows, 4 features, 3 classes: a, b, c (2 bad rows skipped).',
  );
  await expect(page.getByRole('button', { name: 'Use this data' })).toBeEnabled();
});

test('a CSV that cannot be used at all says why, with its line', async ({ page }) => {
  await openApp(page);
  await pasteCsv(page, 'f1,f2,f1\n1,2,3');
  await expect(page.getByTestId('csv-problem')).toContainText('line 1: the header names column "f1" twice');
});
