import * as tf from '@tensorflow/tfjs-core';
import type { TrainingSpec } from '../../experiment';
import { ADAM_BETA1, ADAM_BETA2, MOMENTUM } from './fused';

export function createOptimizer(training: TrainingSpec): tf.Optimizer {
  switch (training.optimizer) {
    case 'sgd':
      return tf.train.sgd(training.learningRate);
    case 'momentum':
      return tf.train.momentum(training.learningRate, MOMENTUM);
    case 'adam':
      return tf.train.adam(training.learningRate, ADAM_BETA1, ADAM_BETA2);
  }
}

/**
 * Disposes an optimizer and everything it holds: tfjs's MomentumOptimizer.dispose forgets the learning-rate scalar
 * its parent SGDOptimizer keeps (`c`), one tensor per momentum session or restart (disposing twice is harmless).
 */
export function disposeOptimizer(optimizer: tf.Optimizer): void {
  optimizer.dispose();
  (optimizer as { c?: tf.Tensor }).c?.dispose();
}
