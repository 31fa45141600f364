/** What issue 13's frames add: the test set's confusion matrix and each test row's predicted class. */
import type { Frame, Metrics } from '../../protocol';

export const confusionOf = (frame: Frame): number[] | undefined =>
  (frame.metrics as Metrics & { confusion?: number[] }).confusion;

export const testPredictedOf = (frame: Frame): Float32Array | undefined =>
  (frame as Frame & { testPredicted?: Float32Array }).testPredicted;
