import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { defaultSpec, type ExperimentSpec, type WeightMap } from '../../../experiment';
import { createSession, sessionOf } from '../..';
import { expectClose, readReference } from '../../testing/reference';

interface WormholeVectors {
  weights: WeightMap;
  xs: number[][];
  targets: number[][];
  y: number[][];
  loss: number;
  gradients: WeightMap;
}

const wormholeSpec = (change?: (s: ExperimentSpec) => void): ExperimentSpec => {
  const spec = defaultSpec('wormhole');
  spec.wormhole.hidden = [4, 4];
  change?.(spec);
  return spec;
};

const open = async (spec: ExperimentSpec) => sessionOf(await createSession(spec), 'wormhole');
/** Labels 0/1 from the reference's +-1 targets. */
const labelsOf = (targets: number[][]) => targets.map(([t]) => (t + 1) / 2);
const relativeError = (a: WeightMap, b: WeightMap) => {
  let num = 0;
  let den = 0;
  for (const name of Object.keys(b)) {
    b[name].values.forEach((v, i) => {
      num += (a[name].values[i] - v) ** 2;
      den += v ** 2;
    });
  }
  return Math.sqrt(num / den);
};

describe('Wormhole network against the shared reference vectors', () => {
  const ref = readReference<{ wormhole: WormholeVectors }>('dian-wormhole-vectors.json').wormhole;
  const spec = wormholeSpec((s) => {
    s.wormhole.tol = 1e-7;
    s.wormhole.adjointTol = 1e-7;
    s.wormhole.maxIter = 200;
    s.wormhole.adjointMaxIter = 200;
  });

  it('reaches the reference fixed point (y to 1e-5) with either solver', async () => {
    for (const solver of ['plain', 'anderson'] as const) {
      const s = await open({ ...spec, wormhole: { ...spec.wormhole, solver } });
      s.importWeights(ref.weights);
      const y = await s.predict(ref.xs);
      y.forEach(([v], i) => expectClose(v, ref.y[i][0], 1e-5));
      s.dispose();
    }
  });

  it('its implicit gradient reproduces the exact reference gradient (1e-4 relative)', async () => {
    const s = await open(spec);
    s.importWeights(ref.weights);
    const g = await s.gradients(ref.xs, labelsOf(ref.targets));
    expect(relativeError(g, ref.gradients)).toBeLessThan(1e-4);
    s.dispose();
  });
});

describe('fixed-point solves', () => {
  it('with every gate closed (hard gates) one sweep reaches the fixed point and the next confirms it', async () => {
    const s = await open(wormholeSpec((w) => (w.wormhole.gate = 'hard')));
    await s.predict([[1, 2]]);
    const replay = await s.replay();
    expect(replay.stop).toBe('tol');
    expect(replay.iterations).toBe(2);
    expect(replay.relResidual[0]).toBeCloseTo(1, 6);
    expect(replay.relResidual[1]).toBe(0);
    s.dispose();
  });

  it('with open gates the solution satisfies H = Phi(H) to tol, and Anderson needs fewer sweeps than plain', async () => {
    // The reference network: its open wormhole makes plain iteration converge slowly.
    const ref = readReference<{ wormhole: WormholeVectors }>('dian-wormhole-vectors.json').wormhole;
    const iterations: Record<string, number> = {};
    for (const solver of ['plain', 'anderson'] as const) {
      const s = await open(
        wormholeSpec((w) => {
          w.wormhole.solver = solver;
          w.wormhole.tol = 1e-6;
          w.wormhole.maxIter = 200;
        }),
      );
      s.importWeights(ref.weights);
      s.select(ref.xs[0] as [number, number]);
      const r = await s.replay();
      expect(r.stop).toBe('tol');
      expect(r.relResidual.at(-1)!).toBeLessThan(1e-6);
      // The returned state is a fixed point to tol: one more sweep moves it by less than about tol.
      const last = r.states.at(-1)!;
      const before = r.states.at(-2)!;
      const moved = Math.hypot(...last.map((v, i) => v - before[i])) / Math.hypot(...last);
      expect(moved).toBeLessThan(1e-5);
      iterations[solver] = r.iterations;
      s.dispose();
    }
    expect(iterations.plain).toBeGreaterThan(8);
    expect(iterations.anderson).toBeLessThan(iterations.plain);
  });

  it('solvePoints reports a batch solve: the slowest sample sets the batch sweeps; nothing trains or leaks', async () => {
    const closed = await open(wormholeSpec((w) => (w.wormhole.gate = 'hard')));
    // Closed gates: sweep 1 reaches the fixed point of every sample, sweep 2 confirms it.
    const shut = await closed.solvePoints([
      [1, 2],
      [0.5, -1],
    ]);
    expect(shut.trace.iterations).toBe(2);
    expect(Array.from(shut.sampleIterations)).toEqual([2, 2]);
    closed.dispose();
    const ref = readReference<{ wormhole: WormholeVectors }>('dian-wormhole-vectors.json').wormhole;
    const s = await open(wormholeSpec((w) => (w.wormhole.solver = 'plain')));
    s.importWeights(ref.weights);
    const weights = await s.exportWeights();
    const tensors = tf.memory().numTensors;
    const { trace, sampleIterations } = await s.solvePoints(ref.xs);
    expect(trace.stop).toBe('tol');
    expect(sampleIterations).toHaveLength(ref.xs.length);
    expect(Math.max(...sampleIterations)).toBe(trace.iterations);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(s.step).toBe(0);
    expect(await s.exportWeights()).toEqual(weights);
    s.dispose();
  });
});

describe('implicit differentiation', () => {
  const spec = wormholeSpec((w) => {
    w.wormhole.gateBias = 1;
    w.wormhole.tol = 1e-7;
    w.wormhole.adjointTol = 1e-7;
    w.wormhole.maxIter = 300;
    w.wormhole.adjointMaxIter = 300;
    w.wormhole.solver = 'plain';
    w.seed = 3;
  });
  const xs = [
    [0.5, -1],
    [2, 1.5],
    [-1, 0.25],
  ];
  const labels = [1, 0, 1];

  it('agrees with backprop through the unrolled iterations to 1e-4 relative', async () => {
    const implicit = await open(spec);
    const unrolled = await open({ ...spec, wormhole: { ...spec.wormhole, gradient: 'unrolled' } });
    const gi = await implicit.gradients(xs, labels);
    const gu = await unrolled.gradients(xs, labels);
    expect(implicit.lastAdjoint?.stop).toBe('tol');
    expect(relativeError(gi, gu)).toBeLessThan(1e-4);
    implicit.dispose();
    unrolled.dispose();
  });

  it('works without any wormhole (an acyclic network: the adjoint is the loss gradient itself)', async () => {
    const acyclic = { ...spec, wormhole: { ...spec.wormhole, wormholes: [] } };
    const implicit = await open(acyclic);
    const unrolled = await open({ ...acyclic, wormhole: { ...acyclic.wormhole, gradient: 'unrolled' } });
    expect(
      relativeError(await implicit.gradients(xs, labels), await unrolled.gradients(xs, labels)),
    ).toBeLessThan(1e-6);
    await implicit.train(3);
    expect(implicit.step).toBe(3);
    implicit.dispose();
    unrolled.dispose();
  });

  it('agrees with central finite differences of the loss at the fixed point', async () => {
    const s = await open(spec);
    const g = await s.gradients(xs, labels);
    const w = await s.exportWeights();
    const lossAt = async (weights: WeightMap) => {
      s.importWeights(weights);
      const y = await s.predict(xs);
      return (0.5 * y.reduce((sum, [v], i) => sum + (v - (2 * labels[i] - 1)) ** 2, 0)) / xs.length;
    };
    const eps = 1e-2;
    for (const name of ['layer1/kernel', 'layer3/bias', 'wormhole/3->1/kernel', 'wormhole/3->1/gate_bias']) {
      for (const i of [0, w[name].values.length - 1]) {
        const plus = structuredClone(w);
        const minus = structuredClone(w);
        plus[name].values[i] += eps;
        minus[name].values[i] -= eps;
        const fd = ((await lossAt(plus)) - (await lossAt(minus))) / (2 * eps);
        expect(Math.abs(g[name].values[i] - fd)).toBeLessThan(2e-3 + 2e-2 * Math.abs(fd));
      }
    }
    s.dispose();
  });
});

describe('Wormhole training', () => {
  it('learns, records its traces, and does not leak tensors over 1,000 steps', async () => {
    const s = await open(wormholeSpec());
    const start = await s.evaluate();
    await s.train(20);
    await s.snapshot({ heatmapRes: 10 });
    const before = tf.memory().numTensors;
    await s.train(980);
    await s.snapshot({ heatmapRes: 10 });
    expect(tf.memory().numTensors).toBe(before);
    const end = await s.evaluate();
    expect(end.trainLoss).toBeLessThan(start.trainLoss);
    expect(s.lastSolve?.iterations).toBeGreaterThan(0);
    expect(s.lastAdjoint?.iterations).toBeGreaterThan(0);
    s.dispose();
  }, 300_000);
});
