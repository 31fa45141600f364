/**
 * Browser part: the built app in the system Chromium (Playwright), the engine in its worker, Speed = full speed.
 * Per backend: steps/s from the step counter, long tasks (>50 ms) and animation frames on the main thread, for
 * the default MLP and then the default Dynamic Input Activation network (DIAN).
 */
import { chromiumLaunchOptions } from '../e2e/chromium';
import { chromium, type Page } from '@playwright/test';
import { defaultSpec } from '../src/experiment';
import type { BrowserRow } from './report';
import { AUTODIFF_FORCED, WGSL_FORCED } from './webgpuNote';

export const BROWSER_BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

/** The page's window once INSTRUMENT has run. */
export type BenchWindow = typeof window & {
  __longTasks: { start: number; duration: number }[];
  __frames: number;
};

/**
 * Runs in the page before the app: records long tasks and counts animation frames. A string, not a function:
 * tsx (esbuild) wraps named functions in a `__name` helper that does not exist in the page.
 */
export const INSTRUMENT = `
  window.__longTasks = [];
  window.__frames = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  requestAnimationFrame(function tick() {
    window.__frames++;
    requestAnimationFrame(tick);
  });
`;

export const probe = (page: Page) =>
  page.evaluate(() => {
    const w = window as BenchWindow;
    return {
      t: performance.now(),
      step: Number(document.querySelector('[data-testid="step"]')?.textContent ?? NaN),
      frames: w.__frames,
    };
  });

/** The instrumentation must see a deliberate 80 ms block of the main thread, or its zeros mean nothing. */
export async function selfCheck(page: Page): Promise<void> {
  const before = await page.evaluate(() => (window as BenchWindow).__longTasks?.length);
  // A task of the page's own (a CDP evaluate is not one): setTimeout, then 80 ms of busy work.
  await page.evaluate(() => {
    setTimeout(() => {
      const start = performance.now();
      while (performance.now() - start < 80) {
        // block the main thread
      }
    }, 0);
  });
  await page.waitForTimeout(200);
  const after = await page.evaluate(() => (window as BenchWindow).__longTasks?.length);
  const frames = (await probe(page)).frames;
  if (typeof before !== 'number' || !(after > before) || typeof frames !== 'number' || frames === 0)
    throw new Error(
      `bench: the long-task/frame instrumentation is not working in this page (${before}, ${after}, ${frames})`,
    );
}

/** The WebGL renderer the page gets (no GPU here: a software one). */
const webglRenderer = (page: Page) =>
  page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : 'none';
  });

export async function waitFor(what: string, ms: number, check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const { task } = defaultSpec('mlp');
const TRAIN_POINTS = Math.round(task.numSamples * task.trainRatio);

export const isBackendName = (text: string) => /^(webgpu|webgl|wasm|cpu)$/.test(text);

/** Selects a backend and waits until the engine runs on it, or on the one it fell back to. */
async function chooseBackend(page: Page, backend: string): Promise<string> {
  const shown = page.getByTestId('backend');
  const log = page.getByTestId('event-log');
  await page.getByLabel('Backend').selectOption(backend);
  let running = '';
  await waitFor(`the ${backend} backend`, 120_000, async () => {
    const text = (await shown.textContent())?.trim() ?? '';
    if (text === backend) running = text;
    // The engine posts 'ready' (the backend it ended on) before the fallback events.
    else if (isBackendName(text) && (await log.textContent())?.includes(`The ${backend} backend could not`))
      running = text;
    return running !== '';
  });
  await page.waitForTimeout(500); // the session loads after 'ready'
  return running;
}

export interface BrowserResult {
  rows: BrowserRow[];
  chromium: string;
  adapter: string;
}

/** Software paths in this container (SwiftShader): the DIAN runs there briefly, for a rough figure. */
const SLOW_BACKENDS = new Set(['webgpu', 'webgl']);

interface Measure {
  backend: string;
  variant?: string;
  running: string;
  network: 'MLP' | 'DIAN';
  adapter: string;
  windowMs: number;
  warmupMs: number;
  errors: string[];
}

/** Plays at full speed for warm-up + window, pauses, and reads steps, frames and long tasks. */
async function measure(page: Page, m: Measure): Promise<BrowserRow> {
  const batchSize = Number(await page.getByLabel('Batch size').inputValue());
  const playAt = (await probe(page)).t;
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(m.warmupMs); // the worker doubles its steps per tick up to its time budget
  const a = await probe(page);
  await page.waitForTimeout(m.windowMs);
  const b = await probe(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  const pauseAt = (await probe(page)).t;

  const longTasks = await page.evaluate(
    ([from, to]) => (window as BenchWindow).__longTasks.filter((l) => l.start >= from && l.start <= to),
    [playAt, pauseAt],
  );
  const seconds = (b.t - a.t) / 1000;
  const notes = [`${b.step - a.step} steps in ${seconds.toFixed(1)} s after ${m.warmupMs} ms warm-up`];
  if (m.network === 'DIAN' && SLOW_BACKENDS.has(m.backend)) notes.push('short window: a rough figure');
  if (longTasks.length > 0)
    notes.push(
      `long tasks at ${longTasks
        .map((l) => `+${Math.round(l.start - playAt)} ms (${Math.round(l.duration)} ms)`)
        .join(', ')} after Play`,
    );
  if (m.running === 'webgpu' && m.adapter.includes('software'))
    notes.push('software WebGPU (SwiftShader): slow, as expected');
  if (m.running === 'webgl') notes.push(`WebGL renderer: ${await webglRenderer(page)}`);
  const errors = m.errors.splice(0); // those since the last row
  if (errors.length > 0) notes.push(`page errors: ${errors.join('; ')}`);
  const row: BrowserRow = {
    name: m.backend,
    variant: m.variant,
    network: m.network,
    running: m.running,
    batchSize,
    stepsPerSecond: (b.step - a.step) / seconds,
    trainPoints: TRAIN_POINTS,
    longTasks: longTasks.length,
    longestTaskMs: Math.max(0, ...longTasks.map((l) => l.duration)),
    fps: (b.frames - a.frames) / seconds,
    windowMs: pauseAt - playAt,
    note: notes.join('; '),
  };
  console.error(
    `bench: browser ${m.backend}${m.variant ? ` (${m.variant})` : ''} ${m.network} (running ${m.running}): ${row.stepsPerSecond.toFixed(0)} ` +
      `steps/s, ${row.longTasks} long tasks, ${row.fps.toFixed(0)} fps`,
  );
  return row;
}

/** Switches the page to the default DIAN (a fresh run from step 0) and waits until it is loaded. */
async function chooseDian(page: Page): Promise<void> {
  await page.getByLabel('Architecture').selectOption('dian');
  const log = page.getByTestId('event-log');
  await waitFor('the DIAN to load', 60_000, async () => {
    const step = (await page.getByTestId('step').textContent())?.trim();
    return step === '0' && ((await log.textContent()) ?? '').includes('Dynamic Input Activation network');
  });
  await page.waitForTimeout(500);
}

/** One page per backend; `variant` forces a training path through the page's address (bench/webgpuNote.ts). */
interface Run {
  backend: (typeof BROWSER_BACKENDS)[number];
  variant?: { label: string; query: string };
}

/** Per backend: the default MLP (unless `dianOnly`), then the default DIAN in the same page. */
export async function runBrowserBench(
  baseUrl: string,
  options: { windowMs?: number; warmupMs?: number; dianOnly?: boolean } = {},
): Promise<BrowserResult> {
  const { windowMs = 5000, warmupMs = 1000, dianOnly = false } = options;
  const browser = await chromium.launch(chromiumLaunchOptions);

  const rows: BrowserRow[] = [];
  let adapter = 'unknown';
  const runs: Run[] = BROWSER_BACKENDS.map((backend) => ({ backend }));
  try {
    for (let i = 0; i < runs.length; i++) {
      const { backend, variant } = runs[i];
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript({ content: INSTRUMENT });
      await page.goto(`${baseUrl}${variant?.query ?? ''}`);
      const shown = page.getByTestId('backend');
      await waitFor('the engine', 60_000, async () =>
        isBackendName((await shown.textContent())?.trim() ?? ''),
      );
      adapter = ((await page.getByTestId('adapter').textContent()) ?? adapter).trim();
      await page.getByLabel('Architecture').selectOption('mlp');
      await page.getByLabel('Speed').fill('4');
      const running = await chooseBackend(page, backend);
      // WebGPU side by side: the WGSL kernel forced onto a software adapter, or autodiff forced on hardware.
      if (backend === 'webgpu' && running === 'webgpu' && !variant)
        runs.splice(i + 1, 0, {
          backend,
          variant: /adapter: hardware/.test(adapter)
            ? { label: AUTODIFF_FORCED, query: '?fused=off' }
            : { label: WGSL_FORCED, query: '?fused=always' },
        });
      await selfCheck(page);
      const base = { backend, running, adapter, windowMs, warmupMs, errors, variant: variant?.label };
      if (!dianOnly) rows.push(await measure(page, { ...base, network: 'MLP' }));
      await chooseDian(page);
      const slow = SLOW_BACKENDS.has(backend);
      const dianRunning = (await shown.textContent())?.trim() ?? running;
      rows.push(
        await measure(page, {
          ...base,
          running: dianRunning,
          network: 'DIAN',
          windowMs: slow ? Math.min(windowMs, 2000) : windowMs,
        }),
      );
      await context.close();
    }
    return { rows, chromium: `Chromium ${browser.version()}`, adapter };
  } finally {
    await browser.close();
  }
}
