// tfjs variable names are global, so the weight names of docs/DESIGN.md live beside the variables instead.
import type * as tf from '@tensorflow/tfjs-core';

/** A named trainable tensor; names and shapes follow docs/DESIGN.md section 4 (kernels are [in, out]). */
export interface NamedWeight {
  name: string;
  variable: tf.Variable;
}

/**
 * What the training session needs of a model. Every method returns new tensors the caller disposes.
 * `gate` says whether a gated extra path (DIAN) takes part; models without one ignore it.
 */
export interface Model {
  readonly weights: NamedWeight[];
  /** Widths of the layers after the input, as `activations` returns them. */
  readonly layerWidths: number[];
  /** Output logits, [n, outputs]. */
  predict(x: tf.Tensor2D, gate: boolean): tf.Tensor2D;
  /** Activations of every layer after the input (hidden layers, then output), each [n, width]. */
  activations(x: tf.Tensor2D, gate: boolean): tf.Tensor2D[];
  /** The training loss on a batch: data loss plus regularisation. */
  loss(x: tf.Tensor2D, y: tf.Tensor2D, gate: boolean): tf.Scalar;
  /** DIAN only: the per-sample gate value g, [n, 1]. */
  gateValues?(x: tf.Tensor2D): tf.Tensor2D;
  /** DIAN: the extra path's neurons e = relu(s E + be) for each row, whether or not the gate is open. */
  extraValues?(x: tf.Tensor2D): tf.Tensor2D;
}

export type { WeightMap, WeightValues } from '../../experiment';
