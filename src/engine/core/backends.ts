import type { AdapterKind, BackendChoice, BackendName } from '../../experiment';
import type { BackendRate } from '../../protocol';

/** The fallback chain of docs/DESIGN.md section 4: a backend that fails to start falls back to the next. */
export const FALLBACK_CHAIN: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/**
 * Backends to try, in order. "auto" uses WebGPU only on a hardware adapter: software WebGPU (SwiftShader) is tens
 * of times slower than wasm for these small models. A forced choice is tried first, then the rest of the chain.
 */
export function backendOrder(choice: BackendChoice, adapter: AdapterKind): BackendName[] {
  if (choice === 'auto') return adapter === 'hardware' ? FALLBACK_CHAIN : ['wasm', 'cpu'];
  return FALLBACK_CHAIN.slice(FALLBACK_CHAIN.indexOf(choice));
}

/** Is this WebGPU adapter a software one? Chrome marks SwiftShader with isFallbackAdapter or its architecture. */
export function isSoftwareAdapter(info: {
  isFallbackAdapter?: boolean;
  architecture?: string;
  vendor?: string;
  description?: string;
}): boolean {
  if (info.isFallbackAdapter) return true;
  const text = `${info.architecture ?? ''} ${info.vendor ?? ''} ${info.description ?? ''}`.toLowerCase();
  return text.includes('swiftshader');
}

/** How long "auto" trains on each backend to time it (after a warm-up), and the most steps it times there. */
export const MEASURE_MS = 150;
export const MEASURE_MAX_STEPS = 1 << 16;

/**
 * Steps per second of `train`: a warm-up of `warmupMs` (the first calls compile, allocate and warm up the JIT;
 * untimed), then calls of the size the warm-up reached, growing, for about `budgetMs` (at most `maxSteps`),
 * ending with `sync` (a read that waits for the device).
 */
export async function stepRate(
  train: (steps: number) => Promise<void>,
  sync: () => Promise<unknown>,
  now: () => number,
  { budgetMs = MEASURE_MS, warmupMs = MEASURE_MS / 3, maxSteps = MEASURE_MAX_STEPS } = {},
): Promise<number> {
  const { call } = await trainFor(train, now, warmupMs, maxSteps, 1);
  await sync();
  const start = now();
  const { steps } = await trainFor(train, now, budgetMs, maxSteps, call);
  await sync();
  return (steps * 1000) / Math.max(now() - start, 1e-3);
}

/** Trains in calls from `call` steps, doubling, for about `budgetMs` (at most `maxSteps`): the steps taken and the next call's size. */
async function trainFor(
  train: (steps: number) => Promise<void>,
  now: () => number,
  budgetMs: number,
  maxSteps: number,
  call: number,
): Promise<{ steps: number; call: number }> {
  const start = now();
  let steps = 0;
  for (;;) {
    await train(call);
    steps += call;
    const elapsed = now() - start;
    if (elapsed >= budgetMs || steps >= maxSteps) return { steps, call };
    // Twice as many next time, but not far past the budget at the rate seen so far.
    const left = Math.ceil((steps / Math.max(elapsed, 1e-3)) * (budgetMs - elapsed));
    call = Math.max(1, Math.min(2 * call, left, maxSteps - steps));
  }
}

/**
 * "auto" by measurement: starts each backend of `order` in turn (`start` throws, with the reason, when it cannot)
 * and measures how fast the experiment trains there. Returns the rates fastest first (a tie keeps the order's
 * preference) and the backends that failed, with why; throws when none could be measured.
 */
export async function measureBackends(
  order: BackendName[],
  trial: { start(backend: BackendName): Promise<void>; measure(backend: BackendName): Promise<number> },
): Promise<{ rates: BackendRate[]; failures: { backend: BackendName; reason: string }[] }> {
  const rates: BackendRate[] = [];
  const failures: { backend: BackendName; reason: string }[] = [];
  for (const backend of order) {
    try {
      await trial.start(backend);
      const stepsPerSecond = await trial.measure(backend);
      if (!(stepsPerSecond > 0)) throw new Error(`measured ${stepsPerSecond} steps/s`);
      rates.push({ backend, stepsPerSecond });
    } catch (e) {
      failures.push({ backend, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  if (rates.length === 0)
    throw new Error(
      `No backend could be measured: ${failures.map((f) => `${f.backend}: ${f.reason}`).join('; ')}`,
    );
  // Array.prototype.sort is stable: equal rates stay in the order's preference.
  return { rates: rates.sort((a, b) => b.stepsPerSecond - a.stepsPerSecond), failures };
}
