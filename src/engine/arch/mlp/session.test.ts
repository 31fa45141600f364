import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { defaultSpec, type ExperimentSpec } from '../../../experiment';
import { createSession, sessionOf, SpecError } from '../..';
import type { WeightMap } from '../../core/model';

/** Float64 reference of the MLP, written from the maths in model.ts: tanh hidden layers, a logit output. */
function referenceLogit(w: WeightMap, layers: number, x: number[]): number {
  let h = x;
  for (let l = 0; l < layers; l++) {
    const k = w[`dense${l}/kernel`];
    const b = w[`dense${l}/bias`].values;
    const [fanIn, fanOut] = k.shape;
    const a = Array.from({ length: fanOut }, (_, j) => {
      let s = b[j];
      for (let i = 0; i < fanIn; i++) s += h[i] * k.values[i * fanOut + j];
      return s;
    });
    h = l === layers - 1 ? a : a.map(Math.tanh);
  }
  return h[0];
}

/** Mean sigmoid cross-entropy plus 0.5 * l2 * sum of squared kernel weights. */
function referenceLoss(w: WeightMap, layers: number, xs: number[][], ys: number[], l2: number): number {
  let total = 0;
  xs.forEach((x, n) => {
    const z = referenceLogit(w, layers, x);
    total += Math.max(z, 0) - z * ys[n] + Math.log1p(Math.exp(-Math.abs(z)));
  });
  let reg = 0;
  for (let l = 0; l < layers; l++) for (const v of w[`dense${l}/kernel`].values) reg += 0.5 * v * v;
  return total / xs.length + l2 * reg;
}

const small = (): ExperimentSpec => {
  const spec = defaultSpec('mlp');
  spec.mlp.hiddenLayers = [3, 2];
  spec.training.regularization = 'l2';
  spec.training.regularizationRate = 0.01;
  return spec;
};

describe('MLP session', () => {
  it('predicts what the float64 reference computes', async () => {
    const s = sessionOf(await createSession(small()), 'mlp');
    const w = await s.exportWeights();
    const xs = [
      [0.5, -1],
      [3, 2],
      [-4, 0.25],
    ];
    const y = await s.predict(xs);
    xs.forEach((x, i) => expect(y[i][0]).toBeCloseTo(referenceLogit(w, 3, x), 5));
    s.dispose();
  });

  it('has gradients that match central finite differences of the float64 reference', async () => {
    const s = sessionOf(await createSession(small()), 'mlp');
    const w = await s.exportWeights();
    const xs = [
      [0.5, -1],
      [3, 2],
      [-4, 0.25],
      [1, 1],
    ];
    const ys = [1, 0, 1, 0];
    const g = await s.gradients(xs, ys);
    const eps = 1e-6;
    for (const name of Object.keys(w)) {
      w[name].values.forEach((v, i) => {
        const plus = structuredClone(w);
        const minus = structuredClone(w);
        plus[name].values[i] = v + eps;
        minus[name].values[i] = v - eps;
        const fd = (referenceLoss(plus, 3, xs, ys, 0.01) - referenceLoss(minus, 3, xs, ys, 0.01)) / (2 * eps);
        expect(Math.abs(g[name].values[i] - fd)).toBeLessThan(1e-4 + 1e-3 * Math.abs(fd));
      });
    }
    s.dispose();
  });

  it('is deterministic per seed on cpu: the same spec gives the same losses step for step', async () => {
    const run = async () => {
      const s = await createSession(defaultSpec('mlp'));
      const losses: number[] = [];
      for (let i = 0; i < 5; i++) {
        await s.train(20);
        losses.push((await s.evaluate()).trainLoss);
      }
      s.dispose();
      return losses;
    };
    expect(await run()).toEqual(await run());
  });

  it('round-trips weights through export and import', async () => {
    const a = sessionOf(await createSession(defaultSpec('mlp')), 'mlp');
    await a.train(50);
    const b = sessionOf(await createSession(defaultSpec('mlp')), 'mlp');
    b.importWeights(await a.exportWeights());
    expect(await b.predict([[1, 2]])).toEqual(await a.predict([[1, 2]]));
    expect(() => b.importWeights({})).toThrow(SpecError);
    a.dispose();
    b.dispose();
  });

  it('refuses an invalid spec with a clear error', async () => {
    const spec = defaultSpec('mlp');
    spec.mlp.hiddenLayers = [4, 1e9];
    await expect(createSession(spec)).rejects.toThrow(/hidden layers must be/);
  });

  it.each(['mlp', 'dian'] as const)('leaves no tensor behind after dispose (%s)', async (architecture) => {
    const before = tf.memory().numTensors;
    const s = await createSession(defaultSpec(architecture));
    await s.train(3);
    await s.snapshot({ heatmapRes: 4, neuronRes: 2 });
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each(['mlp', 'dian'] as const)(
    'does not leak tensors over 2,000 steps with snapshots (%s)',
    async (arch) => {
      const spec = defaultSpec(arch);
      spec.training.optimizer = 'adam';
      const s = await createSession(spec);
      // Warm up past the DIAN's gate trace (it keeps the last iterations' gate means on the device).
      await s.train(100);
      await s.snapshot({ heatmapRes: 20, neuronRes: 8 });
      const before = tf.memory().numTensors;
      for (let i = 0; i < 20; i++) {
        await s.train(100);
        await s.snapshot({ heatmapRes: 20, neuronRes: 8 });
      }
      expect(tf.memory().numTensors).toBe(before);
      s.dispose();
    },
  );
});
