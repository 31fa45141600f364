/**
 * The output head's maths as tfjs ops (the autodiff path and the frames' oracle), as outputHead.ts writes it:
 * outputs z [n, U], labels t [n, 1] (0/1, the class index, or the target):
 *   binary      mean sigmoid cross-entropy;  predicted [z > 0];  map sigmoid(z)
 *   classes k   mean softmax cross-entropy against one_hot(t);  predicted argmax z;  map softmax(z), K per row
 *   regression  0.5 mean (z - t)^2;  no class;  map z
 */
import * as tf from '@tensorflow/tfjs-core';
import type { OutputHead } from '../../experiment';
import { classCount } from './outputHead';

const oneHot = (t: tf.Tensor2D | tf.Tensor1D, k: number) =>
  tf.cast(tf.oneHot(tf.cast(tf.reshape(t, [-1]), 'int32'), k), 'float32');

/** The mean data loss of outputs z against labels t. */
export function headLoss(head: OutputHead, z: tf.Tensor2D, t: tf.Tensor2D): tf.Scalar {
  if (head.kind === 'binary') return tf.losses.sigmoidCrossEntropy(t, z) as tf.Scalar;
  if (head.kind === 'regression') return tf.mul(0.5, tf.mean(tf.square(tf.sub(z, t)))) as tf.Scalar;
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHot(t, head.k), tf.logSoftmax(z)), 1))) as tf.Scalar;
}

/** Each row's predicted class, [n] int32 (regression has none: call only with classes). */
export function headPredicted(head: OutputHead, z: tf.Tensor2D): tf.Tensor1D {
  if (head.kind === 'classes') return tf.argMax(z, 1);
  return tf.cast(tf.reshape(tf.greater(z, 0), [-1]), 'int32');
}

/**
 * [loss, accuracy] and the confusion matrix (C x C counts, row = true class, flat; empty for regression, whose
 * accuracy is NaN).
 */
export function headMetricOps(
  head: OutputHead,
  z: tf.Tensor2D,
  t: tf.Tensor2D,
): { loss: tf.Scalar; accuracy: tf.Scalar; confusion: tf.Tensor1D } {
  const loss = headLoss(head, z, t);
  const C = classCount(head);
  if (C === 0) return { loss, accuracy: tf.scalar(NaN), confusion: tf.zeros([0]) };
  const predicted = headPredicted(head, z);
  const confusion = tf.matMul(oneHot(t, C), oneHot(predicted, C), true, false);
  const accuracy = tf.mean(tf.cast(tf.equal(predicted, tf.cast(tf.reshape(t, [-1]), 'int32')), 'float32'));
  return { loss, accuracy: accuracy as tf.Scalar, confusion: tf.reshape(confusion, [-1]) };
}

/** The heatmap's values: P(class 1), K softmax probabilities per row (row-major), or the value. */
export function headMapOp(head: OutputHead, z: tf.Tensor2D): tf.Tensor {
  if (head.kind === 'binary') return tf.sigmoid(tf.slice(z, [0, 0], [-1, 1]));
  if (head.kind === 'regression') return z;
  return tf.softmax(z);
}
