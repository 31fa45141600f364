/**
 * Finding 4 of issue 11: the unrolled ablation differentiates the iterations the chosen solver made (under
 * Anderson it used to backpropagate through plain sweeps).
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  createRng,
  defaultSpec,
  type ExperimentSpec,
  type WeightMap,
  type WormholeSpec,
} from '../../../experiment';
import { readReference } from '../../testing/reference';
import { FusedSweep } from './fusedSweep';
import { createWormhole } from './model';
import { WormholeOps } from './ops';
import type { Iterations } from './solvers';

const xs = [
  [0.5, -1],
  [2, 1.5],
  [-1, 0.25],
  [-2.5, -0.5],
];
const labels = [1, 0, 1, 0];

function spec(wormhole: Partial<WormholeSpec>): ExperimentSpec {
  const s = defaultSpec('wormhole');
  s.seed = 3;
  s.wormhole = { ...s.wormhole, hidden: [4, 4], gateBias: 1, ...wormhole };
  return s;
}

describe('the unrolled ablation (finding 4: under Anderson it unrolled plain sweeps)', () => {
  /**
   * The loss of a recorded iteration, replayed in float64 with the fused kernel's sweep (an implementation apart
   * from solvers.ts's replayIterations): X_1 = 0, F_k = Phi(X_k), X_(k+1) as recorded, the loss of the last F.
   */
  function replay(s: ExperimentSpec, weights: Float32Array[], c: Case, iterations: Iterations) {
    const rows = c.xs.length;
    const shape = {
      ...s.wormhole,
      inputWidth: 2,
      widths: [...s.wormhole.hidden, 1],
      head: { kind: 'binary' as const },
    };
    const sweep = new FusedSweep(shape, weights, rows);
    const D = sweep.D;
    const [Xs, Fs] = [[new Float64Array(rows * D)], [] as Float64Array[]];
    const beta = s.wormhole.damping;
    for (let k = 0; ; k++) {
      Fs.push(new Float64Array(rows * D));
      sweep.forward(Float64Array.from(c.xs.flat()), Xs[k], Fs[k]);
      const step = iterations[k];
      if (!step) break;
      const X = new Float64Array(rows * D);
      for (let r = 0; r < rows; r++)
        for (let d = r * D; d < (r + 1) * D; d++) {
          if (step.plain) X[d] = (1 - beta) * Xs[k][d] + beta * Fs[k][d];
          else
            for (let i = 0; i < step.M; i++) {
              const j = k - step.M + 1 + i;
              X[d] += step.alpha[r * step.M + i] * (Xs[j][d] + beta * (Fs[j][d] - Xs[j][d]));
            }
        }
      Xs.push(X);
    }
    const F = Fs.at(-1)!;
    const loss = c.labels.reduce((sum, t, r) => sum + (F[r * D + D - 1] - (2 * t - 1)) ** 2, 0) / (2 * rows);
    return { loss, F };
  }

  interface Case {
    xs: number[][];
    labels: number[];
    /** Weights to start from (else the seeded initialisation). */
    weights?: WeightMap;
  }
  const small: Case = { xs, labels };
  // The batch where Anderson stalled: long solves, and the safeguard restarts rows there.
  const stall = readReference<{ weights: WeightMap; xs: number[][] }>('wormhole-stall.json');
  const stalled: Case = { ...stall, labels: stall.xs.map(([a, b]) => (a * a + b * b < 6.25 ? 1 : 0)) };

  /** Rows of a mix whose coefficients are the safeguard's fallback: 1 on the pair before the newest. */
  const fallbacks = (iterations: Iterations, rows: number) =>
    iterations.filter(
      (step) =>
        !step.plain &&
        Array.from({ length: rows }, (_, r) => step.alpha.slice(r * step.M, (r + 1) * step.M)).some(
          (a) => a[step.M - 2] === 1 && a.reduce((sum, v) => sum + Math.abs(v), 0) === 1,
        ),
    ).length;

  /**
   * Bounds on ||g - fd|| / ||fd||: float32 autodiff against the float64 replay, measured 1.4e-7 on the small net
   * and 2.6e-6 over the stalled batch's longer solve. Backprop through plain sweeps instead (what the ablation
   * did): 1.5e-5 and 1.8e-3. (Unguarded Anderson's 52-sweep wander on the stalled batch is no case: its mixes
   * amplify float32 rounding until the float32 and float64 replays' gradients differ by 5%.)
   */
  const cases: [string, Case, Partial<WormholeSpec>, number][] = [
    ['anderson, open gates', small, { solver: 'anderson' }, 2e-6],
    ['safeguarded, open gates', small, { solver: 'safeguarded' }, 2e-6],
    [
      'safeguarded, the stalled batch (with fallbacks)',
      stalled,
      { solver: 'safeguarded', hidden: [6, 6] },
      2e-5,
    ],
  ];
  for (const [name, c, wormhole, bound] of cases)
    it(`${name}: its gradient is the finite difference of the loss of the iterations the solve made`, async () => {
      const s = spec({ ...wormhole, gradient: 'unrolled', gateBias: c.weights ? -4 : 1 });
      const model = createWormhole(s.wormhole, s.training, 2, createRng(5));
      if (c.weights)
        model.weights.forEach((w) =>
          w.variable.assign(tf.tensor(c.weights![w.name].values, w.variable.shape)),
        );
      const ops = new WormholeOps(model, s.wormhole);
      const [x, y] = [tf.tensor2d(c.xs), tf.tensor2d(c.labels, [c.labels.length, 1])];
      const { grads, solve } = await ops.gradients(x, y);
      const iterations: Iterations = [];
      const { state } = await ops.solve(x, undefined, iterations);
      // The same solve again: the iterations it made, with mixes of two or more iterates among them.
      expect(iterations).toHaveLength(solve.iterations - 1);
      expect(iterations.some((step) => !step.plain && step.M >= 2)).toBe(true);
      if (name.includes('fallbacks')) expect(fallbacks(iterations, c.xs.length)).toBeGreaterThan(0);
      const weights = await Promise.all(
        model.weights.map(async (w) => Float32Array.from(await w.variable.data())),
      );
      // What is replayed is what was solved.
      const solved = await state.data();
      replay(s, weights, c, iterations).F.forEach((v, i) =>
        expect(Math.abs(v - solved[i])).toBeLessThan(1e-5),
      );
      // Central differences, weight by weight (float32 steps, divided by the change they really made).
      let [num, den] = [0, 0];
      const h = 2 ** -12;
      for (const [k, w] of weights.entries()) {
        const g = await grads[model.weights[k].variable.name].data();
        w.forEach((v, i) => {
          w[i] = v + h;
          const [up, plus] = [w[i], replay(s, weights, c, iterations).loss];
          w[i] = v - h;
          const [down, minus] = [w[i], replay(s, weights, c, iterations).loss];
          w[i] = v;
          const fd = (plus - minus) / (up - down);
          num += (g[i] - fd) ** 2;
          den += fd ** 2;
        });
      }
      expect(Math.sqrt(num / den)).toBeLessThan(bound);
      tf.dispose([x, y, state, ...Object.values(grads), ...model.weights.map((w) => w.variable)]);
    });
});
