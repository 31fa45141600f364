import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import type { WormholeSpec } from '../../../experiment';
import type { EngineEvent } from '../../../protocol';
import { weightGap } from '../../testing/reference';
import { compare, spec, WEIGHT_TOLERANCE } from '../../testing/wormholeCompare';
import { WormholeSession } from './session';

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

  it("stops a call at its time budget (a tick's), and training goes on as if it had not stopped", async () => {
    // A budget of 0 ms: every call stops after its first step; 12 such calls against one call of 12 steps.
    for (const fused of [true, false]) {
      const [budgeted, whole] = [
        new WormholeSession(spec({}), { fused }),
        new WormholeSession(spec({}), { fused }),
      ];
      for (let call = 1; call <= 12; call++) {
        await budgeted.train(5, { budgetMs: 0 });
        expect(budgeted.step).toBe(call);
      }
      await whole.train(12);
      // The batches of the steps not taken come next: the same 12 steps, the same weights.
      expect(await budgeted.exportWeights()).toEqual(await whole.exportWeights());
      // A budget the steps fit in takes them all.
      await budgeted.train(3, { budgetMs: 60_000 });
      expect(budgeted.step).toBe(15);
      budgeted.dispose();
      whole.dispose();
    }
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
      await compare(
        spec(
          { solver: 'plain', adjointSolver: 'plain', gate: 'hard', activation: 'relu' },
          { optimizer: 'adam' },
        ),
      );
      await compare(spec({ solver: 'anderson' }, { optimizer: 'momentum' }));
      await compare(spec({ solver: 'safeguarded', adjointSolver: 'anderson' }, { optimizer: 'sgd' }));
      await compare(spec({ solver: 'safeguarded', gate: 'relu' }, { optimizer: 'sgd' }), 'rounding');
    });
  });
});

describe("the adjoint solve's failures (finding 2: they were silent)", () => {
  /** The plain adjoint iteration needs 10-20 iterations on these open gates: at most 3 never converges. */
  const short = (onNonConvergence: WormholeSpec['onNonConvergence']) =>
    spec({ solver: 'plain', adjointSolver: 'plain', adjointMaxIter: 3, onNonConvergence });
  const solves = (events: EngineEvent[], kind: 'forward' | 'adjoint') =>
    events.filter((e) => e.kind === 'solve' && e.solve === kind);

  it('are counted and reported apart from forward failures, per step and in total, in both paths', async () => {
    const [fused, autodiff] = [
      new WormholeSession(short('continue')),
      new WormholeSession(short('continue'), { fused: false }),
    ];
    for (const session of [fused, autodiff]) {
      await session.train(12);
      const events = session.takeEvents();
      // Every step's forward solve converged; every adjoint solve hit maxIter, and says so with its step.
      expect(solves(events, 'forward')).toEqual([]);
      expect(solves(events, 'adjoint')).toEqual(
        Array.from({ length: 12 }, (_, i) => ({
          kind: 'solve',
          solve: 'adjoint',
          step: i + 1,
          stop: 'maxIter',
          iterations: 3,
          paused: false,
        })),
      );
      expect(session.failures).toEqual({ forward: 0, adjoint: 12 });
      expect(session.lastAdjoint).toMatchObject({ iterations: 3, stop: 'maxIter' });
      // The frame carries the totals, and the last step's adjoint solve for the convergence view.
      const frame = await session.snapshot();
      expect(frame.arch.failures).toEqual({ forward: 0, adjoint: 12 });
      expect(frame.arch.fixedPoint.training?.adjoint).toMatchObject({ iterations: 3, stop: 'maxIter' });
    }
    fused.dispose();
    autodiff.dispose();
  });

  it('pause training under "pause", as forward failures do, in both paths', async () => {
    const [fused, autodiff] = [
      new WormholeSession(short('pause')),
      new WormholeSession(short('pause'), { fused: false }),
    ];
    for (const session of [fused, autodiff]) {
      await session.train(10);
      expect(session.step).toBe(1);
      expect(session.takeEvents()).toEqual([
        { kind: 'solve', solve: 'adjoint', step: 1, stop: 'maxIter', iterations: 3, paused: true },
      ]);
    }
    expect(weightGap(await fused.exportWeights(), await autodiff.exportWeights())).toBeLessThan(
      WEIGHT_TOLERANCE,
    );
    fused.dispose();
    autodiff.dispose();
  });

  it('the default (safeguarded) adjoint solve converges where plain iteration does not', async () => {
    const failures = async (adjointSolver: WormholeSpec['adjointSolver']) => {
      const s = new WormholeSession(spec({ solver: 'plain', adjointSolver, adjointMaxIter: 6 }));
      await s.train(12);
      s.dispose();
      return s.failures;
    };
    expect(await failures('plain')).toEqual({ forward: 0, adjoint: 12 });
    expect(await failures('safeguarded')).toEqual({ forward: 0, adjoint: 0 });
  });
});
