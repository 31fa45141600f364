/** What every architecture reports about how well it does. Architecture-specific numbers ride in ArchFrame. */
export interface Metrics {
  /** Live: squared error over recent rewarded steps. */
  trainLoss: number;
  /** Live has no test set: NaN. */
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
}
