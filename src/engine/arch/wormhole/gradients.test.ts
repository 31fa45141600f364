/** Findings 3 and 5 of issue 11: L1/L2 now reaches the Wormhole's kernels; hard gates learn and stay in [0, 1]. */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { defaultSpec, type ExperimentSpec, type WeightMap, type WormholeSpec } from '../../../experiment';
import { hardGate } from './model';
import { WormholeSession } from './session';

const xs = [
  [0.5, -1],
  [2, 1.5],
  [-1, 0.25],
  [-2.5, -0.5],
];
const labels = [1, 0, 1, 0];

function spec(wormhole: Partial<WormholeSpec> = {}, change?: (s: ExperimentSpec) => void): ExperimentSpec {
  const s = defaultSpec('wormhole');
  s.seed = 3;
  s.wormhole = { ...s.wormhole, hidden: [4, 4], gateBias: 1, ...wormhole };
  change?.(s);
  return s;
}

const isKernel = (name: string) => name.endsWith('/kernel') || name.endsWith('/gate_kernel');

describe('L1/L2 on the Wormhole (finding 3: gradients were the same at rate 0 and 1)', () => {
  for (const regularization of ['l1', 'l2'] as const)
    it(`${regularization}: rate 1 adds R'(w) to each kernel's gradient and nothing to the biases (autodiff)`, async () => {
      const gradients = async (rate: number) => {
        const s = new WormholeSession(
          spec({}, (x) => (x.training = { ...x.training, regularization, regularizationRate: rate })),
        );
        const g = await s.gradients(xs, labels);
        const w = await s.exportWeights();
        s.dispose();
        return { g, w };
      };
      const [off, on] = [await gradients(0), await gradients(1)];
      for (const [name, { values }] of Object.entries(on.g))
        values.forEach((v, i) => {
          const w = on.w[name].values[i];
          // src/engine/core/fused.ts: l1 rate * (w > 0 ? 1 : -1), l2 rate * w; biases none.
          const term = !isKernel(name) ? 0 : regularization === 'l1' ? (w > 0 ? 1 : -1) : w;
          expect(Math.abs(v - off.g[name].values[i] - term), `${name}[${i}]`).toBeLessThan(1e-6);
        });
    });

  it("the fused step applies the same term: one sgd step at rate r lands r * lr * R'(w) from the step at 0", async () => {
    for (const regularization of ['l1', 'l2'] as const) {
      const step = async (rate: number) => {
        const s = new WormholeSession(
          spec({}, (x) => {
            x.training = { ...x.training, optimizer: 'sgd', learningRate: 0.5, regularization };
            x.training.regularizationRate = rate;
          }),
        );
        expect(s.isFused).toBe(true);
        const before = await s.exportWeights();
        await s.train(1);
        const after = await s.exportWeights();
        s.dispose();
        return { before, after };
      };
      const [off, on] = [await step(0), await step(0.2)];
      for (const [name, { values }] of Object.entries(on.after))
        values.forEach((v, i) => {
          const w = on.before[name].values[i];
          const term = !isKernel(name) ? 0 : 0.2 * (regularization === 'l1' ? (w > 0 ? 1 : -1) : w);
          expect(Math.abs(off.after[name].values[i] - v - 0.5 * term), `${name}[${i}]`).toBeLessThan(2e-7);
        });
    }
  });
});

describe('hard gates (finding 5: at bias -4 they had no gradient; open, they exceeded 1)', () => {
  it('clip(0.5 + z/4, 0, 1): the states get the clipped slope, the gate its straight-through 1/4', () => {
    // z = h c + d = 3 - 4 = -1 (inside: g = 0.25) and -3 - 4 = -7 (clipped: g = 0); loss sum(g * [1, 2]).
    const [h, c, d] = [
      tf.tensor2d([[1], [-1]]),
      tf.variable(tf.tensor2d([[3]])),
      tf.variable(tf.tensor1d([-4])),
    ];
    const w = tf.tensor2d([[1], [2]]);
    expect(Array.from(hardGate(h, c, d).dataSync())).toEqual([0.25, 0]);
    const dh = tf.grad((hs: tf.Tensor) => tf.sum(tf.mul(hardGate(hs as tf.Tensor2D, c, d), w)))(h);
    const { grads } = tf.variableGrads(() => tf.sum(tf.mul(hardGate(h, c, d), w)) as tf.Scalar, [c, d]);
    // dh = 1/4 c w where inside, 0 where clipped; dc = sum 1/4 h w; dd = sum 1/4 w.
    expect(Array.from(dh.dataSync())).toEqual([0.75, 0]);
    expect(Array.from(grads[c.name].dataSync())).toEqual([0.25 * 1 * 1 + 0.25 * -1 * 2]);
    expect(Array.from(grads[d.name].dataSync())).toEqual([0.75]);
    tf.dispose([h, c, d, w, dh, ...Object.values(grads)]);
  });

  it('at the default bias (-4) the gate gets a gradient and learns, in both paths; the old gate could not', async () => {
    const s = spec({ gate: 'hard', gateBias: -4 }, (x) => {
      x.training = { ...x.training, optimizer: 'sgd', learningRate: 0.1 };
    });
    const session = new WormholeSession(s);
    const g: WeightMap = await session.gradients(xs, labels);
    expect(g['wormhole/3->1/gate_bias'].values[0]).not.toBe(0);
    expect(g['wormhole/3->1/gate_kernel'].values[0]).not.toBe(0);
    // The fused kernel trains it: the bias moves off -4.
    expect(session.isFused).toBe(true);
    await session.train(20);
    expect((await session.exportWeights())['wormhole/3->1/gate_bias'].values[0]).not.toBe(-4);
    session.dispose();
    // The old hard gate (now 'relu'): exactly zero gradient, the bias stays.
    const old = new WormholeSession(spec({ gate: 'relu', gateBias: -4 }));
    expect((await old.gradients(xs, labels))['wormhole/3->1/gate_bias'].values[0]).toBe(0);
    await old.train(20);
    expect((await old.exportWeights())['wormhole/3->1/gate_bias'].values[0]).toBe(-4);
    old.dispose();
  });

  it('with every gate closed (g = 0 exactly: an acyclic net, 2 sweeps) its parameters still get a gradient', async () => {
    const session = new WormholeSession(spec({ gate: 'hard', gateBias: -8 }));
    const { trace } = await session.solvePoints(xs);
    expect(trace.gates.at(-1)).toEqual([0]);
    expect(trace.iterations).toBe(2);
    const g = await session.gradients(xs, labels);
    expect(g['wormhole/3->1/gate_bias'].values[0]).not.toBe(0);
    expect(g['wormhole/3->1/gate_kernel'].values[0]).not.toBe(0);
    // V has no way to matter while the gate is shut: no gradient there.
    expect(g['wormhole/3->1/kernel'].values.every((v) => v === 0)).toBe(true);
    session.dispose();
  });

  it('its value stays in [0, 1]: fully open it is 1 exactly (the old gate reached the bias itself)', async () => {
    const means = async (gate: WormholeSpec['gate'], gateBias: number) => {
      const session = new WormholeSession(spec({ gate, gateBias }));
      const { trace } = await session.solvePoints(xs);
      session.dispose();
      return trace.gates.map(([g]) => g);
    };
    for (const bias of [-20, -4, 0, 1, 4, 20])
      for (const g of await means('hard', bias)) expect(g >= 0 && g <= 1, `bias ${bias}: ${g}`).toBe(true);
    expect((await means('hard', 20)).at(-1)).toBe(1);
    expect((await means('hard', -20)).at(-1)).toBe(0);
    expect((await means('relu', 20)).at(-1)).toBeGreaterThan(10);
  });
});
