import { chooseBackend, engineStep, expect, openApp, test, type Page } from './fixtures';

declare global {
  interface Window {
    cspViolations?: string[];
    inlineRan?: boolean;
  }
}

/** Every Content-Security-Policy violation the page reports, as "directive: blocked URI". */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    window.cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective}: ${e.blockedURI}`),
    );
  });
  return () => page.evaluate(() => window.cspViolations ?? []);
}

test('the built app runs under its strict Content-Security-Policy, training on every backend', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const violations = await watchViolations(page);
  await openApp(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  // The policy is enforced: an inline script does not run, and is reported (on a page of its own, whose console
  // error is expected).
  const probe = await page.context().newPage();
  const probeViolations = await watchViolations(probe);
  await probe.goto('/');
  await probe.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.body.append(script);
  });
  expect(await probe.evaluate(() => window.inlineRan)).toBeUndefined();
  await expect.poll(probeViolations).toEqual([expect.stringMatching(/^script-src/)]);
  await probe.close();

  for (const backend of ['cpu', 'wasm', 'webgl', 'webgpu']) {
    await chooseBackend(page, backend);
    // The engine's own step, after the reload the backend change made (the counter may still show the last one).
    const before = await engineStep(page);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(async () => Number(await page.getByTestId('step').textContent()))
      .toBeGreaterThan(before + 20);
    await page.getByRole('button', { name: 'Pause' }).click();
  }
  // Each architecture's views draw under it too.
  for (const label of ['Dynamic Input Activation', 'Dynamic-Live', 'Fixed-Point Wormhole']) {
    await page.getByLabel('Architecture').selectOption({ label });
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('step')).toHaveText('1');
  }
  expect(await violations()).toEqual([]);
});
