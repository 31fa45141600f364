/**
 * Dynamic Input Activation network (docs/DESIGN.md 1.1), the shape-correct version:
 *   h1 = relu(x W1 + b1);  h2 = relu(h1 W2 + b2)
 *   active(t):  e = relu(s E + be)   (E: |s| -> |h2|; s = x, or h1)
 *               g = sigmoid(e G + bg) (G: |h2| -> 1, one scalar gate per sample)
 *               z = h2 + g * e
 *   inactive:   z = h2
 *   y = z W3 + b3  (final activation none: the head's outputs, headUnits(head) of them: one logit, K logits,
 *                   or the value; option relu, as in the reference code)
 *   loss = the head's mean data loss (core/headOps.ts) + the L1/L2 term on the kernels in the graph
 * The published code added a layer-3-wide extra input to layer 2's output (a shape error); here e has |h2|.
 * On inactive iterations E, be, G and bg are not in the graph, so they get no gradient.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { DianSpec, ExperimentSpec, OutputHead } from '../../../experiment';
import type { Rng } from '../../../experiment';
import { headLoss } from '../../core/headOps';
import { glorotKernel, pytorchLinear, regularization, zeroBias } from '../mlp/model';
import type { Model } from '../../core/model';

export interface DianShape {
  inputs: number;
  layer1: number;
  layer2: number;
  outputs: number;
}

/** A dense layer's kernel and bias, started as the spec's initialisation says. */
function layer(init: DianSpec['init'], prefix: string, fanIn: number, fanOut: number, rng: Rng) {
  if (init === 'pytorch') return pytorchLinear(prefix, fanIn, fanOut, rng);
  return [glorotKernel(`${prefix}/kernel`, fanIn, fanOut, rng), zeroBias(`${prefix}/bias`, fanOut)] as const;
}

export function createDian(
  options: Pick<DianSpec, 'source' | 'finalActivation' | 'init'>,
  shape: DianShape,
  training: ExperimentSpec['training'],
  rng: Rng,
  head: OutputHead = { kind: 'binary' },
): Model {
  const sourceWidth = options.source === 'x' ? shape.inputs : shape.layer1;
  const [W1, b1] = layer(options.init, 'layer1', shape.inputs, shape.layer1, rng);
  const [W2, b2] = layer(options.init, 'layer2', shape.layer1, shape.layer2, rng);
  const [W3, b3] = layer(options.init, 'layer3', shape.layer2, shape.outputs, rng);
  const [E, be] = layer(options.init, 'extra', sourceWidth, shape.layer2, rng);
  const [G, bg] = layer(options.init, 'gate', shape.layer2, 1, rng);
  const weights = [W1, b1, W2, b2, W3, b3, E, be, G, bg];
  const v = (w: (typeof weights)[number]) => w.variable;

  const dense = (x: tf.Tensor2D, k: tf.Variable, b: tf.Variable) => tf.add(tf.matMul(x, k), b) as tf.Tensor2D;
  /** The extra path's neurons e = relu(s E + be), s = x or h1, gate or not (the pictures: g and e over the plane). */
  const extra = (x: tf.Tensor2D) =>
    tf.relu(dense(options.source === 'x' ? x : tf.relu(dense(x, v(W1), v(b1))), v(E), v(be)));
  /** Everything the forward pass computes; e and g only when the gate is active. */
  const forward = (x: tf.Tensor2D, gate: boolean) => {
    const h1 = tf.relu(dense(x, v(W1), v(b1)));
    const h2 = tf.relu(dense(h1, v(W2), v(b2)));
    let z = h2;
    if (gate) {
      const e = tf.relu(dense(options.source === 'x' ? x : h1, v(E), v(be)));
      const g = tf.sigmoid(dense(e, v(G), v(bg)));
      z = tf.add(h2, tf.mul(g, e));
    }
    const a = dense(z, v(W3), v(b3));
    return { h1, h2, z, y: options.finalActivation === 'relu' ? tf.relu(a) : a };
  };
  // The extra path's kernels are regularised only when active: inactive, they get no gradient at all.
  const kernels = (gate: boolean) => (gate ? [W1, W2, W3, E, G] : [W1, W2, W3]).map(v);

  return {
    weights,
    layerWidths: [shape.layer1, shape.layer2, shape.outputs],
    predict: (x, gate) => forward(x, gate).y,
    // Layer 2's neurons show z, what layer 3 actually reads.
    activations: (x, gate) => {
      const f = forward(x, gate);
      return [f.h1, f.z, f.y];
    },
    loss: (x, y, gate) =>
      tf.add(headLoss(head, forward(x, gate).y, y), regularization(kernels(gate), training)) as tf.Scalar,
    gateValues: (x) => tf.sigmoid(dense(extra(x), v(G), v(bg))),
    extraValues: (x) => extra(x),
  };
}

/** Is the extra path active on training iteration t? */
export function gateActive(dian: DianSpec, iteration: number): boolean {
  if (dian.schedule === 'always') return true;
  if (dian.schedule === 'never') return false;
  return iteration % dian.period === 0;
}
