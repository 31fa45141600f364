/** What every architecture reports about how well it does. Architecture-specific numbers ride in ArchFrame. */
export interface Metrics {
  /** Live: squared error over recent rewarded steps. */
  trainLoss: number;
  /** Live has no test set: NaN. */
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /**
   * The test set's confusion matrix: C x C counts (C classes; 2 for binary), row = true class, column = predicted,
   * row-major. Absent for regression and where an architecture does not compute it (Live).
   */
  confusion?: number[];
}
