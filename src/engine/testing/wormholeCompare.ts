/**
 * Test support: the Wormhole's fused kernel against its autodiff path, step by step (src/engine/arch/wormhole/
 * fused*.test.ts).
 */
import { expect } from 'vitest';
import { defaultSpec, type ExperimentSpec, type TrainingSpec, type WormholeSpec } from '../../experiment';
import type { AdjointTrace, FixedPointTrace } from '../../protocol/wormhole';
import { WormholeSession } from '../arch/wormhole/session';
import type { DataFeed } from '../core/dataFeed';
import { weightGap } from './reference';

/** Open gates (bias 1), so that the wormholes take part and the adjoint solve has work to do. */
export function spec(
  wormhole: Partial<WormholeSpec> = {},
  training: Partial<TrainingSpec> = {},
): ExperimentSpec {
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
export const FLOOR = { plain: 5e-6, anderson: 3e-5, safeguarded: 3e-5 };
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
 * The weights of the two paths after STEPS steps, relative to max(1, |w|). Where every step has the same sweeps:
 * measured 3e-8 to 6e-6 (float32 rounding); the bound is 1e-5. Where Anderson's late sweeps differ ('rounding'),
 * the two fixed points are each within tol (1e-4 relative) of the true one, not of each other's rounding, and the
 * steps' gradients differ by that much: measured up to 3.5e-5 after 30 momentum steps (relu activations); the
 * bound is tol itself.
 */
export const WEIGHT_TOLERANCE = 1e-5;
const ROUNDING_WEIGHT_TOLERANCE = 1e-4;
export const STEPS = 30;

/**
 * Both paths step by step from the same spec: the same forward solve (sweeps, stop, trace) and adjoint solve at
 * every step — `sweeps: 'rounding'` asks only the same stop reasons, for the Anderson runs whose late sweeps
 * float32 rounding decides — and the same weights at the end. Then the fused path in uneven calls of several
 * steps lands on exactly the weights and last traces of its one-step calls (its optimizer state carries over).
 */
export async function compare(
  s: ExperimentSpec,
  sweeps: 'same' | 'rounding' = 'same',
  /** The data (another head's), else the spec's task. */
  data?: (s: ExperimentSpec) => DataFeed,
): Promise<void> {
  const fused = new WormholeSession(s, { feed: data?.(s) });
  const autodiff = new WormholeSession(s, { fused: false, feed: data?.(s) });
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
  // The same unconverged solves, forward and adjoint apart, counted and reported step by step.
  expect(fused.failures).toEqual(autodiff.failures);
  if (sweeps === 'same') expect(fused.takeEvents()).toEqual(autodiff.takeEvents());
  // With wormholes the adjoint solve iterates; without, u = g and its trace is empty.
  expect(adjointWork > 0).toBe(s.wormhole.wormholes.length > 0);
  const gap = weightGap(await fused.exportWeights(), await autodiff.exportWeights());
  expect(gap).toBeLessThan(sweeps === 'same' ? WEIGHT_TOLERANCE : ROUNDING_WEIGHT_TOLERANCE);
  const batched = new WormholeSession(s, { feed: data?.(s) });
  for (const steps of [1, 12, STEPS - 13]) await batched.train(steps);
  expect(batched.step).toBe(STEPS);
  expect(await batched.exportWeights()).toEqual(await fused.exportWeights());
  expect([batched.lastSolve, batched.lastAdjoint]).toEqual([fused.lastSolve, fused.lastAdjoint]);
  expect(batched.failures).toEqual(fused.failures);
  for (const session of [fused, autodiff, batched]) session.dispose();
}
