import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { defaultSpec, type ExperimentSpec, type WeightMap } from '../../../experiment';
import { createSession, sessionOf } from '../..';
import { createRng } from '../../../experiment';
import { expectClose, readReference, type DianVectors } from '../../testing/reference';
import { createDian, gateActive } from './model';

/** Float64 DIAN written from docs/DESIGN.md 1.1 (extra path from x, no final activation), and its loss. */
function referenceDian(w: WeightMap, x: number[], active: boolean): { y: number; g: number } {
  const dense = (h: number[], name: string, relu: boolean) => {
    const k = w[`${name}/kernel`];
    const [fanIn, fanOut] = k.shape;
    return Array.from({ length: fanOut }, (_, j) => {
      let s = w[`${name}/bias`].values[j];
      for (let i = 0; i < fanIn; i++) s += h[i] * k.values[i * fanOut + j];
      return relu ? Math.max(0, s) : s;
    });
  };
  const h2 = dense(dense(x, 'layer1', true), 'layer2', true);
  const e = dense(x, 'extra', true);
  const g = 1 / (1 + Math.exp(-dense(e, 'gate', false)[0]));
  const z = active ? h2.map((v, i) => v + g * e[i]) : h2;
  return { y: dense(z, 'layer3', false)[0], g };
}

function referenceLoss(w: WeightMap, xs: number[][], ys: number[], active: boolean): number {
  let total = 0;
  xs.forEach((x, n) => {
    const z = referenceDian(w, x, active).y;
    total += Math.max(z, 0) - z * ys[n] + Math.log1p(Math.exp(-Math.abs(z)));
  });
  return total / xs.length;
}

const dianSpec = (): ExperimentSpec => {
  const spec = defaultSpec('dian');
  spec.dian.layer1 = 4;
  spec.dian.layer2 = 3;
  return spec;
};

describe('DIAN forward pass', () => {
  it('matches the shared reference vectors (gate, y on an active and an inactive iteration) to 1e-5', async () => {
    const ref = readReference<{ dian: DianVectors }>('dian-wormhole-vectors.json').dian;
    const s = sessionOf(await createSession(dianSpec()), 'dian');
    s.importWeights(ref.weights);
    const on = await s.predict(ref.xs, { gate: 'on' });
    const off = await s.predict(ref.xs, { gate: 'off' });
    const gates = await s.gateValues(ref.xs);
    ref.xs.forEach((_, i) => {
      expectClose(on[i][0], ref.y_on[i][0], 1e-5);
      expectClose(off[i][0], ref.y_off[i][0], 1e-5);
      expectClose(gates[i], ref.gate[i], 1e-5);
    });
    s.dispose();
  });

  it('equals a hand-computed result on tiny weights', async () => {
    // x = (1, 2). h1 = relu([1 2] [[1],[1]] + 0) = 3. h2 = relu(3 * 2 - 1) = 5.
    // e = relu([1 2] [[1],[-0.25]] + 0.5) = relu(1 - 0.5 + 0.5) = 1. g = sigmoid(1 * 0 + 0) = 0.5.
    // Active: z = 5 + 0.5 * 1 = 5.5, y = 5.5 * 2 + 1 = 12.   Inactive: z = 5, y = 11.
    const spec = defaultSpec('dian');
    spec.dian.layer1 = 1;
    spec.dian.layer2 = 1;
    const s = sessionOf(await createSession(spec), 'dian');
    const t = (shape: number[], values: number[]) => ({ shape, values });
    s.importWeights({
      'layer1/kernel': t([2, 1], [1, 1]),
      'layer1/bias': t([1], [0]),
      'layer2/kernel': t([1, 1], [2]),
      'layer2/bias': t([1], [-1]),
      'layer3/kernel': t([1, 1], [2]),
      'layer3/bias': t([1], [1]),
      'extra/kernel': t([2, 1], [1, -0.25]),
      'extra/bias': t([1], [0.5]),
      'gate/kernel': t([1, 1], [0]),
      'gate/bias': t([1], [0]),
    });
    expect(await s.predict([[1, 2]], { gate: 'on' })).toEqual([[12]]);
    expect(await s.predict([[1, 2]], { gate: 'off' })).toEqual([[11]]);
    expect(await s.gateValues([[1, 2]])).toEqual([0.5]);
    s.dispose();
  });

  it('works at the sizes of the reference example (100, 50, 30, 10) on both kinds of iteration', () => {
    const model = createDian(
      { source: 'x', finalActivation: 'relu', init: 'glorot' },
      { inputs: 100, layer1: 50, layer2: 30, outputs: 10 },
      defaultSpec().training,
      createRng(3),
    );
    const x = tf.randomNormal([7, 100], 0, 1, 'float32', 1) as tf.Tensor2D;
    for (const gate of [true, false]) {
      const y = model.predict(x, gate);
      expect(y.shape).toEqual([7, 10]);
      y.dispose();
    }
    const loss = model.loss(x, tf.zeros([7, 10]), true);
    expect(loss.shape).toEqual([]);
    tf.dispose([x, loss, ...model.weights.map((w) => w.variable)]);
  });
});

describe('DIAN gradients', () => {
  const xs = [
    [0.5, -1],
    [3, 2],
    [-2, 0.25],
    [1, 1.5],
  ];
  const ys = [1, 0, 1, 0];
  const extraPath = ['extra/kernel', 'extra/bias', 'gate/kernel', 'gate/bias'];

  it('the gate path gets zero gradient on inactive iterations and non-zero on active ones', async () => {
    const s = sessionOf(await createSession(dianSpec()), 'dian');
    const active = await s.gradients(xs, ys, { gate: 'on' });
    const inactive = await s.gradients(xs, ys, { gate: 'off' });
    for (const name of extraPath) {
      expect(inactive[name].values.every((v) => v === 0)).toBe(true);
      expect(active[name].values.some((v) => Math.abs(v) > 1e-6)).toBe(true);
    }
    expect(inactive['layer1/kernel'].values.some((v) => v !== 0)).toBe(true);
    s.dispose();
  });

  it.each([true, false])(
    'match central finite differences of the float64 reference (active: %s)',
    async (active) => {
      const s = sessionOf(await createSession(dianSpec()), 'dian');
      const w = await s.exportWeights();
      const g = await s.gradients(xs, ys, { gate: active ? 'on' : 'off' });
      const eps = 1e-6;
      for (const name of Object.keys(w)) {
        w[name].values.forEach((v, i) => {
          const plus = structuredClone(w);
          const minus = structuredClone(w);
          plus[name].values[i] = v + eps;
          minus[name].values[i] = v - eps;
          const fd = (referenceLoss(plus, xs, ys, active) - referenceLoss(minus, xs, ys, active)) / (2 * eps);
          expect(Math.abs(g[name].values[i] - fd)).toBeLessThan(1e-4 + 1e-3 * Math.abs(fd));
        });
      }
      s.dispose();
    },
  );
});

describe('DIAN training', () => {
  it('opens the gate on even steps only: the trace has values on even steps and NaN on odd ones', async () => {
    const s = sessionOf(await createSession(dianSpec()), 'dian');
    await s.train(6);
    const { gateTrace } = (await s.snapshot()).arch;
    const last6 = Array.from(gateTrace.slice(-6));
    // Steps 1..6: closed, open, closed, open, closed, open.
    last6.forEach((g, i) => {
      if ((i + 1) % 2 === 0) expect(g).toBeGreaterThan(0);
      else expect(g).toBeNaN();
    });
    s.dispose();
  });

  it('is deterministic per seed', async () => {
    const run = async () => {
      const s = sessionOf(await createSession(dianSpec()), 'dian');
      await s.train(60);
      const w = await s.exportWeights();
      s.dispose();
      return w;
    };
    expect(await run()).toEqual(await run());
  });

  it('counts iterations by step or by epoch, with any period, and the ablation schedules', () => {
    const dian = defaultSpec('dian').dian;
    expect([1, 2, 3, 4].map((t) => gateActive(dian, t))).toEqual([false, true, false, true]);
    expect([1, 2, 3, 6].map((t) => gateActive({ ...dian, period: 3 }, t))).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(gateActive({ ...dian, schedule: 'always' }, 1)).toBe(true);
    expect(gateActive({ ...dian, schedule: 'never' }, 2)).toBe(false);
  });

  it('in epoch mode the gate follows the epoch (250 training points, batch 50: 5 steps per epoch)', async () => {
    const spec = dianSpec();
    spec.dian.iteration = 'epoch';
    spec.training.batchSize = 50;
    const s = sessionOf(await createSession(spec), 'dian');
    await s.train(10);
    const trace = Array.from((await s.snapshot()).arch.gateTrace.slice(-10));
    // Steps 1-5 are epoch 1 (closed), steps 6-10 epoch 2 (open).
    expect(trace.slice(0, 5).every(Number.isNaN)).toBe(true);
    expect(trace.slice(5).every((g) => g > 0)).toBe(true);
    s.dispose();
  });
});
