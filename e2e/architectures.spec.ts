import { expect, openApp, test } from './fixtures';

/** Each architecture, picked from the Architecture control: what its registry entry must put on the page. */
const ARCHITECTURES = [
  {
    label: 'Dynamic Input Activation',
    info: 'Shape fix.',
    graph: '[data-gate]',
    output: 'test-accuracy-gate-on',
  },
  {
    label: 'Dynamic-Live',
    info: 'Learning from rewards.',
    graph: '[data-neuron-id="h0"]',
    output: 'mean-reward',
  },
  {
    label: 'Fixed-Point Wormhole',
    info: 'Fixed point.',
    graph: '[data-wormhole="3->1"]',
    output: 'test-accuracy',
  },
  {
    label: 'MLP (baseline)',
    info: 'A plain multilayer perceptron',
    graph: '[data-neuron-id="h2.1"]',
    output: 'test-loss',
  },
];

test('every architecture of the Architecture control loads its own panels, graph and read-outs, and steps', async ({
  page,
}) => {
  await openApp(page);
  for (const arch of ARCHITECTURES) {
    await page.getByLabel('Architecture').selectOption({ label: arch.label });
    await expect(page.getByText(arch.info)).toBeVisible();
    await expect(page.getByTestId('network-graph').locator(arch.graph).first()).toBeVisible();
    await expect(page.getByTestId('step')).toHaveText('0');
    // Two steps: Live's first reward comes on its second step.
    for (const step of ['1', '2']) {
      await page.getByRole('button', { name: 'Step' }).click();
      await expect(page.getByTestId('step')).toHaveText(step);
    }
    await expect(page.getByTestId(arch.output)).toBeVisible();
    // The metrics are this architecture's rows and follow its frames (after a switch from one with more rows).
    await expect(page.getByTestId('loss')).toHaveText(/^\d/);
  }
});
