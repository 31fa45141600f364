/**
 * Side by side in one Chromium: the TensorFlow Playground's way of training (bench/playgroundPage.ts: one epoch
 * per animation frame plus its per-frame work) against this app at full speed, on the default net (2-4-2-1 tanh,
 * circle) and on spiral with six hidden layers of 8, in alternating rounds on the same machine at the same time.
 * Then every architecture's default at full speed: steps/s, main-thread frames and long tasks, and how Pause
 * lands (step counter changes after the click).
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { build } from 'vite';
import { makeDataset } from '../src/engine';
import { defaultSpec, encodeLink, SPEEDS, type Architecture, type ExperimentSpec } from '../src/experiment';
import { INSTRUMENT, isBackendName, probe, selfCheck, waitFor, type BenchWindow } from './browser';
import type { PageWorkload } from './playgroundPage';
import { toData } from './playgroundReference';
import { PAUSE_AFTER_MS } from './sideBySideReport';

const PAGE_ENTRY = fileURLToPath(new URL('playgroundPage.ts', import.meta.url));
const FULL_SPEED = SPEEDS.length - 1;

export interface Workload {
  name: string;
  spec: ExperimentSpec;
}

export const WORKLOADS: Workload[] = [
  { name: 'default net 2-4-2-1, circle', spec: defaultSpec('mlp') },
  {
    name: 'spiral, 6 hidden layers of 8',
    spec: (() => {
      const spec = defaultSpec('mlp');
      spec.task.kind = 'spiral';
      spec.mlp.hiddenLayers = [8, 8, 8, 8, 8, 8];
      return spec;
    })(),
  },
];

export interface SideBySideRound {
  workload: string;
  round: number;
  playgroundEpochsPerSecond: number;
  appEpochsPerSecond: number;
  appBackend: string;
  playgroundTestAccuracy: number;
}

export interface PauseResult {
  changes: number;
  lastMs: number;
  /** When Pause's frame (that step's metrics and weights) had been drawn, after the click: the page's mark. */
  frameMs: number;
}

export interface FullSpeedRow {
  architecture: Architecture;
  backend: string;
  stepsPerSecond: number;
  fps: number;
  longTasks: number;
  longestTaskMs: number;
  /** Per Pause click (the window's, then a few more after short plays): step-counter changes after it, and when the last came. */
  pauses: PauseResult[];
  note: string;
}

/** The in-page reference as one script (vite bundles bench/playgroundPage.ts and what it imports). */
async function bundlePage(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry: PAGE_ENTRY, formats: ['iife'], name: 'PlaygroundPage', fileName: 'playground' },
    },
  });
  const first = Array.isArray(out) ? out[0] : out;
  if (!('output' in first)) throw new Error('bench: the in-page reference did not bundle');
  return first.output[0].code;
}

function pageWorkload(spec: ExperimentSpec): PageWorkload {
  const { train, test } = makeDataset(spec.task, spec.seed);
  const plain = (d: ReturnType<typeof toData>) => ({ x: Array.from(d.x), y: Array.from(d.y) });
  return {
    sizes: [2, ...spec.mlp.hiddenLayers, 1],
    train: plain(toData(train)),
    test: plain(toData(test)),
    batchSize: spec.training.batchSize,
    learningRate: spec.training.learningRate,
  };
}

async function runPlayground(page: Page, script: string, w: PageWorkload, warmupMs: number, ms: number) {
  await page.goto('about:blank');
  await page.setContent('<!doctype html><title>Playground way</title><body></body>');
  await page.addScriptTag({ content: script });
  return page.evaluate(
    ([w, warmupMs, ms]) =>
      (
        window as typeof window & {
          __playground: (
            w: PageWorkload,
            a: number,
            b: number,
          ) => Promise<{ epochsPerSecond: number; testAccuracy: number }>;
        }
      ).__playground(w, warmupMs, ms),
    [w, warmupMs, ms] as const,
  );
}

/** Opens the app on `spec` (at full speed) and waits until its engine has loaded it at step 0. */
async function openApp(page: Page, baseUrl: string, spec: ExperimentSpec): Promise<string> {
  await page.goto('about:blank');
  await page.goto(baseUrl + encodeLink({ ...spec, speed: FULL_SPEED }));
  const shown = page.getByTestId('backend');
  await waitFor('the engine', 120_000, async () => isBackendName((await shown.textContent())?.trim() ?? ''));
  await waitFor('the experiment to load', 60_000, async () => {
    const log = (await page.getByTestId('event-log').textContent()) ?? '';
    return (await page.getByTestId('step').textContent())?.trim() === '0' && /loaded/i.test(log);
  });
  return ((await shown.textContent()) ?? '').trim();
}

/** Plays at full speed; steps/s over the window, frames and long tasks, and what the page shows after Pause. */
async function playWindow(page: Page, warmupMs: number, ms: number) {
  const playAt = (await probe(page)).t;
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(warmupMs); // the worker doubles its steps per tick up to its time budget
  const a = await probe(page);
  await page.waitForTimeout(ms);
  const b = await probe(page);
  const first = await pauseOnce(page);
  const pauses = [first.result];
  // A few more Pauses after short plays (at different moments of the worker's ticks): one sample says little.
  for (const playMs of PAUSE_AFTER_MS) {
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(playMs);
    pauses.push((await pauseOnce(page)).result);
  }
  const longTasks = await page.evaluate(
    ([from, to]) => (window as BenchWindow).__longTasks.filter((l) => l.start >= from && l.start <= to),
    [playAt, first.at],
  );
  const seconds = (b.t - a.t) / 1000;
  return {
    stepsPerSecond: (b.step - a.step) / seconds,
    fps: (b.frames - a.frames) / seconds,
    longTasks: longTasks.length,
    longestTaskMs: Math.max(0, ...longTasks.map((l) => l.duration)),
    pauses,
    steps: b.step - a.step,
    seconds,
  };
}

/** Clicks Pause from inside the page; the step-counter changes after the click, and when the last one came. */
async function pauseOnce(page: Page): Promise<{ at: number; result: PauseResult }> {
  // Pause from inside the page, so that its time and the step changes after it are on one clock.
  const pauseAt = await page.evaluate(() => {
    const w = window as BenchWindow & { __changes?: number[]; __pauseObserver?: MutationObserver };
    w.__changes = [];
    const step = document.querySelector('[data-testid="step"]')!;
    w.__pauseObserver?.disconnect();
    w.__pauseObserver = new MutationObserver(() => w.__changes!.push(performance.now()));
    w.__pauseObserver.observe(step, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    performance.clearMarks('paused frame drawn');
    const button = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === 'Pause');
    const at = performance.now();
    button?.click();
    return at;
  });
  await waitFor(
    'Play to come back',
    10_000,
    async () => (await page.getByRole('button', { name: 'Play' }).count()) > 0,
  );
  await page.waitForTimeout(1000); // anything still in flight lands within this
  const after = await page.evaluate((at) => {
    const w = window as BenchWindow & { __changes?: number[] };
    const drawn = performance.getEntriesByName('paused frame drawn').find((m) => m.startTime >= at);
    return {
      changes: (w.__changes ?? []).filter((t) => t >= at).map((t) => t - at),
      frameMs: drawn ? drawn.startTime - at : NaN,
    };
  }, pauseAt);
  const { changes, frameMs } = after;
  return {
    at: pauseAt,
    result: { changes: changes.length, lastMs: changes.length ? Math.max(...changes) : 0, frameMs },
  };
}

export async function runSideBySide(
  browser: Browser,
  baseUrl: string,
  options: { rounds?: number; warmupMs?: number; windowMs?: number } = {},
): Promise<{ rounds: SideBySideRound[]; fullSpeed: FullSpeedRow[] }> {
  const { rounds = 3, warmupMs = 1000, windowMs = 4000 } = options;
  const script = await bundlePage();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript({ content: INSTRUMENT });
  const results: SideBySideRound[] = [];
  try {
    for (const { name, spec } of WORKLOADS) {
      const w = pageWorkload(spec);
      const trainPoints = w.train.y.length;
      for (let round = 1; round <= rounds; round++) {
        const playground = async () => runPlayground(page, script, w, warmupMs, windowMs);
        const app = async () => {
          const backend = await openApp(page, baseUrl, spec);
          const r = await playWindow(page, warmupMs, windowMs);
          return { backend, epochsPerSecond: (r.stepsPerSecond * spec.training.batchSize) / trainPoints };
        };
        // Alternate which goes first, so that neither always gets the quieter moment.
        let pr: Awaited<ReturnType<typeof playground>>;
        let ar: Awaited<ReturnType<typeof app>>;
        if (round % 2 === 1) {
          pr = await playground();
          ar = await app();
        } else {
          ar = await app();
          pr = await playground();
        }
        results.push({
          workload: name,
          round,
          playgroundEpochsPerSecond: pr.epochsPerSecond,
          appEpochsPerSecond: ar.epochsPerSecond,
          appBackend: ar.backend,
          playgroundTestAccuracy: pr.testAccuracy,
        });
        console.error(
          `bench: side by side ${name} round ${round}: Playground way ${pr.epochsPerSecond.toFixed(1)} epochs/s, ` +
            `app (${ar.backend}) ${ar.epochsPerSecond.toFixed(0)} epochs/s`,
        );
      }
    }
    const fullSpeed: FullSpeedRow[] = [];
    for (const architecture of ['mlp', 'dian', 'live', 'wormhole'] as const) {
      const backend = await openApp(page, baseUrl, defaultSpec(architecture));
      await selfCheck(page);
      const r = await playWindow(page, warmupMs, windowMs);
      fullSpeed.push({
        architecture,
        backend,
        ...r,
        note: `${r.steps} steps in ${r.seconds.toFixed(1)} s after ${warmupMs} ms warm-up`,
      });
      console.error(
        `bench: full speed ${architecture} (${backend}): ${r.stepsPerSecond.toFixed(0)} steps/s, ${r.fps.toFixed(0)} fps, ` +
          `${r.longTasks} long tasks, Pause: ${r.pauses.map((p) => `${p.changes} change(s), last at ${p.lastMs.toFixed(1)} ms, frame drawn at ${p.frameMs.toFixed(1)} ms`).join('; ')}`,
      );
    }
    return { rounds: results, fullSpeed };
  } finally {
    await context.close();
  }
}
