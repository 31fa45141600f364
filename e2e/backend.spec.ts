import { chooseBackend, expect, openApp, test } from './fixtures';

const RATE = String.raw`(wasm|cpu) \d+(\.\d)?k? steps/s`;

test('"auto" shows the backend it measured fastest and the rates it measured', async ({ page }) => {
  await openApp(page);
  const measured = page.getByTestId('backend-measured');
  // On the software adapter "auto" measures wasm and cpu (not WebGPU), fastest first.
  await expect(measured).toHaveText(new RegExp(`^auto: (wasm|cpu) — ${RATE}, ${RATE}$`));
  const text = (await measured.textContent())!;
  const [, chosen, first, second] = /^auto: (\w+) — (\w+) .*, (\w+) /.exec(text)!;
  expect(chosen).toBe(first);
  expect(new Set([first, second])).toEqual(new Set(['wasm', 'cpu']));
  await expect(page.getByTestId('backend')).toHaveText(chosen);
  // A forced backend is not measured: the rates go away.
  await chooseBackend(page, 'cpu');
  await expect(measured).toHaveCount(0);
});
