/**
 * The WGSL training kernels (src/engine/arch/{mlp,dian}/fusedStep.wgsl.ts) in the real Chromium on its software
 * WebGPU adapter (SwiftShader), against the typed-array kernel on tfjs's cpu backend (which the unit tests match
 * against autodiff): the same spec trained 50 steps in uneven calls on both, then the weights, the 100x100
 * heatmap and the DIAN's gate trace compared. The test page (e2e/pages/wgslCheck.ts) is built with the app.
 */
import { chooseBackend, engineStep, expect, loss, openApp, stepCount, test, type Page } from './fixtures';
import { defaultSpec, type ExperimentSpec, type WeightMap } from '../src/experiment';
import type { CheckRequest, Trained } from './pages/wgslCheck';

const CALLS = [1, 12, 37];
const TOLERANCE = 1e-5;

async function openCheck(page: Page): Promise<void> {
  await page.goto('/e2e/pages/wgsl-check.html');
  await page.waitForFunction(() => window.wgslReady === true);
}

async function check(
  page: Page,
  spec: ExperimentSpec,
  workgroupBytes?: number,
  calls = CALLS,
  reimport = false,
): Promise<[Trained, Trained]> {
  const request: CheckRequest = { spec, calls, workgroupBytes, heatmapRes: 100, reimport };
  const [cpu, gpu] = await page.evaluate((r) => window.wgslCheck!(r), request);
  expect([cpu.backend, cpu.path]).toEqual(['cpu', 'fused']);
  expect([gpu.backend, gpu.path]).toEqual(['webgpu', 'wgsl']);
  expect([cpu.step, gpu.step]).toEqual([50, 50]);
  expect([cpu.leaked, gpu.leaked]).toEqual([0, 0]);
  return [cpu, gpu];
}

/** Largest |a - b| / max(1, |b|) over every weight; both must have the same names and sizes. */
function weightGap(a: WeightMap, b: WeightMap): number {
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  let worst = 0;
  for (const [name, { values }] of Object.entries(a)) {
    expect(values.length).toBe(b[name].values.length);
    values.forEach((v, i) => {
      const w = b[name].values[i];
      worst = Math.max(worst, Number.isFinite(v) ? Math.abs(v - w) / Math.max(1, Math.abs(w)) : Infinity);
    });
  }
  return worst;
}

/** Largest |a - b| of two equally long series; NaN must meet NaN. */
function seriesGap(a: number[], b: number[]): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  a.forEach((v, i) => {
    if (Number.isNaN(b[i]) || Number.isNaN(v)) expect([i, v]).toEqual([i, b[i]]);
    else worst = Math.max(worst, Math.abs(v - b[i]));
  });
  return worst;
}

function expectSame(cpu: Trained, gpu: Trained): void {
  expect(weightGap(gpu.weights, cpu.weights)).toBeLessThan(TOLERANCE);
  expect(gpu.heatmap.length).toBe(100 * 100);
  expect(seriesGap(gpu.heatmap, cpu.heatmap)).toBeLessThan(TOLERANCE);
  expect(seriesGap(gpu.gateTrace, cpu.gateTrace)).toBeLessThan(TOLERANCE);
}

function mlp(
  activation: ExperimentSpec['mlp']['activation'],
  optimizer: ExperimentSpec['training']['optimizer'],
  regularization: ExperimentSpec['training']['regularization'],
): ExperimentSpec {
  const s = defaultSpec('mlp');
  s.task.kind = 'xor';
  s.task.numSamples = 60;
  s.task.features = ['x1', 'x2', 'x1x2'];
  s.mlp = { hiddenLayers: [5, 3], activation };
  s.training = {
    ...s.training,
    optimizer,
    learningRate: optimizer === 'adam' ? 0.01 : 0.05,
    batchSize: 7,
    regularization,
    regularizationRate: regularization === 'l1' ? 0.01 : 0.05,
  };
  return s;
}

function dian(d: Partial<ExperimentSpec['dian']>, t: Partial<ExperimentSpec['training']>): ExperimentSpec {
  const s = defaultSpec('dian');
  s.task.kind = 'spiral';
  s.task.numSamples = 60;
  s.task.features = ['x1', 'x2', 'sin x1'];
  s.dian = { ...s.dian, layer1: 5, layer2: 4, ...d };
  s.training = { ...s.training, batchSize: 6, learningRate: t.optimizer === 'adam' ? 0.01 : 0.1, ...t };
  return s;
}

test.describe('the WGSL training kernels on the software WebGPU adapter, against the cpu kernel', () => {
  test.beforeEach(({ page }) => openCheck(page));

  for (const activation of ['tanh', 'relu', 'sigmoid', 'linear'] as const)
    test(`MLP, ${activation}: sgd, momentum and adam, with none, L1 and L2`, async ({ page }) => {
      const regs = ['l1', 'l2', 'none'] as const;
      for (const [i, optimizer] of (['sgd', 'momentum', 'adam'] as const).entries()) {
        const [cpu, gpu] = await check(page, mlp(activation, optimizer, regs[(i + activation.length) % 3]));
        expectSame(cpu, gpu);
      }
    });

  // 0 bytes: every array in storage; 1 KiB: the weights and Adam's slots in workgroup memory, some of the step's
  // arrays too, the rest in storage.
  test('MLP with no workgroup memory and with 1 KiB of it, every optimizer', async ({ page }) => {
    for (const bytes of [0, 1024])
      for (const optimizer of ['sgd', 'momentum', 'adam'] as const) {
        const [cpu, gpu] = await check(page, mlp('tanh', optimizer, 'l2'), bytes);
        expectSame(cpu, gpu);
      }
  });

  test('MLP: weights set from outside between calls keep the optimizer state, as on cpu', async ({
    page,
  }) => {
    for (const optimizer of ['momentum', 'adam'] as const) {
      const [cpu, gpu] = await check(page, mlp('sigmoid', optimizer, 'l1'), undefined, CALLS, true);
      expectSame(cpu, gpu);
    }
  });

  test('MLP: the weights moved, so the comparison says something', async ({ page }) => {
    const s = mlp('relu', 'adam', 'none');
    const [, gpu] = await check(page, s);
    const untrained = await page.evaluate((r) => window.wgslCheck!(r), {
      spec: s,
      calls: [],
      heatmapRes: 2,
    } satisfies CheckRequest);
    expect(weightGap(gpu.weights, untrained[1].weights)).toBeGreaterThan(1e-2);
  });

  // A step of these costs ~10^6 multiply-adds: one call of 50 steps runs as several dispatches (wgslTrainer.ts),
  // the DIAN's trace taken across them; the weights do not fit workgroup memory.
  test('bigger networks: one call in several dispatches', async ({ page }) => {
    const wide = mlp('relu', 'adam', 'l2');
    wide.mlp.hiddenLayers = [48, 48, 48];
    const gated = dian({ layer1: 64, layer2: 64 }, { optimizer: 'momentum' });
    for (const spec of [wide, gated]) {
      spec.training.batchSize = 30;
      const [cpu, gpu] = await check(page, spec, undefined, [50]);
      expectSame(cpu, gpu);
    }
  });

  for (const source of ['x', 'h1'] as const)
    for (const finalActivation of ['none', 'relu'] as const)
      test(`DIAN, source ${source}, final ${finalActivation}: open and closed steps, every optimizer`, async ({
        page,
      }) => {
        const regs = ['l1', 'l2', 'none'] as const;
        for (const [i, optimizer] of (['sgd', 'momentum', 'adam'] as const).entries()) {
          const regularization = regs[(i + source.length) % 3];
          const spec = dian(
            { source, finalActivation },
            { optimizer, regularization, regularizationRate: 0.01 },
          );
          const [cpu, gpu] = await check(page, spec);
          // Period 2: the trace holds open steps (a mean) and closed ones (NaN).
          expect(gpu.gateTrace.some(Number.isNaN) && gpu.gateTrace.some((g) => !Number.isNaN(g))).toBe(true);
          expectSame(cpu, gpu);
        }
      });

  test('DIAN with no and with 1 KiB of workgroup memory, the gate always on and every third step, heatmap with the gate off', async ({
    page,
  }) => {
    const specs = [
      dian({ schedule: 'always' }, { optimizer: 'adam' }),
      dian({ period: 3, source: 'h1', evaluation: 'off' }, { optimizer: 'momentum', regularization: 'l2' }),
    ];
    for (const bytes of [0, 1024])
      for (const spec of specs) {
        const [cpu, gpu] = await check(page, spec, bytes);
        expectSame(cpu, gpu);
      }
  });
});

test('the app on the WGSL kernel (?fused=always, software adapter): the DIAN steps, plays, and pauses at the engine step', async ({
  page,
}) => {
  await openApp(page, '?fused=always');
  await chooseBackend(page, 'webgpu');
  await page.getByLabel('Architecture').selectOption({ label: 'Dynamic Input Activation' });
  await expect(page.getByTestId('event-log')).toContainText('Dynamic Input Activation network');
  const gate = page.locator('[data-gate]');
  // The gate means come from the kernel's per-step output, read with the frame.
  for (let step = 1; step <= 2; step++) {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('step')).toHaveText(String(step));
    await expect(gate).toHaveAttribute('data-open', String(step % 2 === 0));
  }
  expect(Number(await gate.getAttribute('data-value'))).toBeGreaterThan(0);
  // Playing double-buffers the frames; Pause sends the one in flight, then one at the engine's step.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
  await page.getByRole('button', { name: 'Pause' }).click();
  const engine = await engineStep(page);
  await expect(page.getByTestId('step')).toHaveText(String(engine));
  expect(Number.isFinite(await loss(page))).toBe(true);
});

test("the WGSL kernel carries no optimizer state in links and refuses one (it stays on the GPU); the cpu kernel's does", async ({
  page,
}) => {
  await openCheck(page);
  const [cpu, gpu] = await page.evaluate((r) => window.wgslCheck!(r), {
    spec: defaultSpec('mlp'),
    calls: [3],
    heatmapRes: 4,
  });
  expect(gpu.path).toBe('wgsl');
  expect([cpu.carriesState, cpu.refusesState]).toEqual([true, false]);
  expect([gpu.carriesState, gpu.refusesState]).toEqual([false, true]);
});
