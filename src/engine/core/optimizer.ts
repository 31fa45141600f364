import * as tf from '@tensorflow/tfjs-core';
import type { TrainingSpec } from '../../experiment';

export function createOptimizer(training: TrainingSpec): tf.Optimizer {
  switch (training.optimizer) {
    case 'sgd':
      return tf.train.sgd(training.learningRate);
    case 'momentum':
      return tf.train.momentum(training.learningRate, 0.9);
    case 'adam':
      return tf.train.adam(training.learningRate);
  }
}
