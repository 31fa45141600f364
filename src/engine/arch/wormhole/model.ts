/**
 * Fixed-point network with temporal wormholes (docs/DESIGN.md 1.3; a reconstruction from the paper's abstract):
 *   h_0 = x;  for l = 1..L:  a_l = h_{l-1} W_l + b_l + sum over wormholes j->l (j > l) of g_jl * (h_j V_jl)
 *                            h_l = tanh(a_l)   (option relu for l < L; the output h_L is always tanh,
 *                            so it can reach the targets -1 and +1)
 *   g_jl = sigmoid(h_j c_jl + d_jl)  (option hard: max(0, h_j c_jl + d_jl), exactly 0 when closed)
 * Phi(H, x) is one Gauss-Seidel sweep: layer l reads this sweep's h_{l-1} and the previous iterate's h_j (j > l).
 * The output is h_L at the fixed point H* = Phi(H*, x); the loss is 0.5 * mean over samples of (h_L - t)^2.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WormholeSpec } from '../../../experiment';
import type { Rng } from '../../../experiment';
import { glorotKernel, zeroBias } from '../mlp/model';
import type { NamedWeight } from '../../core/model';

export interface WormholeModel {
  readonly weights: NamedWeight[];
  /** Widths of layers 1..L. */
  readonly widths: number[];
  readonly wormholes: WormholeSpec['wormholes'];
  /** One sweep Phi(H, x); H and the result are the L layer states. */
  sweep(H: tf.Tensor2D[], x: tf.Tensor2D): tf.Tensor2D[];
  /** Gate values g_jl of each wormhole for the states H, each [n, 1]. */
  gates(H: tf.Tensor2D[]): tf.Tensor2D[];
}

export const wormholeName = (w: { from: number; to: number }) => `wormhole/${w.from}->${w.to}`;

export function createWormhole(spec: WormholeSpec, inputWidth: number, rng: Rng): WormholeModel {
  const widths = [...spec.hidden, 1];
  const layers = widths.map((width, i) => ({
    W: glorotKernel(`layer${i + 1}/kernel`, i === 0 ? inputWidth : widths[i - 1], width, rng),
    b: zeroBias(`layer${i + 1}/bias`, width),
  }));
  const holes = spec.wormholes.map((w) => {
    const name = wormholeName(w);
    const fanIn = widths[w.from - 1];
    const c = glorotKernel(`${name}/gate_kernel`, fanIn, 1, rng);
    return {
      ...w,
      V: glorotKernel(`${name}/kernel`, fanIn, widths[w.to - 1], rng),
      c,
      d: { name: `${name}/gate_bias`, variable: tf.tidy(() => tf.variable(tf.fill([1], spec.gateBias))) },
    };
  });
  const weights = [...layers.flatMap((l) => [l.W, l.b]), ...holes.flatMap((h) => [h.V, h.c, h.d])];
  const act = (a: tf.Tensor2D) => (spec.activation === 'relu' ? tf.relu(a) : tf.tanh(a));
  const gate = (h: tf.Tensor2D, hole: (typeof holes)[number]) => {
    const z = tf.add(tf.matMul(h, hole.c.variable as tf.Tensor2D), hole.d.variable) as tf.Tensor2D;
    return spec.gate === 'hard' ? tf.relu(z) : tf.sigmoid(z);
  };

  return {
    weights,
    widths,
    wormholes: spec.wormholes,
    sweep(H, x) {
      const next: tf.Tensor2D[] = [];
      layers.forEach(({ W, b }, i) => {
        const l = i + 1;
        let a = tf.add(
          tf.matMul(i === 0 ? x : next[i - 1], W.variable as tf.Tensor2D),
          b.variable,
        ) as tf.Tensor2D;
        for (const hole of holes) {
          if (hole.to !== l) continue;
          const hj = H[hole.from - 1];
          a = tf.add(a, tf.mul(gate(hj, hole), tf.matMul(hj, hole.V.variable as tf.Tensor2D)));
        }
        next.push(l === layers.length ? tf.tanh(a) : act(a));
      });
      return next;
    },
    gates: (H) => holes.map((hole) => gate(H[hole.from - 1], hole)),
  };
}
