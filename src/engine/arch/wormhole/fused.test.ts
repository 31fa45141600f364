import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  defaultSpec,
  OPTIMIZERS,
  type ExperimentSpec,
  type TrainingSpec,
  type WormholeSpec,
} from '../../../experiment';
import type { AdjointTrace, FixedPointTrace } from '../../../protocol/wormhole';
import { weightGap } from '../../testing/reference';
import { WormholeSession } from './session';

/** Open gates (bias 1), so that the wormholes take part and the adjoint solve has work to do. */
function spec(wormhole: Partial<WormholeSpec> = {}, training: Partial<TrainingSpec> = {}): ExperimentSpec {
  const s = defaultSpec('wormhole');
  s.task.numSamples = 120;
  s.wormhole = { ...s.wormhole, gateBias: 1, ...wormhole };
  s.training = { ...s.training, ...training };
  if (s.training.optimizer === 'adam') s.training.learningRate = 0.01;
  return s;
}

/**
 * Trace values of the two paths: within `relative` of each other, or `absolute` apart. The autodiff solve works in
 * float32, so its F - X, of states near 1, carries rounding of ~1e-7 whatever the residual; plain sweeps pass that
 * on (measured: up to 1.2e-6 of the trace's first value), Anderson's mixing amplifies it (up to 9e-6). The floors,
 * in units of the first value, leave a margin of 3-4 over those.
 */
const FLOOR = { plain: 5e-6, anderson: 3e-5, safeguarded: 3e-5 };
function expectNear(a: number[], b: number[], what: string, absolute: number, relative = 1e-4): void {
  expect(a.length, what).toBe(b.length);
  a.forEach((v, i) =>
    expect(Math.abs(v - b[i]), `${what}[${i}]: ${v} vs ${b[i]}`).toBeLessThanOrEqual(
      relative * Math.abs(b[i]) + absolute,
    ),
  );
}

/** The same sweeps and stop, and the same residuals, layer residuals and gate means sweep by sweep. */
function expectSameSolve(f: FixedPointTrace, a: FixedPointTrace, floor: number, step: number): void {
  expect([f.iterations, f.stop], `step ${step}: sweeps and stop`).toEqual([a.iterations, a.stop]);
  const same = (x: number[], y: number[], what: string) =>
    expectNear(x, y, `step ${step} ${what}`, floor * Math.max(...y.map(Math.abs)));
  same(f.absResidual, a.absResidual, 'abs');
  same(f.relResidual, a.relResidual, 'rel');
  a.layerResiduals[0].forEach((_, l) =>
    same(
      f.layerResiduals.map((r) => r[l]),
      a.layerResiduals.map((r) => r[l]),
      `layer ${l}`,
    ),
  );
  a.gates[0].forEach((_, h) =>
    same(
      f.gates.map((g) => g[h]),
      a.gates.map((g) => g[h]),
      `gate ${h}`,
    ),
  );
}

/**
 * The same adjoint solve. Its tol (1e-6) is near float32's resolution of its residual r (about 1e-7: u's rounding
 * over |u|), so where the autodiff path's r hovers that near tol the two may stop an iteration or two apart: the
 * longer one's extra residuals must lie within that band above tol, and the shorter one's last within it below.
 */
const ADJOINT_BAND = 2e-7;
function expectSameAdjoint(f: AdjointTrace, a: AdjointTrace, tol: number, step: number): void {
  expect(f.stop, `step ${step}: adjoint stop`).toBe(a.stop);
  const n = Math.min(f.iterations, a.iterations);
  expectNear(f.residual.slice(0, n), a.residual.slice(0, n), `step ${step} adjoint`, ADJOINT_BAND, 1e-3);
  if (f.iterations === a.iterations) return;
  const longer = f.iterations > a.iterations ? f : a;
  for (const r of longer.residual.slice(n - 1, -1))
    expect(r - tol, `step ${step}: the adjoint lingers near tol`).toBeLessThan(ADJOINT_BAND);
  expect(tol - Math.min(f.residual[n - 1], a.residual[n - 1])).toBeLessThan(ADJOINT_BAND);
}

/**
 * The weights of the two paths after STEPS steps, relative to max(1, |w|). Measured: 1e-7 to 6e-6 (float32
 * rounding, and where Anderson's sweeps differ, fixed points a tol apart); the bound is ~1e-5.
 */
const WEIGHT_TOLERANCE = 1e-5;
const STEPS = 30;

/**
 * Both paths step by step from the same spec: the same forward solve (sweeps, stop, trace) and adjoint solve at
 * every step — `sweeps: 'rounding'` asks only the same stop reasons, for the Anderson runs whose late sweeps
 * float32 rounding decides — and the same weights at the end. Then the fused path in uneven calls of several
 * steps lands on exactly the weights and last traces of its one-step calls (its optimizer state carries over).
 */
async function compare(s: ExperimentSpec, sweeps: 'same' | 'rounding' = 'same'): Promise<void> {
  const fused = new WormholeSession(s);
  const autodiff = new WormholeSession(s, { fused: false });
  expect([fused.isFused, autodiff.isFused]).toEqual([true, false]);
  let adjointWork = 0;
  for (let step = 1; step <= STEPS; step++) {
    await fused.train(1);
    await autodiff.train(1);
    const [f, a] = [fused.lastSolve!, autodiff.lastSolve!];
    if (sweeps === 'same') {
      expectSameSolve(f, a, FLOOR[s.wormhole.solver], step);
      expectSameAdjoint(fused.lastAdjoint!, autodiff.lastAdjoint!, s.wormhole.adjointTol, step);
    } else expect(f.stop).toBe(a.stop);
    adjointWork += autodiff.lastAdjoint!.iterations;
  }
  // With wormholes the adjoint solve iterates; without, u = g and its trace is empty.
  expect(adjointWork > 0).toBe(s.wormhole.wormholes.length > 0);
  const gap = weightGap(await fused.exportWeights(), await autodiff.exportWeights());
  expect(gap).toBeLessThan(WEIGHT_TOLERANCE);
  const batched = new WormholeSession(s);
  for (const steps of [1, 12, STEPS - 13]) await batched.train(steps);
  expect(batched.step).toBe(STEPS);
  expect(await batched.exportWeights()).toEqual(await fused.exportWeights());
  expect([batched.lastSolve, batched.lastAdjoint]).toEqual([fused.lastSolve, fused.lastAdjoint]);
  for (const session of [fused, autodiff, batched]) session.dispose();
}

const SEVERAL = [
  { from: 3, to: 1 },
  { from: 2, to: 1 },
  { from: 3, to: 2 },
];

describe('the fused Wormhole training step against tfjs autodiff, step for step', () => {
  for (const gate of ['soft', 'hard'] as const)
    for (const activation of ['tanh', 'relu'] as const)
      it(`plain solver, ${gate} gates, ${activation}: the same sweeps, traces and weights, every optimizer`, async () => {
        for (const optimizer of OPTIMIZERS)
          await compare(spec({ solver: 'plain', gate, activation }, { optimizer }));
      });

  it('Anderson (soft gates, tanh): the same sweeps, traces and weights, every optimizer', async () => {
    for (const optimizer of OPTIMIZERS) await compare(spec({ solver: 'anderson' }, { optimizer }));
  });

  it('Anderson with relu or hard gates: the same stops and weights', async () => {
    // Late Anderson sweeps there mix residuals of ~1e-5 that float32 resolves to a few per cent (rounding the
    // kernel's own states to float32 moves its sweep counts as much), so the sweeps may differ by one or two.
    for (const [gate, activation] of [
      ['hard', 'tanh'],
      ['soft', 'relu'],
      ['hard', 'relu'],
    ] as const)
      for (const optimizer of OPTIMIZERS)
        await compare(spec({ solver: 'anderson', gate, activation }, { optimizer }), 'rounding');
  });

  it('damping < 1, absolute residuals, several wormholes (two into one layer), four layers', async () => {
    for (const solver of ['plain', 'anderson'] as const) {
      await compare(spec({ solver, damping: 0.6, wormholes: SEVERAL }, { optimizer: 'momentum' }));
      await compare(
        spec(
          { solver, residual: 'abs', wormholes: SEVERAL, hidden: [5, 4, 3], gateBias: -1 },
          { optimizer: 'adam' },
        ),
      );
    }
  });

  it('without wormholes (the adjoint is the loss gradient itself) and with closed hard gates', async () => {
    await compare(spec({ wormholes: [] }, { optimizer: 'adam' }));
    await compare(spec({ gate: 'hard', gateBias: -4 }));
  });

  it('applies no L1/L2 term, as the autodiff path applies none', async () => {
    await compare(spec({}, { regularization: 'l1', regularizationRate: 0.05, optimizer: 'momentum' }));
    await compare(spec({}, { regularization: 'l2', regularizationRate: 0.05 }));
  });
});

describe('the fused Wormhole session', () => {
  /** Plain sweeps on open gates need 8-11 sweeps here: at most 9 lets the first steps converge, not all. */
  const stalling = (onNonConvergence: WormholeSpec['onNonConvergence']) =>
    spec({ solver: 'plain', maxIter: 9, onNonConvergence });

  it('stops a call at the first step whose solve does not converge under "pause", as autodiff does', async () => {
    const [fused, autodiff] = [
      new WormholeSession(stalling('pause')),
      new WormholeSession(stalling('pause'), { fused: false }),
    ];
    const stops: number[] = [];
    for (let call = 0; call < 4; call++) {
      await fused.train(10);
      await autodiff.train(10);
      expect(fused.step).toBe(autodiff.step);
      const events = fused.takeEvents();
      expect(events).toEqual(autodiff.takeEvents());
      // Each call ends on its one pausing step.
      expect(events.map((e) => e.kind === 'solve' && e.paused && e.step)).toEqual([fused.step]);
      stops.push(fused.step);
      // The batches of the steps not taken come next, in both paths.
      expect(weightGap(await fused.exportWeights(), await autodiff.exportWeights())).toBeLessThan(
        WEIGHT_TOLERANCE,
      );
    }
    // The first call stopped inside its 10 steps, after converged ones.
    expect(stops[0]).toBeGreaterThan(1);
    expect(stops[0]).toBeLessThan(10);
    fused.dispose();
    autodiff.dispose();
  });

  it('takes every step and reports each unconverged solve under "continue"', async () => {
    const [fused, autodiff] = [
      new WormholeSession(stalling('continue')),
      new WormholeSession(stalling('continue'), { fused: false }),
    ];
    await fused.train(12);
    await autodiff.train(12);
    const events = fused.takeEvents();
    expect(events.length).toBeGreaterThan(0);
    expect(events).toEqual(autodiff.takeEvents());
    expect(fused.step).toBe(12);
    fused.dispose();
    autodiff.dispose();
  });

  it('restarts the optimizer when weights are put back, as the autodiff path does', async () => {
    const s = spec({}, { optimizer: 'momentum' });
    const [fused, autodiff] = [new WormholeSession(s), new WormholeSession(s, { fused: false })];
    for (const session of [fused, autodiff]) {
      await session.train(10);
      const { weights } = await session.snapshot();
      await session.train(10);
      session.restore(weights, 10);
      await session.train(10);
    }
    expect(weightGap(await fused.exportWeights(), await autodiff.exportWeights())).toBeLessThan(
      WEIGHT_TOLERANCE,
    );
    fused.dispose();
    autodiff.dispose();
  });

  it('the unrolled ablation trains by autodiff; nothing is left behind', async () => {
    const unrolled = new WormholeSession(spec({ gradient: 'unrolled' }));
    expect(unrolled.isFused).toBe(false);
    unrolled.dispose();
    const before = tf.memory().numTensors;
    const s = new WormholeSession(spec({}, { optimizer: 'adam' }));
    for (let i = 0; i < 3; i++) await s.train(50);
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  describe('on the wasm backend', () => {
    afterAll(() => tf.setBackend('cpu'));
    it('matches autodiff there too', async () => {
      expect(await tf.setBackend('wasm')).toBe(true);
      await compare(spec({ solver: 'plain', gate: 'hard', activation: 'relu' }, { optimizer: 'adam' }));
      await compare(spec({ solver: 'anderson' }, { optimizer: 'momentum' }));
    });
  });
});
