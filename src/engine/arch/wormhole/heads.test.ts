import { describe, expect, it } from 'vitest';
import { defaultSpec, headUnits, OPTIMIZERS, type OutputHead } from '../../../experiment';
import { fixedValues, gradientGap, PLAIN_STEP, wholeSetStep } from '../../testing/headGradient';
import { frameGap } from '../../testing/reference';
import { regressionFeed, threeClassFeed } from '../../testing/tableFeed';
import { compare, spec } from '../../testing/wormholeCompare';
import { setMetrics } from './fusedEval';
import { fusedWormholeSteps, type FusedWormholeOptions } from './fusedStep';
import { WormholeSession } from './session';

const HEADS: OutputHead[] = [{ kind: 'classes', k: 3 }, { kind: 'regression' }, { kind: 'binary' }];

describe('the Wormhole with other output heads', () => {
  for (const head of HEADS)
    it(`has the full implicit gradient of its loss (central differences, float64): ${head.kind}`, () => {
      const [rows, n0, U] = [6, 3, headUnits(head)];
      const widths = [4, 3, U];
      const wormholes = [
        { from: 3, to: 1 },
        { from: 2, to: 1 },
      ];
      // Solves far tighter than the spec allows, so that the fixed point and the adjoint are exact to rounding.
      const o: FusedWormholeOptions = {
        ...defaultSpec('wormhole').wormhole,
        ...PLAIN_STEP,
        solver: 'plain',
        adjointSolver: 'plain',
        tol: 1e-14,
        adjointTol: 1e-14,
        maxIter: 500,
        adjointMaxIter: 500,
        gate: 'soft',
        activation: 'tanh',
        wormholes,
        inputWidth: n0,
        widths,
        head,
        pause: false,
      };
      const sizes = [n0 * 4, 4, 4 * 3, 3, 3 * U, U, U * 4, U, 1, 3 * 4, 3, 1];
      // Small weights: a contraction, so the solves converge.
      const weights = sizes.map((n, k) => fixedValues(n, k).map((v) => 0.5 * v));
      const x = Float32Array.from(fixedValues(rows * n0, 9));
      const y = Float32Array.from({ length: rows }, (_, i) =>
        head.kind === 'classes' ? i % 3 : head.kind === 'regression' ? Math.sin(i) : i % 2,
      );
      const gap = gradientGap(
        weights,
        (w, state) => fusedWormholeSteps(o, wholeSetStep(x, y, rows, false), w, state),
        (w) => setMetrics(o, w, { x: Float64Array.from(x), labels: y }).loss,
      );
      expect(gap).toBeLessThan(1e-7);
    });

  for (const [name, feed] of [
    ['3 classes', threeClassFeed],
    ['regression', regressionFeed],
  ] as const) {
    it(`trains fused as by autodiff, step for step (sweeps, traces, weights): ${name}, every optimizer`, async () => {
      // A wormhole between tanh layers: the linear output is outside the loop, which contracts well.
      const wormholes = [{ from: 2, to: 1 }];
      // A rate for targets of several units (the default 0.03 with momentum makes those steps blow up); an adjoint
      // tol above float32's resolution of these heads' adjoint residuals (~3e-7 seen: the band allows 2e-7).
      for (const optimizer of OPTIMIZERS)
        await compare(spec({ wormholes, adjointTol: 1e-5 }, { optimizer, learningRate: 0.01 }), 'same', feed);
    });

    it(`trains fused as by autodiff with the default wormhole out of the linear output: ${name}`, async () => {
      // That loop contracts barely (up to 14 sweeps), and float32 rounding moves the sweeps' residuals by more
      // than the traces' floors: the same stops and weights within tol, as for Anderson's late sweeps.
      await compare(spec({}, { optimizer: 'adam' }), 'rounding', feed);
    });
  }

  it('reports the same frame either way: confusion matrix, K probabilities per cell, predicted test classes', async () => {
    const s = spec({}, { optimizer: 'adam' });
    const fused = new WormholeSession(s, { feed: threeClassFeed(s) });
    const oracle = new WormholeSession(s, { fused: false, feed: threeClassFeed(s) });
    await fused.train(30);
    oracle.importWeights(await fused.exportWeights(), fused.step);
    const [a, b] = [await fused.snapshot({ heatmapRes: 5 }), await oracle.snapshot({ heatmapRes: 5 })];
    expect(frameGap(a, b)).toBeLessThan(1e-4);
    expect(a.heatmap.length).toBe(25 * 3);
    expect(a.testPredicted!.length).toBe(30);
    expect(a.metrics.confusion!.reduce((p, q) => p + q)).toBe(30);
    expect(a.arch.sweepsRelations).toBeUndefined();
    fused.dispose();
    oracle.dispose();
  });

  it('learns three classes', async () => {
    const s = spec({}, { optimizer: 'adam' });
    const session = new WormholeSession(s, { feed: threeClassFeed(s) });
    await session.train(300);
    const { metrics } = await session.snapshot();
    expect(metrics.testAccuracy).toBeGreaterThan(0.8);
    session.dispose();
  });
});
