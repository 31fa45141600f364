/**
 * Fixed-point network with temporal wormholes (docs/DESIGN.md 1.3; a reconstruction from the paper's abstract):
 *   h_0 = x;  for l = 1..L:  a_l = h_{l-1} W_l + b_l + sum over wormholes j->l (j > l) of g_jl * (h_j V_jl)
 *                            h_l = tanh(a_l)   (option relu for l < L; the output h_L, headUnits(head)
 *                            wide, is tanh for the binary head, so it can reach the targets -1 and +1, and
 *                            linear for K classes (K logits) and regression (head.ts))
 *   g_jl = gate(z),  z = h_j c_jl + d_jl:
 *     soft   sigmoid(z)
 *     hard   clip(0.5 + z / 4, 0, 1): the sigmoid's value and slope at 0, exactly 0 for z <= -2 and 1 for
 *            z >= 2. Its gradient reaches the states with the true slope (1/4 inside, 0 where clipped), and the
 *            gate's own c and d with a straight-through slope 1/4 everywhere: a closed gate still learns whether
 *            opening would lower the loss, while the fixed point's Jacobian (and so the adjoint) stays exact.
 *     relu   max(0, z): the old hard gate (unbounded above; no gradient while closed), kept for old links
 * Phi(H, x) is one Gauss-Seidel sweep: layer l reads this sweep's h_{l-1} and the previous iterate's h_j (j > l).
 * The output is h_L at the fixed point H* = Phi(H*, x); the loss is the head's: binary 0.5 * mean over samples of
 * (h_L - t)^2 with t = 2 label - 1; K classes softmax cross-entropy; regression 0.5 * mean (h_L - t)^2; and
 * L1/L2 (the Training panel's) on the kernels W_l, V_jl, c_jl: rate * sum |w| or rate * 0.5 * sum w^2.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  headUnits,
  type OutputHead,
  type Rng,
  type TrainingSpec,
  type WormholeSpec,
} from '../../../experiment';
import { tanhOutput } from './head';
import { glorotKernel, regularization, zeroBias } from '../mlp/model';
import type { NamedWeight } from '../../core/model';

export interface WormholeModel {
  readonly weights: NamedWeight[];
  /** Widths of layers 1..L. */
  readonly widths: number[];
  readonly wormholes: WormholeSpec['wormholes'];
  readonly head: OutputHead;
  /** One sweep Phi(H, x); H and the result are the L layer states. */
  sweep(H: tf.Tensor2D[], x: tf.Tensor2D): tf.Tensor2D[];
  /** Gate values g_jl of each wormhole for the states H, each [n, 1]. */
  gates(H: tf.Tensor2D[]): tf.Tensor2D[];
  /** The regularisation term on the kernels (a scalar; 0 without L1/L2). */
  regularization(): tf.Scalar;
}

/** The identity with no gradient. */
const stopGradient = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
  value: (args[0] as tf.Tensor).clone(),
  gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
})) as <T extends tf.Tensor>(x: T) => T;

/**
 * The hard gate clip(0.5 + z / 4, 0, 1) of z = h c + d, with the gradients described above: the states see the
 * clipped slope through z_h = h stop(c) + stop(d); the gate's c and d see 1/4 through z_theta = stop(h) c + d,
 * added as 0.25 (z_theta - stop(z_theta)), which is exactly 0 in value.
 */
export function hardGate(h: tf.Tensor2D, c: tf.Tensor2D, d: tf.Tensor): tf.Tensor2D {
  const zh = tf.add(tf.matMul(h, stopGradient(c)), stopGradient(d));
  const zTheta = tf.add(tf.matMul(stopGradient(h), c), d);
  const straight = tf.mul(0.25, tf.sub(zTheta, stopGradient(zTheta)));
  return tf.add(tf.clipByValue(tf.add(0.5, tf.mul(0.25, zh)), 0, 1), straight) as tf.Tensor2D;
}

export const wormholeName = (w: { from: number; to: number }) => `wormhole/${w.from}->${w.to}`;

export function createWormhole(
  spec: WormholeSpec,
  training: TrainingSpec,
  inputWidth: number,
  rng: Rng,
  head: OutputHead = { kind: 'binary' },
): WormholeModel {
  const widths = [...spec.hidden, headUnits(head)];
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
    if (spec.gate === 'hard') return hardGate(h, hole.c.variable as tf.Tensor2D, hole.d.variable);
    const z = tf.add(tf.matMul(h, hole.c.variable as tf.Tensor2D), hole.d.variable) as tf.Tensor2D;
    return spec.gate === 'relu' ? tf.relu(z) : tf.sigmoid(z);
  };
  const kernels = [...layers.map((l) => l.W), ...holes.flatMap((h) => [h.V, h.c])].map((w) => w.variable);

  return {
    weights,
    widths,
    wormholes: spec.wormholes,
    head,
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
        const output = tanhOutput(head) ? tf.tanh(a) : a;
        next.push(l === layers.length ? output : act(a));
      });
      return next;
    },
    gates: (H) => holes.map((hole) => gate(H[hole.from - 1], hole)),
    regularization: () => regularization(kernels, training),
  };
}
