/** What every architecture reports about how well it does. Architecture-specific numbers ride in ArchFrame. */
export interface Metrics {
  /** Live: squared error over recent rewarded steps. */
  trainLoss: number;
  /** Live has no test set: NaN. */
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
}

/** DIAN: its test accuracy with the gate forced on / off, too. */
export interface DianMetrics extends Metrics {
  testAccuracyGateOn: number;
  testAccuracyGateOff: number;
}

/** Live: its mean reward over recent steps, too (NaN before the first reward). */
export interface LiveMetrics extends Metrics {
  meanReward: number;
}
