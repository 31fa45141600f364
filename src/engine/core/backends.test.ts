import { describe, expect, it } from 'vitest';
import type { BackendName } from '../../experiment';
import { backendOrder, isSoftwareAdapter, measureBackends, stepRate } from './backends';
import { hardwareAdapter } from './webgpu/adapter';

describe('backend selection', () => {
  it('auto uses WebGPU first only on a hardware adapter', () => {
    expect(backendOrder('auto', 'hardware')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(backendOrder('auto', 'software')).toEqual(['wasm', 'cpu']);
    expect(backendOrder('auto', 'none')).toEqual(['wasm', 'cpu']);
  });

  it('a forced backend is tried first and falls back along the chain', () => {
    expect(backendOrder('webgpu', 'software')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(backendOrder('webgl', 'none')).toEqual(['webgl', 'wasm', 'cpu']);
    expect(backendOrder('cpu', 'hardware')).toEqual(['cpu']);
  });

  it('recognises SwiftShader as software', () => {
    expect(isSoftwareAdapter({ isFallbackAdapter: true })).toBe(true);
    expect(isSoftwareAdapter({ architecture: 'swiftshader', vendor: 'google' })).toBe(true);
    expect(isSoftwareAdapter({ architecture: 'ampere', vendor: 'nvidia', isFallbackAdapter: false })).toBe(
      false,
    );
  });
});

describe('"auto" by measurement', () => {
  /** Backends that start (or throw) and train at given rates, measured as given. */
  const trial = (rates: Partial<Record<BackendName, number | Error>>) => {
    const started: BackendName[] = [];
    return {
      started,
      start: async (b: BackendName) => {
        started.push(b);
        if (rates[b] instanceof Error && rates[b].message.startsWith('start')) throw rates[b];
      },
      measure: async (b: BackendName) => {
        const r = rates[b];
        if (r instanceof Error) throw r;
        return r ?? 0;
      },
    };
  };

  it('measures every backend in order and keeps the fastest, rates fastest first', async () => {
    const t = trial({ webgpu: 40_000, webgl: 900, wasm: 210_000, cpu: 190_000 });
    const { rates, failures } = await measureBackends(['webgpu', 'webgl', 'wasm', 'cpu'], t);
    expect(t.started).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(rates.map((r) => r.backend)).toEqual(['wasm', 'cpu', 'webgpu', 'webgl']);
    expect(rates[0].stepsPerSecond).toBe(210_000);
    expect(failures).toEqual([]);
  });

  it('a tie keeps the order of preference', async () => {
    const { rates } = await measureBackends(['wasm', 'cpu'], trial({ wasm: 1000, cpu: 1000 }));
    expect(rates.map((r) => r.backend)).toEqual(['wasm', 'cpu']);
    const { rates: reversed } = await measureBackends(['cpu', 'wasm'], trial({ wasm: 1000, cpu: 1000 }));
    expect(reversed.map((r) => r.backend)).toEqual(['cpu', 'wasm']);
  });

  it('skips a backend that fails to start, to measure or measures nothing, and says why', async () => {
    const t = trial({
      webgpu: new Error('start: no adapter'),
      webgl: new Error('lost context'),
      wasm: 0,
      cpu: 5,
    });
    const { rates, failures } = await measureBackends(['webgpu', 'webgl', 'wasm', 'cpu'], t);
    expect(rates).toEqual([{ backend: 'cpu', stepsPerSecond: 5 }]);
    expect(failures).toEqual([
      { backend: 'webgpu', reason: 'start: no adapter' },
      { backend: 'webgl', reason: 'lost context' },
      { backend: 'wasm', reason: 'measured 0 steps/s' },
    ]);
  });

  it('throws when no backend could be measured', async () => {
    await expect(measureBackends(['cpu'], trial({ cpu: new Error('broken') }))).rejects.toThrow(
      'No backend could be measured: cpu: broken',
    );
  });

  it('times steps on the clock it is given: after an untimed warm-up, for about the budget, in growing calls', async () => {
    let clock = 0;
    const calls: { steps: number; at: number }[] = [];
    const syncs: number[] = [];
    // 0.25 ms a step, 2 ms per call (a call's overhead), 1 ms per read.
    const rate = await stepRate(
      async (steps) => {
        calls.push({ steps, at: clock });
        clock += 2 + 0.25 * steps;
      },
      async () => {
        syncs.push(clock);
        clock += 1;
      },
      () => clock,
      { budgetMs: 150, warmupMs: 50, maxSteps: 1e6 },
    );
    expect(syncs).toHaveLength(2); // after the warm-up and at the end
    const warmup = calls.filter((c) => c.at < syncs[0]);
    const timed = calls.filter((c) => c.at > syncs[0]);
    expect(warmup.slice(0, 4).map((c) => c.steps)).toEqual([1, 2, 4, 8]);
    expect(clock).toBeGreaterThan(200);
    // The timed calls go on from the size the warm-up reached.
    expect(timed[0].steps).toBe(warmup.at(-1)!.steps);
    const steps = timed.reduce((a, c) => a + c.steps, 0);
    const elapsed = 2 * timed.length + 0.25 * steps + 1;
    expect(rate).toBeCloseTo((steps * 1000) / elapsed, 6);
    // About the budget: past it, but not by much.
    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(elapsed).toBeLessThan(200);
  });

  it('stops at the step cap however fast the steps are', async () => {
    let clock = 0;
    let total = 0;
    await stepRate(
      async (steps) => {
        total += steps;
        clock += 0.001 * steps;
      },
      async () => {},
      () => clock,
      { budgetMs: 150, maxSteps: 1000 },
    );
    // The warm-up and the timed calls each stop at the cap.
    expect(total).toBe(1000 + 1000);
  });
});

describe('the WebGPU backend as the sessions see it', () => {
  it('uses the WGSL kernels on a hardware adapter only, as tfjs describes it', () => {
    const backend = (vendor?: string, architecture?: string) => ({ adapterInfo: { vendor, architecture } });
    expect(hardwareAdapter(backend('nvidia', 'ampere'))).toBe(true);
    expect(hardwareAdapter(backend('apple', ''))).toBe(true);
    expect(hardwareAdapter(backend('google', 'swiftshader'))).toBe(false);
    expect(hardwareAdapter(backend('', ''))).toBe(false);
    expect(hardwareAdapter(backend())).toBe(false);
    expect(hardwareAdapter({})).toBe(false);
  });
});
