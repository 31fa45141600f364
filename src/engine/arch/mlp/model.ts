/**
 * Plain MLP, the baseline:  h_0 = x;  h_l = act(h_{l-1} K_l + b_l) for hidden l;  y = h_{L-1} K_L + b_L, the
 * output layer headUnits(head) wide (one logit; K logits for K classes; one value for regression).
 * Loss = the head's mean data loss (core/headOps.ts: sigmoid CE; softmax CE against one_hot(label);
 * 0.5 (y - t)^2) + rate * R(kernels),  R = sum |w| (l1) or 0.5 * sum w^2 (l2).
 */
import * as tf from '@tensorflow/tfjs-core';
import { headUnits, type Activation, type ExperimentSpec, type OutputHead } from '../../../experiment';
import type { Rng } from '../../../experiment';
import { headLoss } from '../../core/headOps';
import type { Model, NamedWeight } from '../../core/model';

export function activate(x: tf.Tensor2D, activation: Activation): tf.Tensor2D {
  switch (activation) {
    case 'tanh':
      return tf.tanh(x);
    case 'relu':
      return tf.relu(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'linear':
      return x;
  }
}

/** Glorot-normal kernel drawn from the seeded RNG (not tf.random*, so every backend starts identically). */
export function glorotKernel(name: string, fanIn: number, fanOut: number, rng: Rng): NamedWeight {
  const sd = Math.sqrt(2 / (fanIn + fanOut));
  const values = Float32Array.from({ length: fanIn * fanOut }, () => rng.normal() * sd);
  return { name, variable: tf.tidy(() => tf.variable(tf.tensor2d(values, [fanIn, fanOut]))) };
}

/**
 * PyTorch's default initialisation of nn.Linear(fanIn, fanOut) (kaiming_uniform with a = sqrt(5) for the weight,
 * the same bound for the bias): both uniform in [-1/sqrt(fanIn), 1/sqrt(fanIn)), from the seeded RNG.
 */
export function pytorchLinear(
  prefix: string,
  fanIn: number,
  fanOut: number,
  rng: Rng,
): [NamedWeight, NamedWeight] {
  const bound = 1 / Math.sqrt(fanIn);
  const uniform = (n: number) => Float32Array.from({ length: n }, () => (2 * rng.next() - 1) * bound);
  const kernel = uniform(fanIn * fanOut);
  const bias = uniform(fanOut);
  return [
    { name: `${prefix}/kernel`, variable: tf.tidy(() => tf.variable(tf.tensor2d(kernel, [fanIn, fanOut]))) },
    { name: `${prefix}/bias`, variable: tf.tidy(() => tf.variable(tf.tensor1d(bias))) },
  ];
}

export function zeroBias(name: string, width: number): NamedWeight {
  return { name, variable: tf.tidy(() => tf.variable(tf.zeros([width]))) };
}

export function regularization(kernels: tf.Tensor[], spec: ExperimentSpec['training']): tf.Scalar {
  if (spec.regularization === 'none' || spec.regularizationRate === 0) return tf.scalar(0);
  const terms = kernels.map((k) =>
    spec.regularization === 'l1' ? tf.sum(tf.abs(k)) : tf.mul(0.5, tf.sum(tf.square(k))),
  );
  return tf.mul(spec.regularizationRate, tf.addN(terms)) as tf.Scalar;
}

export function createMlp(spec: ExperimentSpec, inputWidth: number, rng: Rng, head: OutputHead): Model {
  return mlpWith(spec.mlp.hiddenLayers, spec.mlp.activation, spec.training, inputWidth, rng, head);
}

/** The MLP of given hidden widths and activation (the DIAN comparison uses relu and the DIAN's widths). */
export function mlpWith(
  hidden: number[],
  activation: Activation,
  training: ExperimentSpec['training'],
  inputWidth: number,
  rng: Rng,
  head: OutputHead = { kind: 'binary' },
): Model {
  const widths = [...hidden, headUnits(head)];
  const weights: NamedWeight[] = [];
  let fanIn = inputWidth;
  widths.forEach((width, l) => {
    weights.push(glorotKernel(`dense${l}/kernel`, fanIn, width, rng), zeroBias(`dense${l}/bias`, width));
    fanIn = width;
  });
  const kernels = weights.filter((_, i) => i % 2 === 0).map((w) => w.variable);
  const biases = weights.filter((_, i) => i % 2 === 1).map((w) => w.variable);

  const activations = (x: tf.Tensor2D): tf.Tensor2D[] => {
    const out: tf.Tensor2D[] = [];
    let h = x;
    kernels.forEach((kernel, l) => {
      const a = tf.add(tf.matMul(h, kernel), biases[l]) as tf.Tensor2D;
      h = l === kernels.length - 1 ? a : activate(a, activation);
      out.push(h);
    });
    return out;
  };
  const predict = (x: tf.Tensor2D) => activations(x)[kernels.length - 1];
  const loss = (x: tf.Tensor2D, y: tf.Tensor2D) =>
    tf.add(headLoss(head, predict(x), y), regularization(kernels, training)) as tf.Scalar;

  return {
    weights,
    layerWidths: widths,
    activations,
    predict,
    loss,
  };
}
