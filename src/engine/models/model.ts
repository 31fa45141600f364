// tfjs variable names are global, so the weight names of DESIGN.md live beside the variables instead.
import type * as tf from '@tensorflow/tfjs';

/** A named trainable tensor; names and shapes follow DESIGN.md section 4 (kernels are [in, out]). */
export interface NamedWeight {
  name: string;
  variable: tf.Variable;
}

/** What the training session needs of a model. Every method returns new tensors the caller disposes. */
export interface Model {
  readonly weights: NamedWeight[];
  /** Output logits, [n, 1]. */
  predict(x: tf.Tensor2D): tf.Tensor2D;
  /** Activations of every layer after the input (hidden layers, then output), each [n, width]. */
  activations(x: tf.Tensor2D): tf.Tensor2D[];
  /** The training loss on a batch: data loss plus regularisation. */
  loss(x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar;
  /** Widths of the layers after the input, as `activations` returns them. */
  readonly layerWidths: number[];
}

export type { WeightMap, WeightValues } from '../../spec';
